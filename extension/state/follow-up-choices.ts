/** The follow-up times offered after an outcome, in the rep's own time zone: one click each. */
export interface FollowUpChoice {
  label: string;
  /** ISO time, or null for "no follow-up". */
  at: string | null;
}

const atNine = (base: Date, addDays: number): Date => {
  const d = new Date(base);
  d.setDate(d.getDate() + addDays);
  d.setHours(9, 0, 0, 0);
  return d;
};

export function followUpChoices(now: Date): FollowUpChoice[] {
  const inTwoHours = new Date(now.getTime() + 2 * 3600_000);
  inTwoHours.setSeconds(0, 0);
  // Monday next week: 1–7 days ahead, never today.
  const toMonday = ((8 - now.getDay()) % 7) || 7;
  return [
    { label: 'In 2 hours', at: inTwoHours.toISOString() },
    { label: 'Tomorrow 9:00', at: atNine(now, 1).toISOString() },
    { label: 'In 3 days', at: atNine(now, 3).toISOString() },
    { label: 'Next Monday', at: atNine(now, toMonday).toISOString() },
    { label: 'No follow-up', at: null },
  ];
}

/** Whether a follow-up time falls on or before the end of the rep's day. */
export function isDueToday(followUpAt: string, now: Date): boolean {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return Date.parse(followUpAt) <= end.getTime();
}

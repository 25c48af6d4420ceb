import type { FollowUp } from '../../shared/schemas/team.ts';

export const ALARM_PREFIX = 'followup:';
export const SYNC_ALARM = 'followups:sync';

const VERB: Record<string, string> = { call: 'Call back', email: 'Email', meeting: 'Meet', note: 'Follow up with' };

/** The reminder a rep sees: "Call back Ana Ruiz, Acme: due now". */
export function reminderText(f: FollowUp, now: Date): string {
  const who = f.company ? `${f.leadName}, ${f.company}` : f.leadName;
  const late = now.getTime() - Date.parse(f.followUpAt);
  const when = late < 60_000 ? 'due now' : `overdue by ${late < 3_600_000 ? `${Math.round(late / 60_000)} min` : late < 86_400_000 ? `${Math.round(late / 3_600_000)} h` : `${Math.round(late / 86_400_000)} d`}`;
  return `${VERB[f.type] ?? 'Follow up with'} ${who}: ${when}`;
}

export interface FollowUpPlan {
  /** One alarm per pending follow-up, named after its lead. */
  alarms: { name: string; when: number }[];
  /** Alarms that exist but whose follow-up was settled or moved to another lead. */
  clear: string[];
  due: number;
  badge: string;
}

/** What to schedule for the follow-ups the server says are pending, given the alarms already set. */
export function planFollowUps(followUps: readonly FollowUp[], existing: readonly { name: string; scheduledTime: number }[], now: Date): FollowUpPlan {
  const wanted = new Map(followUps.map((f) => [`${ALARM_PREFIX}${f.leadId}`, Date.parse(f.followUpAt)]));
  const have = new Map(existing.filter((a) => a.name.startsWith(ALARM_PREFIX)).map((a) => [a.name, a.scheduledTime]));
  const due = followUps.filter((f) => Date.parse(f.followUpAt) <= now.getTime()).length;
  return {
    // A follow-up that is already due has rung (or rings once now); it is not scheduled again.
    alarms: [...wanted].filter(([name, when]) => when > now.getTime() && have.get(name) !== when).map(([name, when]) => ({ name, when })),
    clear: [...have.keys()].filter((name) => !wanted.has(name) || (wanted.get(name) ?? 0) <= now.getTime()),
    due,
    badge: due === 0 ? '' : due > 99 ? '99+' : String(due),
  };
}

export const leadIdOfAlarm = (name: string): string | undefined => (name.startsWith(ALARM_PREFIX) ? name.slice(ALARM_PREFIX.length) : undefined);

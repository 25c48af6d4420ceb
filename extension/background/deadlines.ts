import type { Settings } from '../storage/items.ts';
import { createApi } from '../sync/api.ts';

/** The alarm that checks the rep's contact-by deadlines. MV3 workers sleep: alarms wake them. */
export const DEADLINE_ALARM = 'leadsync-deadlines';
export const CHECK_EVERY_MINUTES = 1;

export interface Deadline {
  leadId: string;
  name: string;
  contactBy: string;
}

/**
 * The deadlines to warn about now: due within `warnMinutes` and not lapsed yet, each once per
 * deadline (a lead reassigned with a new deadline warns again).
 */
export function dueSoon(items: readonly Deadline[], now: Date, warnMinutes: number, warned: Readonly<Record<string, string>>): Deadline[] {
  const t = now.getTime();
  return items.filter((d) => {
    const due = Date.parse(d.contactBy);
    return due > t && due - t <= warnMinutes * 60_000 && warned[d.leadId] !== d.contactBy;
  });
}

export const warningText = (d: Deadline, now: Date): string => {
  const minutes = Math.max(1, Math.round((Date.parse(d.contactBy) - now.getTime()) / 60_000));
  const left = minutes >= 90 ? `${Math.round(minutes / 60)} hours` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `Contact ${d.name} within ${left}, or the lead goes back to the queue.`;
};

/** Clicking a deadline warning opens that lead, like a follow-up reminder (see followups.ts). */
export const DEADLINE_NOTIFICATION_PREFIX = 'leadsync-deadline-';

export interface DeadlineDeps {
  settings(): Promise<Settings>;
  fetch: typeof fetch;
  now(): Date;
  warned: { getValue(): Promise<Record<string, string>>; setValue(v: Record<string, string>): Promise<void> };
  notify(id: string, title: string, message: string): Promise<void>;
}

/** Asks the server for the rep's deadlines and raises a notification for each one coming due. */
export async function checkDeadlines(deps: DeadlineDeps): Promise<Deadline[]> {
  const settings = await deps.settings();
  if (!settings.token) return [];
  const { warnMinutes, items } = await createApi(settings, deps.fetch).queue.deadlines.query();
  const now = deps.now();
  const warned = await deps.warned.getValue();
  const due = dueSoon(items, now, warnMinutes, warned);
  for (const d of due) await deps.notify(`${DEADLINE_NOTIFICATION_PREFIX}${d.leadId}`, 'Leadsync: contact deadline soon', warningText(d, now));
  // Forget leads that no longer carry a deadline, so the record stays small.
  const live = new Set(items.map((i) => i.leadId));
  const next: Record<string, string> = {};
  for (const [id, at] of Object.entries(warned)) if (live.has(id)) next[id] = at;
  for (const d of due) next[d.leadId] = d.contactBy;
  await deps.warned.setValue(next);
  return due;
}

interface AlarmsApi {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
  onAlarm: { addListener(cb: (alarm: { name: string }) => void): void };
}

/** Wires the check to its alarm; called synchronously when the worker starts. */
export function watchDeadlines(alarms: AlarmsApi, deps: DeadlineDeps, log: (err: unknown) => void = console.warn): void {
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DEADLINE_ALARM) checkDeadlines(deps).catch(log);
  });
  void alarms.create(DEADLINE_ALARM, { periodInMinutes: CHECK_EVERY_MINUTES, delayInMinutes: 0.1 });
}

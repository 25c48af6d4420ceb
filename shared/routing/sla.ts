import type { Grade } from '../schemas/lead.ts';
import type { SlaSettings } from '../schemas/routing.ts';

/** When a lead assigned at `now` must be contacted: its grade's hours, else the team's, else the server default. */
export function contactByFor(sla: Pick<SlaSettings, 'hours' | 'byGrade'>, grade: Grade, now: Date, defaultHours: number): string {
  const hours = sla.byGrade[grade] ?? sla.hours ?? defaultHours;
  return new Date(now.getTime() + Math.round(hours * 3600_000)).toISOString();
}

import type { LeadStatus } from './schemas/lead.ts';

/** The statuses a lead may move to from each status. Ownership changes move new ↔ assigned. */
export const TRANSITIONS: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ['assigned', 'contacted', 'qualified', 'lost'],
  assigned: ['new', 'contacted', 'qualified', 'lost'],
  contacted: ['qualified', 'converted', 'lost'],
  qualified: ['contacted', 'converted', 'lost'],
  converted: [],
  lost: ['new'],
};

export const OPEN_STATUSES: ReadonlySet<LeadStatus> = new Set(['assigned', 'contacted', 'qualified']);

export const canTransition = (from: LeadStatus, to: LeadStatus): boolean => from === to || TRANSITIONS[from].includes(to);

/** The stages a lead climbs on its way to a sale, in order; `lost` leaves the funnel at any stage. */
export const FUNNEL_STAGES = ['new', 'assigned', 'contacted', 'qualified', 'converted'] as const satisfies readonly LeadStatus[];
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** How far along the funnel a status is (0 = new), or -1 for lost. */
export const stageIndex = (status: LeadStatus): number => FUNNEL_STAGES.indexOf(status as FunnelStage);

/** The reasons a team starts with; a team lead replaces them with `team.setLostReasons`. */
export const DEFAULT_LOST_REASONS = ['No budget', 'No need', 'Chose a competitor', 'Bad timing', 'Unresponsive', 'Bad data'] as const;

/**
 * The reason to store when a lead is lost: one of the team's reasons, matched without regard to
 * case, in the team's own spelling. A reason outside the list is an error naming the list.
 */
export function resolveLostReason(reasons: readonly string[], given: string | undefined): { ok: true; reason: string } | { ok: false; message: string } {
  if (given === undefined || given.trim() === '') return { ok: false, message: `lostReason: is required to lose a lead; one of ${reasons.join(', ')}` };
  const wanted = given.trim().toLowerCase();
  const match = reasons.find((r) => r.toLowerCase() === wanted);
  return match === undefined ? { ok: false, message: `lostReason: "${given}" is not one of the team's reasons (${reasons.join(', ')})` } : { ok: true, reason: match };
}

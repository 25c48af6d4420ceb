import { TRPCError } from '@trpc/server';
import { DEFAULT_LOST_REASONS, resolveLostReason } from '../../shared/pipeline.ts';
import { lostReasonsValue } from '../../shared/schemas/team.ts';
import type { Deps } from '../deps.ts';
import type { LeadRecord, Tx, UserRecord } from '../store/types.ts';

export const LOST_REASONS_KEY = 'lostReasons';

/** The team's reasons for losing a lead: its own list once a team lead has set one. */
export function lostReasons(deps: Deps): string[] {
  return deps.repos.config.get(LOST_REASONS_KEY, lostReasonsValue, [...DEFAULT_LOST_REASONS]);
}

export async function setLostReasons(deps: Deps, user: UserRecord, reasons: string[]): Promise<string[]> {
  await deps.store.transact((tx) => deps.repos.config.put(tx, LOST_REASONS_KEY, reasons, user.id, deps.now()));
  return lostReasons(deps);
}

/** The reason in the team's spelling, or BAD_REQUEST naming the list. */
export function checkLostReason(deps: Deps, given: string | undefined): string {
  const result = resolveLostReason(lostReasons(deps), given);
  if (!result.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: result.message });
  return result.reason;
}

/** Keeps the end of a lead (converted or lost) as an example the predictive model learns from. */
export function recordOutcome(deps: Deps, tx: Tx, lead: LeadRecord, by: string, now: Date): void {
  if (lead.status !== 'converted' && lead.status !== 'lost') return;
  const { total, grade, fit, engagement, quality } = lead.score;
  deps.repos.outcomes.put(tx, {
    id: lead.id,
    outcome: lead.status === 'converted' ? 'won' : 'lost',
    ...(lead.lostReason && lead.status === 'lost' ? { reason: lead.lostReason } : {}),
    at: now.toISOString(),
    by,
    ownerId: lead.ownerId,
    source: lead.source.kind,
    ...(lead.title ? { title: lead.title } : {}),
    ...(lead.company ? { company: lead.company } : {}),
    score: { total, grade, fit, engagement, quality },
    activities: deps.repos.activities.forLead(lead.id).length,
  });
}

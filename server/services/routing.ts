import { TRPCError } from '@trpc/server';
import { isAwayAt } from '../../shared/routing/eligibility.ts';
import { route } from '../../shared/routing/route.ts';
import type { Rep, StrategyState } from '../../shared/routing/types.ts';
import { type RoutingConfig, type RoutingLogEntry } from '../../shared/schemas/routing.ts';
import { repSettingsOf } from '../../shared/schemas/user.ts';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import type { LeadRecord, Tx, UserRecord } from '../store/types.ts';
import { addHistory } from './leads.ts';
import { moveLead, ROUTING_CONFIG_KEY, routingConfigOf } from './routing-moves.ts';

const STATE_KEY = 'routing.state';
const stateSchema = z.record(z.string(), z.object({ last: z.string().optional(), credit: z.record(z.string(), z.number()).optional() }));

/** The reps rules may pick from: active users with the rep role, with their load now. */
export function repsForRouting(deps: Deps, now: Date, extraLoad: ReadonlyMap<string, number> = new Map()): Rep[] {
  return deps.repos.users
    .list()
    .filter((u) => u.active && u.role === 'rep')
    .map((u) => {
      const s = repSettingsOf(u);
      return {
        id: u.id,
        weight: s.weight,
        capacity: u.capacity,
        open: deps.repos.leads.openCount(u.id) + (extraLoad.get(u.id) ?? 0),
        away: isAwayAt(s, now),
        territories: s.territories,
        tags: s.tags,
      };
    });
}

/**
 * Routes a new, unowned lead by the team's rules when auto-assignment is on. Runs inside the
 * capture's transaction, so the lead is stored and placed in one step. `extraLoad` counts
 * leads given out earlier in the same transaction, which the load index cannot see yet; `note`
 * says why the lead came to the rules (a form owner who could not take it).
 */
export function autoRoute(deps: Deps, tx: Tx, lead: LeadRecord, now: Date, options: { extraLoad?: Map<string, number>; note?: string } = {}): LeadRecord {
  const { extraLoad, note } = options;
  const config = routingConfigOf(deps);
  if (!config.autoAssign || lead.ownerId || lead.status !== 'new') return lead;
  const states = { ...deps.repos.config.get(STATE_KEY, stateSchema, {}), ...(tx.get('config', STATE_KEY)?.value as Record<string, StrategyState> | undefined) };
  const outcome = route(config.rules, repsForRouting(deps, now, extraLoad), { id: lead.id, territory: lead.territory, grade: lead.score.grade, score: lead.score.total, sourceKind: lead.source.kind }, states);
  if (!outcome.routed) {
    deps.log.debug('lead left in the queue', { leadId: lead.id, why: outcome.why });
    return lead;
  }
  deps.repos.config.put(tx, STATE_KEY, { ...states, [outcome.ruleId]: outcome.pick.state }, 'system', now);
  extraLoad?.set(outcome.pick.repId, (extraLoad.get(outcome.pick.repId) ?? 0) + 1);
  const reason = `rule ${outcome.ruleId}: ${outcome.pick.why}`;
  return moveLead(
    deps,
    tx,
    lead,
    { to: outcome.pick.repId, by: 'system', kind: 'routed', reason: note ? `${note}; ${reason}` : reason, ruleId: outcome.ruleId, strategy: outcome.strategy, position: outcome.pick.position },
    now,
  );
}

/** An owner named in advance for new leads, as a web form names one. */
export interface PreferredOwner {
  userId: string;
  /** Who set it up (the user who created the form), for the history. */
  by: string;
  /** What sends the lead there, e.g. `web form "Demo request"`. */
  via: string;
}

/**
 * Places a lead that was just created: with the preferred owner when there is one who can take
 * it (active, not away, under their cap), else by the rules like any capture, else in the queue.
 * One transaction with the capture, so a form post never stores a lead it then fails to place.
 */
export function placeNewLead(deps: Deps, tx: Tx, lead: LeadRecord, now: Date, preferred?: PreferredOwner): LeadRecord {
  if (!preferred) return autoRoute(deps, tx, lead, now);
  const owner = deps.repos.users.get(preferred.userId);
  const open = owner ? deps.repos.leads.openCount(owner.id) : 0;
  const why = !owner?.active ? 'is not an active user' : isAwayAt(repSettingsOf(owner), now) ? 'is away' : open >= owner.capacity ? `has ${open} open leads, the cap` : undefined;
  if (owner && why === undefined) {
    return moveLead(deps, tx, lead, { to: owner.id, by: preferred.by, kind: 'assigned', reason: `${preferred.via} sends its leads to ${owner.name}` }, now);
  }
  const note = `${preferred.via}: ${owner?.name ?? preferred.userId} ${why ?? 'is unknown'}`;
  deps.log.info('preferred owner cannot take the lead', { leadId: lead.id, ownerId: preferred.userId, why: note });
  const routed = autoRoute(deps, tx, lead, now, { note });
  if (routed === lead) {
    // Not routed either: the queue has it, and the history says why the owner did not.
    addHistory(deps, tx, now, { leadId: lead.id, by: 'system', action: 'returned', changes: [], note: `${note}; left in the queue` });
  }
  return routed;
}

export function getRules(deps: Deps): RoutingConfig {
  return routingConfigOf(deps);
}

export function setRules(deps: Deps, by: UserRecord, input: RoutingConfig): Promise<RoutingConfig> {
  const now = deps.now();
  return deps.store.transact((tx) => {
    for (const [i, rule] of input.rules.entries()) {
      for (const [j, userId] of (rule.reps.userIds ?? []).entries()) {
        if (!deps.repos.users.get(userId)) throw new TRPCError({ code: 'BAD_REQUEST', message: `rules.${i}.reps.userIds.${j}: no user ${userId}` });
      }
    }
    const escalateTo = input.sla.escalateTo;
    if (escalateTo !== undefined) {
      const target = deps.repos.users.get(escalateTo);
      if (!target || !target.active || target.role === 'rep') {
        throw new TRPCError({ code: 'BAD_REQUEST', message: `sla.escalateTo: ${escalateTo} is not an active team lead or admin` });
      }
    }
    deps.repos.config.put(tx, ROUTING_CONFIG_KEY, input, by.id, now);
    return input;
  });
}

export function routingLog(deps: Deps, input: { leadId?: string | undefined; userId?: string | undefined; kind?: RoutingLogEntry['kind'] | undefined; cursor?: string | undefined; limit: number }) {
  return deps.repos.routingLog.list(input, input.limit, input.cursor);
}

import { TRPCError } from '@trpc/server';
import { isAwayAt } from '../../shared/routing/eligibility.ts';
import { route } from '../../shared/routing/route.ts';
import type { Rep, StrategyState } from '../../shared/routing/types.ts';
import { type RoutingConfig, type RoutingLogEntry } from '../../shared/schemas/routing.ts';
import { repSettingsOf } from '../../shared/schemas/user.ts';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import type { LeadRecord, Tx, UserRecord } from '../store/types.ts';
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
 * leads given out earlier in the same transaction (an import), which the load index cannot
 * see yet.
 */
export function autoRoute(deps: Deps, tx: Tx, lead: LeadRecord, now: Date, extraLoad?: Map<string, number>): LeadRecord {
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
  return moveLead(
    deps,
    tx,
    lead,
    { to: outcome.pick.repId, by: 'system', kind: 'routed', reason: `rule ${outcome.ruleId}: ${outcome.pick.why}`, ruleId: outcome.ruleId, strategy: outcome.strategy, position: outcome.pick.position },
    now,
  );
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

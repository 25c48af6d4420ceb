import type { RoutingRule } from '../schemas/routing.ts';
import { eligibleReps, whyIneligible } from './eligibility.ts';
import { strategyById } from './registry.ts';
import type { Pick, Rep, RoutableLead, StrategyState } from './types.ts';

export const ruleMatches = (rule: RoutingRule, lead: RoutableLead): boolean => {
  const w = rule.when;
  if (w.grades && !w.grades.includes(lead.grade)) return false;
  if (w.minScore !== undefined && lead.score < w.minScore) return false;
  if (w.sources && !w.sources.includes(lead.sourceKind)) return false;
  if (w.territories && (lead.territory === undefined || !w.territories.includes(lead.territory))) return false;
  return true;
};

const inPool = (rule: RoutingRule, rep: Rep): boolean =>
  (!rule.reps.userIds || rule.reps.userIds.includes(rep.id)) && (!rule.reps.tags || rule.reps.tags.some((t) => rep.tags.includes(t)));

export type RouteOutcome = { routed: true; ruleId: string; strategy: string; pick: Pick } | { routed: false; why: string };

/**
 * Ordered rules, first match wins: the first enabled rule whose condition matches and whose
 * strategy finds an eligible rep (not away, under capacity, covering the territory) decides.
 */
export function route(rules: readonly RoutingRule[], reps: readonly Rep[], lead: RoutableLead, states: Readonly<Record<string, StrategyState>>): RouteOutcome {
  const skipped: string[] = [];
  for (const rule of rules) {
    if (!rule.enabled || !ruleMatches(rule, lead)) continue;
    const strategy = strategyById(rule.strategy);
    const pool = reps.filter((r) => inPool(rule, r));
    const eligible = eligibleReps(pool, lead);
    const pick = strategy && eligible.length > 0 ? strategy.pick(eligible, lead, states[rule.id] ?? {}) : null;
    if (pick) return { routed: true, ruleId: rule.id, strategy: rule.strategy, pick };
    const reasons = [...new Set(pool.map((r) => whyIneligible(r, lead)).filter((w) => w !== null))];
    skipped.push(`${rule.id}: ${pool.length === 0 ? 'no reps' : eligible.length === 0 ? `every rep ${reasons.join(' or ')}` : 'no rep fits'}`);
  }
  return { routed: false, why: skipped.length ? `no rule could place it (${skipped.join('; ')})` : 'no rule matches' };
}

import type { Grade, Score, ScoreReason } from '../schemas/lead.ts';
import type { ScoreGroup, ScoringInput, ScoringRule } from './types.ts';
import { SCORING_RULES } from './registry.ts';

export const SCORE_VERSION = 1;

/** The most each group can add, so that no single group decides a lead alone. */
export const GROUP_CAPS: Record<ScoreGroup, number> = { quality: 40, fit: 40, engagement: 20 };

export function gradeOf(total: number): Grade {
  if (total >= 70) return 'A';
  if (total >= 50) return 'B';
  if (total >= 30) return 'C';
  return 'D';
}

export function computeScore(input: ScoringInput, rules: readonly ScoringRule[] = SCORING_RULES): Score {
  const reasons: ScoreReason[] = [];
  const sums: Record<ScoreGroup, number> = { quality: 0, fit: 0, engagement: 0 };
  for (const rule of rules) {
    const out = rule.evaluate(input);
    for (const hit of out === null ? [] : Array.isArray(out) ? out : [out]) {
      reasons.push({ label: hit.label, points: hit.points, group: rule.group });
      sums[rule.group] += hit.points;
    }
  }
  const capped = (g: ScoreGroup) => Math.max(0, Math.min(GROUP_CAPS[g], sums[g]));
  const quality = capped('quality');
  const fit = capped('fit');
  const engagement = capped('engagement');
  const total = Math.round(quality + fit + engagement);
  return { total, grade: gradeOf(total), quality, fit, engagement, reasons, version: SCORE_VERSION, scoredAt: input.now.toISOString() };
}

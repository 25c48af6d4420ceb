import type { Grade, Score, ScoreReason } from '../schemas/lead.ts';
import { DEFAULT_SCORING_RULES, MIN_OUTCOMES, type CheckStatus, type FieldCheck, type Prediction, type QualityField } from '../schemas/scoring.ts';
import { factorLabel, leadFeatures } from './predict/features.ts';
import { predictNaiveBayes } from './predict/naive-bayes.ts';
import { SCORING_RULES } from './registry.ts';
import type { ScoreGroup, ScoringInput, ScoringRule } from './types.ts';

export const SCORE_VERSION = 2;

/** The most each group can add, so that no single group decides a lead alone. */
export const GROUP_CAPS: Record<ScoreGroup, number> = { quality: 40, fit: 40, engagement: 20 };

/** How many points the model may move the total, up or down. */
export const PREDICTED_WEIGHT = 20;

const GROUP_NAMES: Record<ScoreGroup, string> = { quality: 'Data quality', fit: 'Fit', engagement: 'Engagement' };
const STATUS_RANK: Record<CheckStatus, number> = { unknown: 0, valid: 1, risky: 2, invalid: 3 };

export function gradeOf(total: number): Grade {
  if (total >= 70) return 'A';
  if (total >= 50) return 'B';
  if (total >= 30) return 'C';
  return 'D';
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * The score of a lead. Every point of the total is a reason: rules' points are whole numbers,
 * and where a group's cap or floor bounds its sum, a reason says so with the points it removes
 * or adds back. So the reasons always add up to the total.
 */
export function computeScore(input: ScoringInput, rules: readonly ScoringRule[] = SCORING_RULES): Score {
  const withRules = { ...input, rules: input.rules ?? DEFAULT_SCORING_RULES };
  const reasons: ScoreReason[] = [];
  const sums: Record<ScoreGroup, number> = { quality: 0, fit: 0, engagement: 0 };
  const checks: Partial<Record<QualityField, FieldCheck>> = {};
  for (const rule of rules) {
    const out = rule.evaluate(withRules);
    for (const hit of out === null ? [] : Array.isArray(out) ? out : [out]) {
      const points = Math.round(hit.points);
      reasons.push({ label: hit.label, points, group: rule.group });
      sums[rule.group] += points;
      if (rule.field && hit.status) {
        const prior = checks[rule.field];
        // A field is as good as its worst finding; the first finding of that rank names it.
        if (!prior || STATUS_RANK[hit.status] > STATUS_RANK[prior.status]) checks[rule.field] = { status: hit.status, label: hit.label };
      }
    }
  }
  const groups = {} as Record<ScoreGroup, number>;
  for (const g of Object.keys(GROUP_CAPS) as ScoreGroup[]) {
    const bounded = clamp(sums[g], 0, GROUP_CAPS[g]);
    if (bounded < sums[g]) reasons.push({ label: `${GROUP_NAMES[g]} capped at ${GROUP_CAPS[g]} points`, points: bounded - sums[g], group: g });
    if (bounded > sums[g]) reasons.push({ label: `${GROUP_NAMES[g]} floored at 0 points`, points: bounded - sums[g], group: g });
    groups[g] = bounded;
  }
  let total = groups.quality + groups.fit + groups.engagement;

  const { model } = input;
  let prediction: Prediction;
  let predicted: number | undefined;
  const outcomes = model ? model.classes[0] + model.classes[1] : 0;
  if (model && outcomes >= MIN_OUTCOMES) {
    const out = predictNaiveBayes(model, leadFeatures(input, groups.engagement));
    const base = (model.classes[1] + model.alpha) / (outcomes + 2 * model.alpha);
    predicted = out.probability;
    const sorted = out.contributions.filter((c) => Math.abs(c.weight) >= 0.05).sort((a, b) => b.weight - a.weight);
    const factor = (c: (typeof sorted)[number]) => ({ label: factorLabel(c.feature, c.value), weight: Math.round(c.weight * 100) / 100 });
    prediction = {
      status: 'ready',
      probability: out.probability,
      up: sorted.filter((c) => c.weight > 0).slice(0, 3).map(factor),
      down: sorted.filter((c) => c.weight < 0).reverse().slice(0, 3).map(factor),
      trainedAt: model.trainedAt,
      outcomes,
    };
    // The model moves the total by how far this lead's odds are from the team's usual rate.
    const points = clamp(Math.round((out.probability - base) * 2 * PREDICTED_WEIGHT), Math.max(-PREDICTED_WEIGHT, -total), Math.min(PREDICTED_WEIGHT, 100 - total));
    const pct = (p: number) => `${Math.round(p * 100)}%`;
    reasons.push({ label: `Model: ${pct(out.probability)} likely to convert (team rate ${pct(base)})`, points, group: 'predicted' });
    total += points;
  } else {
    // No count of the team's outcomes here: it would go stale on every lead as soon as one more closes.
    prediction = { status: 'insufficient', needed: MIN_OUTCOMES, message: `No prediction yet: the model is trained once the team has ${MIN_OUTCOMES} converted or lost leads` };
  }

  return {
    total,
    grade: gradeOf(total),
    quality: groups.quality,
    fit: groups.fit,
    engagement: groups.engagement,
    ...(predicted !== undefined ? { predicted } : {}),
    reasons,
    checks,
    prediction,
    version: SCORE_VERSION,
    scoredAt: input.now.toISOString(),
  };
}

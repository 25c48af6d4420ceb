import type { NaiveBayesModel } from '../../schemas/scoring.ts';

/**
 * Naive Bayes over discretised features, as Odoo's predictive lead scoring does. Chosen over
 * logistic regression because it trains in one counting pass (no iterations, no learning rate),
 * copes with the few dozen outcomes a small team has, treats a missing value as just another
 * value, and explains itself: each feature's contribution is a log-likelihood ratio.
 */
export type Features = Readonly<Record<string, string>>;
export interface Example {
  features: Features;
  won: boolean;
}

export function trainNaiveBayes(examples: readonly Example[], trainedAt: Date, alpha = 1): NaiveBayesModel {
  const classes: [number, number] = [0, 0];
  const features: Record<string, Record<string, [number, number]>> = {};
  for (const { features: f, won } of examples) {
    const c = won ? 1 : 0;
    classes[c]++;
    for (const [name, value] of Object.entries(f)) {
      const values = (features[name] ??= {});
      const counts = (values[value] ??= [0, 0]);
      counts[c]++;
    }
  }
  return { kind: 'naive-bayes', trainedAt: trainedAt.toISOString(), alpha, classes, features };
}

export interface Contribution {
  feature: string;
  value: string;
  /** Log-likelihood ratio of won over lost: above 0 pushes towards conversion. */
  weight: number;
}

export interface NaiveBayesOutput {
  probability: number;
  contributions: Contribution[];
}

export function predictNaiveBayes(model: NaiveBayesModel, features: Features): NaiveBayesOutput {
  const [lost, won] = model.classes;
  const a = model.alpha;
  // Smoothed prior, so that a model trained on one class still answers a probability below 1.
  let logOdds = Math.log((won + a) / (lost + a));
  const contributions: Contribution[] = [];
  for (const [feature, values] of Object.entries(model.features)) {
    const value = features[feature] ?? '∅';
    const counts = values[value];
    // A value never seen in training says nothing either way (smoothing alone would lean it towards the rarer class).
    if (!counts) continue;
    const k = Object.keys(values).length;
    const weight = Math.log((counts[1] + a) / (won + a * k)) - Math.log((counts[0] + a) / (lost + a * k));
    logOdds += weight;
    contributions.push({ feature, value, weight });
  }
  return { probability: 1 / (1 + Math.exp(-logOdds)), contributions };
}

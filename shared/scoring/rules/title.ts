import type { FitRules } from '../../schemas/scoring.ts';
import type { ScoringRule } from '../types.ts';

export type Seniority = keyof FitRules['seniority'];

// Seniority, highest first: the first pattern that matches a title decides.
const LEVELS: readonly [RegExp, Seniority, string][] = [
  // `president` but not `vice president`, which the next level scores.
  [/\b(ceo|cfo|cto|coo|cro|cmo|cio|ciso|chief|founder|co-founder|owner|(?<!vice[\s-]?)president|managing director|partner)\b/i, 'cLevel', 'C-level or founder'],
  [/\b(svp|evp|avp|vp|vice[\s-]?president)\b/i, 'vp', 'Vice president'],
  [/\b(head|director)\b/i, 'headOrDirector', 'Head or director'],
  [/\b(manager|lead|principal)\b/i, 'manager', 'Manager'],
];

export function seniorityOf(title: string | undefined): Seniority | undefined {
  if (!title) return undefined;
  for (const [pattern, level] of LEVELS) if (pattern.test(title)) return level;
  return 'individual';
}

export const titleRule: ScoringRule = {
  id: 'title',
  group: 'fit',
  evaluate({ title, rules }) {
    const level = seniorityOf(title);
    if (!level) return null;
    const label = LEVELS.find(([, l]) => l === level)?.[2] ?? 'Individual contributor';
    return { label: `${label} title`, points: rules.fit.seniority[level] };
  },
};

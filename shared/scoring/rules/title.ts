import type { ScoringRule } from '../types.ts';

// Seniority, highest first: the first pattern that matches a title decides its points.
const LEVELS: readonly [RegExp, string, number][] = [
  // `president` but not `vice president`, which the next level scores.
  [/\b(ceo|cfo|cto|coo|cro|cmo|cio|chief|founder|co-founder|owner|(?<!vice[\s-]?)president|managing director|partner)\b/i, 'C-level or founder', 22],
  [/\b(svp|evp|vp|vice[\s-]?president)\b/i, 'Vice president', 18],
  [/\b(head|director)\b/i, 'Head or director', 14],
  [/\b(manager|lead|principal)\b/i, 'Manager', 8],
];

export const titleRule: ScoringRule = {
  id: 'title',
  group: 'fit',
  evaluate({ title }) {
    if (!title) return null;
    for (const [pattern, label, points] of LEVELS) if (pattern.test(title)) return { label: `${label} title`, points };
    return { label: 'Individual contributor title', points: 3 };
  },
};

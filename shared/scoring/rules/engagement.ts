import type { ScoringRule } from '../types.ts';

// Recent touches count more: each activity's points halve every fortnight.
const HALF_LIFE_DAYS = 14;
const POINTS: Record<string, number> = { meeting: 10, call: 6, email: 3, note: 1 };

export const engagementRule: ScoringRule = {
  id: 'engagement',
  group: 'engagement',
  evaluate({ activities, now }) {
    if (activities.length === 0) return null;
    let sum = 0;
    for (const a of activities) {
      const base = a.type === 'call' && a.outcome !== 'connected' ? 2 : (POINTS[a.type] ?? 0);
      const ageDays = Math.max(0, (now.getTime() - Date.parse(a.at)) / 86_400_000);
      sum += base * 0.5 ** (ageDays / HALF_LIFE_DAYS);
    }
    const n = activities.length;
    return { label: `${n} activit${n === 1 ? 'y' : 'ies'}, recent ones weigh most`, points: Math.round(sum) };
  },
};

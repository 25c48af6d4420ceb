import type { ScoringRule } from '../types.ts';

/** The credit check: the company's credit rating and revenue band, from enrichment. */
export const creditRule: ScoringRule = {
  id: 'credit',
  group: 'fit',
  evaluate({ enrichment, rules }) {
    if (!enrichment) return null;
    const hits = [];
    const { creditRating, revenueBand } = enrichment;
    if (creditRating !== undefined) hits.push({ label: `Credit rating ${creditRating}`, points: rules.fit.creditRatings[creditRating] ?? 0 });
    if (revenueBand !== undefined) hits.push({ label: `Revenue ${revenueBand}`, points: rules.fit.revenueBands[revenueBand] ?? 0 });
    return hits;
  },
};

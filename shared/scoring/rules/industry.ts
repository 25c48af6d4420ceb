import type { ScoringRule } from '../types.ts';

/** The company's industry, as enrichment reports it, among the team's target industries. */
export const industryRule: ScoringRule = {
  id: 'industry',
  group: 'fit',
  evaluate({ enrichment, rules }) {
    const { values, points } = rules.fit.targetIndustries;
    const industry = enrichment?.industry;
    if (!industry || values.length === 0) return null;
    const hit = values.find((v) => v.trim().toLowerCase() === industry.toLowerCase());
    return hit ? { label: `Target industry (${industry})`, points } : null;
  },
};

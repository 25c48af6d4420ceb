import type { ScoringRule } from '../types.ts';

export const companyRule: ScoringRule = {
  id: 'company',
  group: 'fit',
  evaluate({ company, website }) {
    const hits = [];
    if (company) hits.push({ label: 'Company known', points: 6 });
    if (website) hits.push({ label: 'Company website known', points: 4 });
    return hits;
  },
};

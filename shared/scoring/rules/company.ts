import type { ScoringRule } from '../types.ts';

export const companyRule: ScoringRule = {
  id: 'company',
  group: 'fit',
  evaluate({ company, website, address }) {
    const hits = [];
    if (company) hits.push({ label: 'Company known', points: 8 });
    if (website) hits.push({ label: 'Company website known', points: 4 });
    if (address) hits.push({ label: 'Address known', points: 4 });
    return hits;
  },
};

import type { ScoringRule } from '../types.ts';

/** Employees, from enrichment, against the team's size bands. */
export const companySizeRule: ScoringRule = {
  id: 'company-size',
  group: 'fit',
  evaluate({ enrichment, rules }) {
    const employees = enrichment?.employees;
    if (employees === undefined) return null;
    const band = [...rules.fit.companySize].sort((a, b) => b.min - a.min).find((b) => employees >= b.min);
    return band ? { label: `${employees.toLocaleString('en-US')} employees`, points: band.points } : null;
  },
};

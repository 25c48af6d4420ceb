import { domainOf } from '../../normalize.ts';
import type { ScoringRule } from '../types.ts';

const norm = (s: string) => s.trim().toLowerCase();

/** A company or domain on the team's list of target accounts. */
export const targetAccountRule: ScoringRule = {
  id: 'target-account',
  group: 'fit',
  evaluate({ company, website, email, rules }) {
    const { names, domains, points } = rules.fit.targetCompanies;
    if (names.length === 0 && domains.length === 0) return null;
    const leadDomains = [domainOf(website), domainOf(email)].filter((d): d is string => d !== undefined);
    const domainHit = domains.map(norm).find((d) => leadDomains.some((l) => l === d || l.endsWith(`.${d}`)));
    const nameHit = company ? names.find((n) => norm(n) === norm(company)) : undefined;
    const hit = nameHit ?? domainHit;
    return hit ? { label: `Target account (${hit})`, points } : null;
  },
};

import { isFreeMailDomain } from '../../freemail.ts';
import { domainOf } from '../../normalize.ts';
import { emailSyntaxProblem, isDisposableDomain } from '../checks/email.ts';
import type { ScoringRule } from '../types.ts';

/** Free-mail or company domain, and whether the company domain is the one of the company's website. */
export const emailDomainRule: ScoringRule = {
  id: 'email-domain',
  group: 'quality',
  field: 'email',
  evaluate({ email, website }) {
    if (!email || emailSyntaxProblem(email)) return null;
    const domain = domainOf(email) ?? '';
    if (isDisposableDomain(domain)) return null;
    if (isFreeMailDomain(domain)) return { label: 'Personal free-mail address', points: 2, status: 'risky' };
    const site = domainOf(website);
    if (!site) return { label: 'Work email', points: 8, status: 'valid' };
    if (domain === site || domain.endsWith(`.${site}`) || site.endsWith(`.${domain}`)) {
      return { label: 'Work email on the company website’s domain', points: 10, status: 'valid' };
    }
    return { label: `Work email on another domain than the website (${site})`, points: 5, status: 'risky' };
  },
};

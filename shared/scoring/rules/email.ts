import { domainOf } from '../../normalize.ts';
import { isFreeMailDomain } from '../../freemail.ts';
import type { ScoringRule } from '../types.ts';

// Addresses that reach a team inbox, not a person.
const ROLE_LOCAL_PARTS = new Set([
  'info', 'sales', 'contact', 'hello', 'support', 'admin', 'office', 'team', 'marketing', 'help',
  'noreply', 'no-reply', 'donotreply', 'billing', 'jobs', 'careers', 'press', 'enquiries', 'inquiries',
  'webmaster', 'postmaster', 'hr', 'accounts', 'service',
]);

export const emailRule: ScoringRule = {
  id: 'email',
  group: 'quality',
  evaluate({ email, website }) {
    if (!email) return null;
    const local = email.slice(0, email.lastIndexOf('@'));
    const domain = domainOf(email);
    if (ROLE_LOCAL_PARTS.has(local)) return { label: `Role address (${local}@), not a person`, points: 4 };
    if (isFreeMailDomain(domain)) return { label: 'Personal free-mail address', points: 8 };
    const site = domainOf(website);
    if (site && domain && (domain === site || domain.endsWith(`.${site}`))) {
      return { label: 'Work email on the company website’s domain', points: 16 };
    }
    return { label: 'Work email', points: 13 };
  },
};

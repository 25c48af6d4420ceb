import { domainOf } from '../../normalize.ts';
import { emailSyntaxProblem, isDisposableDomain } from '../checks/email.ts';
import type { ScoringRule } from '../types.ts';

export const emailDisposableRule: ScoringRule = {
  id: 'email-disposable',
  group: 'quality',
  field: 'email',
  evaluate({ email }) {
    if (!email || emailSyntaxProblem(email)) return null;
    const domain = domainOf(email) ?? '';
    // A throwaway mailbox is gone within hours: nobody will answer there.
    return isDisposableDomain(domain) ? { label: `Disposable email domain (${domain})`, points: -4, status: 'invalid' } : null;
  },
};

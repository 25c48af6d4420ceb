import { emailSyntaxProblem } from '../checks/email.ts';
import type { ScoringRule } from '../types.ts';

export const emailSyntaxRule: ScoringRule = {
  id: 'email-syntax',
  group: 'quality',
  field: 'email',
  evaluate({ email }) {
    if (!email) return null;
    const problem = emailSyntaxProblem(email);
    if (problem) return { label: `Email address malformed: ${problem}`, points: 0, status: 'invalid' };
    return { label: 'Email address well-formed', points: 4, status: 'valid' };
  },
};

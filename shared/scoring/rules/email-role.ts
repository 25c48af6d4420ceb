import { emailSyntaxProblem, roleOf } from '../checks/email.ts';
import type { ScoringRule } from '../types.ts';

export const emailRoleRule: ScoringRule = {
  id: 'email-role',
  group: 'quality',
  field: 'email',
  evaluate({ email }) {
    if (!email || emailSyntaxProblem(email)) return null;
    const role = roleOf(email);
    return role ? { label: `Role address (${role}@), not a person`, points: -6, status: 'risky' } : null;
  },
};

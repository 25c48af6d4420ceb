import { phoneFacts } from '../checks/phone.ts';
import type { ScoringRule } from '../types.ts';

export const phoneValidityRule: ScoringRule = {
  id: 'phone-validity',
  group: 'quality',
  field: 'phone',
  evaluate({ phone }) {
    if (!phone) return null;
    const parsed = phoneFacts(phone);
    if (!parsed.ok) return { label: `Phone number ${parsed.reason}`, points: 0, status: 'invalid' };
    if (!parsed.valid) return { label: 'Phone number not valid for its region', points: 0, status: 'invalid' };
    return { label: `Valid phone number${parsed.country ? ` (${parsed.country})` : ''}`, points: 6, status: 'valid' };
  },
};

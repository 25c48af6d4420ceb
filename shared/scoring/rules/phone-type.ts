import { phoneFacts } from '../checks/phone.ts';
import type { RuleHit, ScoringRule } from '../types.ts';

// libphonenumber-js's type, with the 'max' metadata: what kind of line reaches this person.
const BY_TYPE: Readonly<Record<string, RuleHit>> = {
  MOBILE: { label: 'Mobile phone: reaches the person', points: 8, status: 'valid' },
  FIXED_LINE: { label: 'Landline', points: 6, status: 'valid' },
  FIXED_LINE_OR_MOBILE: { label: 'Landline or mobile', points: 6, status: 'valid' },
  VOIP: { label: 'VoIP number', points: 3, status: 'risky' },
  TOLL_FREE: { label: 'Toll-free number: a switchboard, not a person', points: 1, status: 'risky' },
  SHARED_COST: { label: 'Shared-cost number: a switchboard, not a person', points: 1, status: 'risky' },
  PERSONAL_NUMBER: { label: 'Personal forwarding number', points: 4, status: 'risky' },
  UAN: { label: 'Company-wide number', points: 2, status: 'risky' },
  PAGER: { label: 'Pager number', points: 0, status: 'risky' },
  VOICEMAIL: { label: 'Voicemail-only number', points: 0, status: 'risky' },
  PREMIUM_RATE: { label: 'Premium-rate number', points: 0, status: 'invalid' },
};

export const phoneTypeRule: ScoringRule = {
  id: 'phone-type',
  group: 'quality',
  field: 'phone',
  evaluate({ phone }) {
    if (!phone) return null;
    const parsed = phoneFacts(phone);
    if (!parsed.ok || !parsed.valid) return null;
    return (parsed.type && BY_TYPE[parsed.type]) || { label: 'Phone line of unknown type', points: 4, status: 'unknown' };
  },
};

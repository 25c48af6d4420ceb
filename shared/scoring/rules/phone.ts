import { normalisePhone } from '../../normalize.ts';
import type { ScoringRule } from '../types.ts';

export const phoneRule: ScoringRule = {
  id: 'phone',
  group: 'quality',
  evaluate({ phone }) {
    if (!phone) return null;
    const parsed = normalisePhone(phone);
    if (!parsed.ok || !parsed.valid) return { label: 'Phone number not valid for its region', points: 2 };
    if (parsed.type === 'MOBILE') return { label: 'Valid mobile phone', points: 14 };
    return { label: 'Valid phone number', points: 12 };
  },
};

import { parseAddress, phoneCountry } from '../checks/address.ts';
import type { ScoringRule } from '../types.ts';

export const addressCompleteRule: ScoringRule = {
  id: 'address-complete',
  group: 'quality',
  field: 'address',
  evaluate({ address, phone }) {
    if (!address) return null;
    const a = parseAddress(address, phoneCountry(phone));
    const missing = [!a.street && 'street', !a.city && 'city', !a.postalCode && 'postal code', (!a.country || a.countryInferred) && 'country'].filter(Boolean);
    if (missing.length === 0) return { label: 'Complete address', points: 4, status: 'valid' };
    if (missing.length >= 3) return { label: `Address lacks ${missing.join(', ')}`, points: 0, status: 'invalid' };
    return { label: `Address lacks ${missing.join(', ')}`, points: 2, status: 'risky' };
  },
};

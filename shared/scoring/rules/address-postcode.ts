import { parseAddress, phoneCountry, POSTAL_PATTERNS } from '../checks/address.ts';
import type { ScoringRule } from '../types.ts';

export const addressPostcodeRule: ScoringRule = {
  id: 'address-postcode',
  group: 'quality',
  field: 'address',
  evaluate({ address, phone }) {
    if (!address) return null;
    const a = parseAddress(address, phoneCountry(phone));
    if (!a.country || !POSTAL_PATTERNS[a.country]) return null;
    if (a.postalCode) return { label: `Postal code shaped right for ${a.country}`, points: 2, status: 'valid' };
    if (a.badPostalCode) return { label: `Postal code ${a.badPostalCode} is not shaped like a ${a.country} one`, points: 0, status: 'invalid' };
    return null;
  },
};

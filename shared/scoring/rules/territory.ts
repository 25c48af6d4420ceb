import { parseAddress, phoneCountry } from '../checks/address.ts';
import type { ScoringRule } from '../types.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** In the team's territory: a listed country (from the address, else the phone), or a region named in the address. */
export const territoryRule: ScoringRule = {
  id: 'territory',
  group: 'fit',
  evaluate({ address, phone, rules }) {
    const { countries, regions, points, outsidePoints } = rules.fit.territories;
    if (countries.length === 0 && regions.length === 0) return null;
    const country = address ? parseAddress(address, phoneCountry(phone)).country : phoneCountry(phone);
    const region = address ? regions.find((r) => new RegExp(`(^|[^\\p{L}])${escape(r.trim())}($|[^\\p{L}])`, 'iu').test(address)) : undefined;
    if (region) return { label: `In territory (${region})`, points };
    if (country && countries.includes(country)) return { label: `In territory (${country})`, points };
    if (!country && !address) return null;
    return { label: `Outside the territories${country ? ` (${country})` : ''}`, points: outsidePoints };
  },
};

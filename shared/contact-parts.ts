import { getCountries } from 'libphonenumber-js/max';
import type { ContactPart } from './schemas/contact-parts.ts';

export type ContactParts = Partial<Record<ContactPart, string>>;

let countryCodes: Map<string, string> | undefined;

/**
 * The ISO code of a country written as a code or by its English name ("United Kingdom" → GB),
 * so that a phone number without a country code is read in the contact's own country.
 */
export function regionOfCountry(country: string | undefined): string | undefined {
  if (!country) return undefined;
  const key = country.trim().toLowerCase().replace(/[^a-z]/g, '');
  if (!countryCodes) {
    countryCodes = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of getCountries()) {
      countryCodes.set(code.toLowerCase(), code);
      const name = names.of(code);
      if (name) countryCodes.set(name.toLowerCase().replace(/[^a-z]/g, ''), code);
    }
    for (const [alias, code] of [['usa', 'US'], ['unitedstatesofamerica', 'US'], ['uk', 'GB'], ['england', 'GB'], ['greatbritain', 'GB']] as const) countryCodes.set(alias, code);
  }
  return countryCodes.get(key);
}

/** The lead fields of a form post or a CSV row: names and address parts joined, mobile as a fallback phone. */
export function joinParts(parts: ContactParts) {
  const name = parts.name ?? ([parts.first_name, parts.last_name].filter(Boolean).join(' ') || undefined);
  const cityLine = [parts.state, parts.zip].filter(Boolean).join(' ');
  const address = parts.address ?? ([parts.street, parts.city, cityLine, parts.country].filter(Boolean).join(', ') || undefined);
  const phone = parts.phone ?? parts.mobile;
  const region = regionOfCountry(parts.country);
  return {
    ...(name ? { name } : {}),
    ...(parts.email ? { email: parts.email } : {}),
    ...(phone ? { phone } : {}),
    ...(parts.title ? { title: parts.title } : {}),
    ...(parts.company ? { company: parts.company } : {}),
    ...(parts.website ? { website: parts.website } : {}),
    ...(address ? { address } : {}),
    ...(region ? { region } : {}),
  };
}

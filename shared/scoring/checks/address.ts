import { memo } from './memo.ts';
import { phoneFacts } from './phone.ts';

/** The country of a phone number, which stands in for an address that does not name its country. */
export const phoneCountry = (phone: string | undefined): string | undefined => {
  if (!phone) return undefined;
  const p = phoneFacts(phone);
  return p.ok ? p.country : undefined;
};

/** Postal code shapes of the countries most teams sell into; other countries are not checked. */
export const POSTAL_PATTERNS: Readonly<Record<string, RegExp>> = {
  US: /^\d{5}(-\d{4})?$/,
  CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/,
  IE: /^[A-Z]\d[\dW] ?[A-Z\d]{4}$/,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  ES: /^\d{5}$/,
  IT: /^\d{5}$/,
  NL: /^\d{4} ?[A-Z]{2}$/,
  BE: /^\d{4}$/,
  CH: /^\d{4}$/,
  AT: /^\d{4}$/,
  DK: /^\d{4}$/,
  NO: /^\d{4}$/,
  AU: /^\d{4}$/,
  SE: /^\d{3} ?\d{2}$/,
  PL: /^\d{2}-\d{3}$/,
  PT: /^\d{4}-\d{3}$/,
  JP: /^\d{3}-\d{4}$/,
  BR: /^\d{5}-?\d{3}$/,
  IN: /^\d{6}$/,
  MX: /^\d{5}$/,
};

const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  'united states': 'US', 'united states of america': 'US', usa: 'US', us: 'US', 'u.s.a.': 'US', 'u.s.': 'US',
  canada: 'CA', 'united kingdom': 'GB', uk: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB', gb: 'GB',
  ireland: 'IE', germany: 'DE', deutschland: 'DE', france: 'FR', spain: 'ES', españa: 'ES', italy: 'IT', italia: 'IT',
  netherlands: 'NL', 'the netherlands': 'NL', nederland: 'NL', belgium: 'BE', switzerland: 'CH', schweiz: 'CH', suisse: 'CH',
  austria: 'AT', österreich: 'AT', denmark: 'DK', norway: 'NO', australia: 'AU', sweden: 'SE', sverige: 'SE', poland: 'PL',
  polska: 'PL', portugal: 'PT', japan: 'JP', brazil: 'BR', brasil: 'BR', india: 'IN', mexico: 'MX', méxico: 'MX',
};

export interface ParsedAddress {
  street?: string;
  city?: string;
  postalCode?: string;
  /** A digit-bearing token that should be the postal code but has the wrong shape. */
  badPostalCode?: string;
  /** ISO code, from the address itself or (`countryInferred`) from the phone number. */
  country?: string;
  countryInferred?: boolean;
}

const STREET_WORDS = /\b(st|street|rd|road|ave|avenue|blvd|boulevard|lane|ln|way|drive|dr|place|pl|square|sq|court|ct|suite|floor|straße|strasse|str|rue|via|calle|weg|laan|plein|gasse)\b\.?/i;

/** Splits a one-line or multi-line address into its parts, as far as they can be told apart. */
export function parseAddress(address: string, phoneCountry?: string): ParsedAddress {
  return parseCached(`${phoneCountry ?? ''}|${address}`);
}

const parseCached = memo((key) => {
  const bar = key.indexOf('|');
  return parseUncached(key.slice(bar + 1), key.slice(0, bar) || undefined);
});

function parseUncached(address: string, phoneCountry: string | undefined): ParsedAddress {
  const parts = address.split(/[,\n;]+/).map((p) => p.trim()).filter(Boolean);
  const out: ParsedAddress = {};
  const last = parts.at(-1)?.toLowerCase().replace(/\.$/, '');
  const named = last !== undefined ? COUNTRY_NAMES[last] : undefined;
  if (named && parts.length > 1) {
    out.country = named;
    parts.pop();
  } else if (phoneCountry) {
    out.country = phoneCountry;
    out.countryInferred = true;
  }
  const streetIndex = parts.findIndex((p) => /\d/.test(p) && /\p{L}{2}/u.test(p) && (STREET_WORDS.test(p) || /^\d+[a-z]?\s+\p{L}/iu.test(p) || /\p{L}\s+\d+[a-z]?$/iu.test(p)));
  if (streetIndex >= 0) out.street = parts[streetIndex];
  const rest = parts.filter((_, i) => i !== streetIndex);
  const pattern = out.country ? POSTAL_PATTERNS[out.country] : undefined;
  for (const part of rest) {
    const tokens = part.toUpperCase().split(/\s+/);
    let found: string | undefined;
    // A postal code is one token or two (SW1A 1AA, K1A 0B1); try pairs first so "SW1A" alone does not win.
    for (let i = 0; i < tokens.length && !found; i++) {
      const pair = i + 1 < tokens.length ? `${tokens[i]} ${tokens[i + 1]}` : undefined;
      for (const candidate of [pair, tokens[i]]) {
        if (candidate && /\d/.test(candidate) && (pattern ? pattern.test(candidate) : /^[A-Z\d][A-Z\d -]{2,9}$/.test(candidate))) {
          found = candidate;
          break;
        }
      }
    }
    if (found) {
      out.postalCode = found;
    } else if (!out.badPostalCode) {
      const digits = tokens.find((t) => /\d/.test(t));
      if (digits) out.badPostalCode = digits;
    }
    const city = part
      .replace(found ? new RegExp(found.replace(/[-\s]/g, '[-\\s]?'), 'i') : /$^/, '')
      .replace(/\b[A-Z]{2}\b/, (m) => (part === m ? m : ''))
      .replace(/\d+/g, '')
      .trim();
    if (!out.city && /\p{L}{2}/u.test(city)) out.city = city;
  }
  if (out.postalCode) delete out.badPostalCode;
  return out;
}

import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** Collapses runs of whitespace and trims; undefined for an empty result. */
export function cleanText(value: string | undefined | null): string | undefined {
  if (value == null) return undefined;
  const out = value.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  return out === '' ? undefined : out;
}

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export type PhoneResult =
  | { ok: true; e164: string; valid: boolean; type: string | undefined; country: string | undefined }
  | { ok: false; reason: string };

/**
 * Any written phone number to E.164. A number that is possible (right length) but not valid
 * for its region is still kept: quality scoring marks it, and a rep may know better.
 */
export function normalisePhone(raw: string, region: string = 'US'): PhoneResult {
  const text = raw.trim();
  if (!/\d/.test(text)) return { ok: false, reason: 'has no digits' };
  const parsed = parsePhoneNumberFromString(text, region.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isPossible()) return { ok: false, reason: 'is not a possible phone number' };
  return { ok: true, e164: parsed.number, valid: parsed.isValid(), type: parsed.getType(), country: parsed.country };
}

/** A website to `https://host[/path]`, lowercased host, no trailing slash, no `www.`-stripping. */
export function normaliseWebsite(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (!url.hostname.includes('.')) return undefined;
    const path = url.pathname.replace(/\/+$/, '');
    return `${url.protocol}//${url.hostname.toLowerCase()}${path}`;
  } catch {
    return undefined;
  }
}

/** The registrable-looking domain of a website or email, without `www.`. */
export function domainOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const at = value.lastIndexOf('@');
  if (at >= 0) return value.slice(at + 1).toLowerCase() || undefined;
  const site = normaliseWebsite(value);
  if (!site) return undefined;
  return new URL(site).hostname.replace(/^www\./, '');
}

// Latin letters that NFKD does not split into a base letter and an accent.
const FOLD: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd' };

/**
 * Lowercased, accent-free, single-spaced: the form two spellings of one name share. Letters of
 * every script are kept (a name in Cyrillic or Han has a key too); punctuation becomes a space.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[łøđħıßæœþð]/g, (c) => FOLD[c] ?? c)
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

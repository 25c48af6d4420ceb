import { cleanText, normaliseEmail, normalisePhone, normaliseWebsite } from '../normalize.ts';
import { OTHER_PHONES_MAX } from '../schemas/limits.ts';
import type { Candidate, CandidateField, ExtractContext } from './types.ts';

export type Fields = Partial<Record<CandidateField, string | undefined>> & { otherPhones?: readonly (string | undefined)[] };

// Bounded classes, no nested quantifiers: linear on hostile text.
export const EMAIL_SHAPE = /^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}$/;

/** An address from `mailto:x@y?subject=…`, `MAILTO:X@Y` or plain text; undefined unless it is one. */
export function cleanEmail(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let value = raw.trim().replace(/^mailto:/i, '');
  value = (value.split('?')[0] ?? '').split(',')[0] ?? '';
  try {
    value = decodeURIComponent(value);
  } catch {
    // A stray % is kept as written; the shape check below decides.
  }
  value = normaliseEmail(value);
  return EMAIL_SHAPE.test(value) ? value : undefined;
}

/** A phone in any notation (tel: links too) to E.164, or undefined. */
export function cleanPhone(raw: string | undefined, region: string): string | undefined {
  if (!raw) return undefined;
  let value = raw.trim().replace(/^tel:/i, '').replace(/^callto:/i, '');
  try {
    value = decodeURIComponent(value);
  } catch {
    // kept as written
  }
  const raw0 = value.split(';')[0] ?? '';
  const result = normalisePhone(raw0, region);
  if (result.ok) return result.e164;
  // "(33 1) 42 68 53 00": an international number written without its "+", kept only when valid.
  const international = normalisePhone(`+${raw0.replace(/\D/g, '')}`, region);
  return international.ok && international.valid ? international.e164 : undefined;
}

/** Builds a candidate from raw field values: cleans each, drops what is not valid, records provenance. */
export function makeCandidate(
  extractor: string,
  ctx: ExtractContext,
  raw: Fields,
  confidence: number,
  place: Pick<Candidate, 'anchor' | 'placement' | 'block'> = {},
): Candidate {
  const c: Candidate = { source: { kind: 'page', url: ctx.url }, confidence, provenance: {}, ...place };
  const set = (field: CandidateField, value: string | undefined) => {
    if (value === undefined) return;
    c[field] = value;
    c.provenance[field] = extractor;
  };
  set('email', cleanEmail(raw.email));
  const phones = [raw.phone, ...(raw.otherPhones ?? [])].map((p) => cleanPhone(p, ctx.region)).filter((p): p is string => p !== undefined);
  set('phone', phones[0]);
  addPhones(c, phones.slice(1));
  // "www.acme.com" is a site; "/about" is a link of this page.
  const site = raw.website?.trim();
  set('website', site ? normaliseWebsite(/^[/.?#]/.test(site) ? resolveUrl(site, ctx.url) : site) : undefined);
  set('linkedin', raw.linkedin ? normaliseWebsite(raw.linkedin) : undefined);
  for (const field of ['name', 'title', 'company', 'address'] as const) {
    const value = cleanText(raw[field]);
    set(field, value && value.length <= (field === 'address' ? 500 : 200) ? value : undefined);
  }
  return c;
}

/** Adds numbers to a candidate's other phones, leaving out its own phone and those it has. */
export function addPhones(c: Candidate, phones: readonly string[]): void {
  for (const phone of phones) {
    if (phone === c.phone || c.otherPhones?.includes(phone)) continue;
    if ((c.otherPhones?.length ?? 0) >= OTHER_PHONES_MAX) return;
    (c.otherPhones ??= []).push(phone);
  }
}

/** Every number of a candidate, its phone first. */
export const phonesOf = (c: Candidate): string[] => (c.phone ? [c.phone, ...(c.otherPhones ?? [])] : (c.otherPhones ?? []));

export function resolveUrl(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/** Whether a candidate carries anything a rep could act on. */
export const hasContact = (c: Candidate): boolean => c.email !== undefined || c.phone !== undefined;

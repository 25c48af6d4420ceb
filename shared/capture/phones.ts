import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import { normalisePhone } from '../normalize.ts';

const DIGITS = /\d/g;
const FAX = /\b(?:fax|telefax|f)\s*[.:]?\s*$/i;
// A run that could be a written phone number; libphonenumber decides whether it is one.
const DATE = /\b(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b/;
const PHONE_RUN = /(?:\+|\b)\d[\d\s().\-/]{5,22}\d\b/g;

/**
 * Phone numbers written in a text, as E.164, skipping ones labelled as fax. `VALID` (page text)
 * keeps numbers valid for their region; `POSSIBLE` (a signature line, already known to be a
 * contact line) keeps any number of a possible length, such as the 555 numbers of examples.
 */
export function phonesInText(text: string, region: string, leniency: 'POSSIBLE' | 'VALID' = 'VALID'): { phone: string; index: number }[] {
  // Cheap gate: a phone number has at least seven digits.
  if ((text.match(DIGITS)?.length ?? 0) < 7) return [];
  const out: { phone: string; index: number }[] = [];
  const isFax = (at: number) => FAX.test(text.slice(Math.max(0, at - 12), at));
  if (leniency === 'VALID') {
    for (const found of findPhoneNumbersInText(text, { defaultCountry: region.toUpperCase() as CountryCode })) {
      // "2014-12-21 30 days" reads as a valid New Jersey number; dates are not phones.
      if (DATE.test(text.slice(found.startsAt, found.endsAt))) continue;
      if (!isFax(found.startsAt)) out.push({ phone: found.number.number, index: found.startsAt });
    }
    return out;
  }
  for (const m of text.matchAll(PHONE_RUN)) {
    const at = m.index ?? 0;
    const parsed = normalisePhone(m[0], region);
    if (parsed.ok && !isFax(at)) out.push({ phone: parsed.e164, index: at });
  }
  return out;
}

import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { normalisePhone } from '../normalize.ts';

const DIGITS = /\d/g;
const FAX = /\b(?:fax|telefax|f)\s*[.:]?\s*$/i;
// A run that could be a written phone number; libphonenumber decides whether it is one.
const DATE = /\b(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b/;
const PHONE_RUN = /(?:\+|\(|\b)\d[\d \t\u00a0().\-/]{5,22}\d\b/g;
// Digits glued to the run (a longer number, a product code) mean it is part of something else.
const GLUED = /[\p{L}\d_]/u;

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
    // Runs of digits and separators, each parsed on its own: libphonenumber's own text matcher
    // would do the same at three times the code in a script that runs on every page.
    const country = region.toUpperCase() as CountryCode;
    for (const m of text.matchAll(PHONE_RUN)) {
      const at = m.index ?? 0;
      const end = at + m[0].length;
      if ((at > 0 && GLUED.test(text[at - 1]!)) || (end < text.length && GLUED.test(text[end]!))) continue;
      // "2014-12-21 30 days" reads as a valid New Jersey number; dates are not phones.
      if (DATE.test(m[0]) || isFax(at)) continue;
      // "CA 94086 (408) 714-1489": a run may start with the digits of something else.
      for (let skip = 0, from = 0; skip < 3 && from >= 0; skip++, from = m[0].indexOf(' ', from + 1)) {
        const part = m[0].slice(from).trim();
        const parsed = part.replace(/\D/g, '').length >= 7 ? parsePhoneNumberFromString(part, country) : undefined;
        if (parsed?.isValid()) {
          out.push({ phone: parsed.number, index: at + from });
          break;
        }
      }
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

import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { normalisePhone } from '../normalize.ts';

const DIGITS = /\d/g;
const FAX = /\b(?:fax|telefax|f)\s*[.:]?\s*\(?\s*$/i;
// A run that could be a written phone number; libphonenumber decides whether it is one.
const DATE = /\b(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b/;
const PHONE_RUN = /(?:\+|\(|\b)\d[\d \t\u00a0().\-/]{5,22}\d\b/g;
// Digits glued to the run (a longer number, a product code) mean it is part of something else.
const GLUED = /[\p{L}\d_]/u;
// "Tel: ", "Phone ", "Call us on ", "T: ": the text says the next digits are a phone number.
const LABEL = /(?:\b(?:tel(?:ephone)?|phone|call(?: us)?(?: at| on)?|mobile|cell|mob|ph|direct|office|whatsapp)\b[^\p{L}\d\n]{0,4}|\b[tpm]\s*[:.]\s*)$/iu;
// More numbers after a labelled one: "Telephone: +34 983 878 011, +34 659 843 463".
const LIST_GAP = /^\s*(?:[,;/|]|or|and)\s*$/i;
// "(425) 123-4567": the way a North American number is written, whatever its exchange.
const NANP_WRITTEN = /^\(\d{3}\)\s?\d{3}[-.\s]\d{4}$/;

/**
 * One written number as E.164, or undefined. A valid number always counts. A labelled one may also
 * be merely possible (an exchange no carrier uses yet is still what the page says to dial), or
 * written without its "+": "Tel: (33 1) 42 68 53 00" is a Paris number.
 */
function phoneOf(part: string, country: CountryCode, labelled: boolean, bracketed: boolean): string | undefined {
  const digits = part.replace(/\D/g, '');
  if (digits.length < 7) return undefined;
  const parsed = parsePhoneNumberFromString(part, country);
  if (parsed?.isValid()) return parsed.number;
  if (parsed?.isPossible() && (labelled || NANP_WRITTEN.test(part))) return parsed.number;
  if (!(labelled || bracketed) || part.startsWith('+')) return undefined;
  const international = parsePhoneNumberFromString(`+${digits}`);
  return international?.isValid() ? international.number : undefined;
}

export interface PhoneInText {
  phone: string;
  index: number;
  /** It continues a list after the number before it ("+34 983 878 011, +34 659 843 463"): one contact's numbers. */
  listed?: boolean;
}

/**
 * Phone numbers written in a text, as E.164, skipping ones labelled as fax. `VALID` (page text)
 * keeps numbers valid for their region; `POSSIBLE` (a signature line, already known to be a
 * contact line) keeps any number of a possible length, such as the 555 numbers of examples.
 */
export function phonesInText(text: string, region: string, leniency: 'POSSIBLE' | 'VALID' = 'VALID', before = ''): PhoneInText[] {
  // Cheap gate: a phone number has at least seven digits.
  if ((text.match(DIGITS)?.length ?? 0) < 7) return [];
  // `before`: the text just before this one on the page ("Fax:" in the element ahead of the number).
  if (before) {
    const lead = before.slice(-24) + ' ';
    return phonesInText(lead + text, region, leniency).filter((m) => m.index >= lead.length).map((m) => ({ ...m, index: m.index - lead.length }));
  }
  const out: PhoneInText[] = [];
  const isFax = (at: number) => FAX.test(text.slice(Math.max(0, at - 12), at));
  if (leniency === 'VALID') {
    // Runs of digits and separators, each parsed on its own: libphonenumber's own text matcher
    // would do the same at three times the code in a script that runs on every page.
    const country = region.toUpperCase() as CountryCode;
    let lastEnd = -1;
    let lastLabelled = false;
    for (const m of text.matchAll(PHONE_RUN)) {
      const at = m.index ?? 0;
      const end = at + m[0].length;
      if ((at > 0 && GLUED.test(text[at - 1]!)) || (end < text.length && GLUED.test(text[end]!))) continue;
      // "2014-12-21 30 days" reads as a valid New Jersey number; dates are not phones.
      if (DATE.test(m[0]) || isFax(at)) continue;
      const listed = lastEnd >= 0 && LIST_GAP.test(text.slice(lastEnd, at));
      const labelled: boolean = LABEL.test(text.slice(Math.max(0, at - 24), at)) || (lastLabelled && listed);
      // "CA 94086 (408) 714-1489": a run may start with the digits of something else.
      for (let skip = 0, from = 0; skip < 3 && from >= 0; skip++, from = m[0].indexOf(' ', from + 1)) {
        const part = m[0].slice(from).trim();
        const phone = phoneOf(part, country, labelled, /\(\s*$/.test(text.slice(Math.max(0, at + from - 3), at + from)) || part.startsWith('('));
        if (phone) {
          out.push({ phone, index: at + from, ...(listed ? { listed } : {}) });
          lastEnd = end;
          lastLabelled = labelled;
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

import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';

const DIGITS = /\d/g;
const FAX = /\b(?:fax|telefax|f)\s*[.:]?\s*$/i;

/** Phone numbers written in a text, as E.164, skipping ones labelled as fax. */
export function phonesInText(text: string, region: string): { phone: string; index: number }[] {
  // Cheap gate: a phone number has at least seven digits.
  if ((text.match(DIGITS)?.length ?? 0) < 7) return [];
  const out: { phone: string; index: number }[] = [];
  for (const found of findPhoneNumbersInText(text, { defaultCountry: region.toUpperCase() as CountryCode })) {
    if (FAX.test(text.slice(Math.max(0, found.startsAt - 12), found.startsAt))) continue;
    out.push({ phone: found.number.number, index: found.startsAt });
  }
  return out;
}

// Stands in for `libphonenumber-js/max` in the content script (see wxt.config.ts): the same
// functions, bound to metadata read from extension storage at start (setPhoneMetadata) instead of
// 83 KB of metadata bundled into a script that runs on every page.
import {
  findPhoneNumbersInText as findWith,
  getCountries as countriesWith,
  parsePhoneNumberFromString as parseWith,
  type CountryCode,
  type MetadataJson,
  type NumberFound,
  type PhoneNumber,
} from 'libphonenumber-js/core';

export type { CountryCode, MetadataJson, NumberFound, PhoneNumber };

let metadata: MetadataJson | undefined;

export function setPhoneMetadata(value: MetadataJson): void {
  metadata = value;
}

export const hasPhoneMetadata = (): boolean => metadata !== undefined;

function loaded(): MetadataJson {
  // The content script loads it before its first scan; reaching here without it is a wiring bug.
  if (!metadata) throw new Error('phone metadata is not loaded');
  return metadata;
}

export function findPhoneNumbersInText(text: string, options?: CountryCode | { defaultCountry?: CountryCode; extended?: boolean }): NumberFound[] {
  return options === undefined ? findWith(text, loaded()) : findWith(text, options, loaded());
}

export function parsePhoneNumberFromString(text: string, defaultCountry?: CountryCode | { defaultCountry?: CountryCode; defaultCallingCode?: string; extract?: boolean }): PhoneNumber | undefined {
  return defaultCountry === undefined ? parseWith(text, loaded()) : parseWith(text, defaultCountry, loaded());
}

export function getCountries(): CountryCode[] {
  return countriesWith(loaded());
}

import { storage } from '#imports';
import type { MetadataJson } from 'libphonenumber-js/core';
import { PHONE_METADATA_KEY } from './keys.ts';

/**
 * libphonenumber's `min` metadata, written by the background when the extension is installed or
 * updated (and at start if missing), read by the content script: data kept once in storage
 * rather than bundled into the script every page runs.
 */
export const phoneMetadataItem = storage.defineItem<MetadataJson | null>(`local:${PHONE_METADATA_KEY}`, {
  fallback: null,
  version: 1,
});

// Extension-storage keys that the content script reads too. The content script runs on every page
// it scans, so it reads them with `content/local-store.ts` rather than WXT's storage layer.

/** Addresses and domains the rep never captures, as typed in the options (one per line). */
export const NEVER_CAPTURE_KEY = 'neverCapture';
/** libphonenumber's `min` metadata, written by the background. */
export const PHONE_METADATA_KEY = 'phoneMetadata';

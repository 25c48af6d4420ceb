/** Limits of the API that clients share; here, apart from the schemas, so a content script can read them without zod. */
export const LOOKUP_MAX = 200;

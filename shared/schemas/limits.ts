/** Limits of the API that clients share; here, apart from the schemas, so a content script can read them without zod. */
export const LOOKUP_MAX = 200;

/** Further numbers one captured contact may carry besides its phone: a page listing more is a directory, not a person. */
export const OTHER_PHONES_MAX = 4;

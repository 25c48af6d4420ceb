import { z } from 'zod';

/** A sales territory code such as EMEA or US-CA: trimmed, upper case. */
export const territoryField = z
  .string()
  .max(40)
  .transform((v) => v.trim().toUpperCase())
  .pipe(z.string().min(1, 'must not be empty').max(40).regex(/^[A-Z0-9][A-Z0-9 _-]*$/, 'must be letters, digits, spaces, - or _'));

export const tagField = z
  .string()
  .max(40)
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.string().min(1, 'must not be empty').max(40));

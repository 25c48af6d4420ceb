import { z } from 'zod';

/**
 * What a form field or a CSV column can fill: a lead's fields, or a part that is joined into one
 * (first and last name into the name, street, city … into the address).
 */
export const CONTACT_PARTS = [
  'name',
  'first_name',
  'last_name',
  'email',
  'phone',
  'mobile',
  'title',
  'company',
  'website',
  'address',
  'street',
  'city',
  'state',
  'zip',
  'country',
] as const;
export const contactPart = z.enum(CONTACT_PARTS);
export type ContactPart = z.infer<typeof contactPart>;

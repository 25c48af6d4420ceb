import { domainOf, nameKey } from './normalize.ts';
import { isFreeMailDomain } from './freemail.ts';

export interface DedupeFields {
  name?: string | undefined;
  email?: string | undefined;
  otherEmails?: readonly string[] | undefined;
  phone?: string | undefined;
  otherPhones?: readonly string[] | undefined;
  website?: string | undefined;
}

/** The company domain of a contact: its website's, else its email's unless that is free mail. */
export function companyDomain(fields: DedupeFields): string | undefined {
  const fromSite = domainOf(fields.website);
  if (fromSite) return fromSite;
  const fromEmail = domainOf(fields.email);
  return fromEmail && !isFreeMailDomain(fromEmail) ? fromEmail : undefined;
}

/**
 * The keys under which two records are the same person, strongest first: any email, any phone,
 * then company domain plus name. Fields must already be normalised.
 */
export function dedupeKeys(fields: DedupeFields): string[] {
  const keys: string[] = [];
  for (const email of [fields.email, ...(fields.otherEmails ?? [])]) if (email) keys.push(`email:${email}`);
  for (const phone of [fields.phone, ...(fields.otherPhones ?? [])]) if (phone) keys.push(`phone:${phone}`);
  const domain = companyDomain(fields);
  const name = fields.name ? nameKey(fields.name) : '';
  if (domain && name.includes(' ')) keys.push(`name:${domain}|${name}`);
  return keys;
}

import type { ContactField } from './schemas/lead.ts';

// No runtime imports: the content script uses this, and must not carry zod.
/** How the product names each contact field to a rep. */
export const CONTACT_FIELD_LABELS: Record<ContactField, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  title: 'Title',
  company: 'Company',
  website: 'Website',
  address: 'Address',
};

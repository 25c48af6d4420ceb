import type { ColumnTarget } from '../schemas/imports.ts';

/** A header as compared: lower case, letters and digits only ("E-mail Address" → "emailaddress"). */
export const headerKey = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The column headers of HubSpot's and Salesforce's exports, of Leadsync's own, and plain ones.
 * HubSpot: "First Name", "Phone Number", "Company Name", "Job Title", "Website URL", "State/Region" …;
 * Salesforce: "First Name", "Phone", "Mobile", "Company", "Title", "State/Province", "Zip/Postal Code" ….
 */
const KNOWN: Record<string, Exclude<ColumnTarget, 'ignore'>> = {
  name: 'name', fullname: 'name', contactname: 'name', contact: 'name',
  firstname: 'first_name', givenname: 'first_name', first: 'first_name',
  lastname: 'last_name', surname: 'last_name', familyname: 'last_name', last: 'last_name',
  email: 'email', emailaddress: 'email', email1: 'email', workemail: 'email', businessemail: 'email',
  phone: 'phone', phonenumber: 'phone', telephone: 'phone', tel: 'phone', workphone: 'phone', businessphone: 'phone', officephone: 'phone',
  mobile: 'mobile', mobilephone: 'mobile', mobilephonenumber: 'mobile', cellphone: 'mobile', cell: 'mobile',
  title: 'title', jobtitle: 'title', position: 'title', role: 'title',
  company: 'company', companyname: 'company', organization: 'company', organisation: 'company', account: 'company', accountname: 'company', employer: 'company',
  website: 'website', websiteurl: 'website', url: 'website', web: 'website', companywebsite: 'website', companydomainname: 'website',
  address: 'address', fulladdress: 'address', mailingaddress: 'address',
  street: 'street', streetaddress: 'street', address1: 'street', addressline1: 'street', mailingstreet: 'street',
  city: 'city', town: 'city', mailingcity: 'city',
  state: 'state', stateregion: 'state', stateprovince: 'state', province: 'state', region: 'state', mailingstate: 'state',
  zip: 'zip', zipcode: 'zip', postalcode: 'zip', zippostalcode: 'zip', postcode: 'zip', mailingzip: 'zip',
  country: 'country', countryregion: 'country', mailingcountry: 'country',
  leadstatus: 'status', status: 'status', lostreason: 'lost_reason', reasonlost: 'lost_reason', closedlostreason: 'lost_reason',
};

export type ColumnFormat = 'hubspot' | 'salesforce' | 'plain';

/** Which tool most likely wrote the file, from headers only one of them uses. */
export function detectFormat(columns: readonly string[]): ColumnFormat {
  const keys = new Set(columns.map(headerKey));
  if (['recordid', 'phonenumber', 'companyname', 'contactowner', 'stateregion', 'websiteurl'].some((k) => keys.has(k))) return 'hubspot';
  if (['leadowner', 'leadsource', 'stateprovince', 'zippostalcode', 'salutation', 'leadid'].some((k) => keys.has(k))) return 'salesforce';
  return 'plain';
}

/**
 * The target of each column: the override for its header if there is one, else the recognised
 * header, else `ignore`. A target already taken by an earlier column is ignored the second time.
 */
export function resolveColumns(columns: readonly string[], overrides: Readonly<Record<string, ColumnTarget>> = {}): ColumnTarget[] {
  const taken = new Set<ColumnTarget>();
  return columns.map((header) => {
    const target: ColumnTarget = overrides[header] ?? KNOWN[headerKey(header)] ?? 'ignore';
    if (target === 'ignore' || taken.has(target)) return 'ignore';
    taken.add(target);
    return target;
  });
}

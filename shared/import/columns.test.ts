import { describe, expect, it } from 'vitest';
import { regionOfCountry } from '../contact-parts.ts';
import { detectFormat, resolveColumns } from './columns.ts';

describe('resolveColumns', () => {
  it.each([
    {
      format: 'hubspot',
      columns: ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Job Title', 'Website URL', 'City', 'State/Region', 'Lead Status'],
      targets: ['ignore', 'first_name', 'last_name', 'email', 'phone', 'company', 'title', 'website', 'city', 'state', 'status'],
    },
    {
      format: 'salesforce',
      columns: ['Salutation', 'First Name', 'Last Name', 'Title', 'Company', 'Email', 'Phone', 'Mobile', 'Street', 'Zip/Postal Code', 'Lead Owner'],
      targets: ['ignore', 'first_name', 'last_name', 'title', 'company', 'email', 'phone', 'mobile', 'street', 'zip', 'ignore'],
    },
    { format: 'plain', columns: ['name', 'E-mail Address', 'tel', 'Organisation'], targets: ['name', 'email', 'phone', 'company'] },
    { format: 'plain', columns: ['Email', 'Work Email', ' EMAIL '], targets: ['email', 'ignore', 'ignore'] },
  ])('$format: $columns', ({ format, columns, targets }) => {
    expect(detectFormat(columns)).toBe(format);
    expect(resolveColumns(columns)).toEqual(targets);
  });

  it('an override wins, and can ignore a recognised column', () => {
    expect(resolveColumns(['Email', 'Correo', 'Phone'], { Correo: 'email', Email: 'ignore' })).toEqual(['ignore', 'email', 'phone']);
  });
});

describe('regionOfCountry', () => {
  it.each([
    ['United Kingdom', 'GB'],
    ['united states', 'US'],
    ['USA', 'US'],
    ['de', 'DE'],
    ['Portugal', 'PT'],
    ['Atlantis', undefined],
    [undefined, undefined],
  ])('%s → %s', (country, code) => {
    expect(regionOfCountry(country)).toBe(code);
  });
});

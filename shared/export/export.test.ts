import { describe, expect, it } from 'vitest';
import { toCsv, safeCell } from '../csv.ts';
import type { Lead } from '../schemas/lead.ts';
import { COLUMN_SETS, splitName } from './columns.ts';
import { leadToVcard, vcardFileName } from './vcard.ts';

const lead: Lead = {
  id: 'ld_1',
  name: 'María de la Cruz',
  email: 'maria@globex.example',
  otherEmails: ['m.cruz@globex.example'],
  phone: '+14155550132',
  otherPhones: [],
  title: 'VP Sales; EMEA',
  company: 'Globex, Inc.',
  address: '1 Main St\nAustin',
  provenance: {},
  source: { kind: 'form', name: 'Demo request', utm: { campaign: 'spring' } },
  status: 'qualified',
  ownerId: null,
  contactBy: null,
  score: { total: 72, grade: 'B', quality: 30, fit: 30, engagement: 12, reasons: [], version: 1, scoredAt: '2026-01-01T00:00:00.000Z' },
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+33 1 42', "'+33 1 42"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['plain', 'plain'],
    [undefined, ''],
    [42, '42'],
  ])('%s → %s', (value, cell) => {
    expect(safeCell(value)).toBe(cell);
  });

  it('quotes commas, quotes and line breaks, with CRLF rows', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"\nbye']])).toBe('a,b\r\n"x, y","say ""hi""\nbye"\r\n');
    expect(toCsv(['a'], [['1']], false)).toBe('1\r\n');
  });
});

describe('export columns', () => {
  it.each([
    ['María de la Cruz', ['María', 'de la Cruz']],
    ['Cher', ['Cher', '']],
    [undefined, ['', '']],
  ] as const)('splitName(%s)', (name, parts) => {
    expect(splitName(name)).toEqual(parts);
  });

  it.each([
    { format: 'leadsync' as const, has: { Name: 'María de la Cruz', Status: 'qualified', 'Source Name': 'Demo request', 'UTM Campaign': 'spring', 'Other Emails': 'm.cruz@globex.example' } },
    { format: 'hubspot' as const, has: { 'First Name': 'María', 'Last Name': 'de la Cruz', 'Lead Status': 'Open Deal', 'Lifecycle Stage': 'Sales Qualified Lead', 'Phone Number': '+14155550132' } },
  ])('$format row lines up with its columns', ({ format, has }) => {
    const set = COLUMN_SETS[format];
    const row = set.row(lead, {});
    expect(row).toHaveLength(set.columns.length);
    const byColumn = Object.fromEntries(set.columns.map((c, i) => [c, row[i]]));
    expect(byColumn).toMatchObject(has);
  });
});

describe('vCard', () => {
  const card = leadToVcard(lead, new Date('2026-02-03T04:05:06.789Z'));
  const lines = card.split('\r\n');

  it.each([
    'FN:María de la Cruz',
    'N:de la Cruz;María;;;',
    'ORG:Globex\\, Inc.',
    'TITLE:VP Sales\\; EMEA',
    'EMAIL;TYPE=INTERNET,PREF:maria@globex.example',
    'EMAIL;TYPE=INTERNET:m.cruz@globex.example',
    'TEL;TYPE=WORK,VOICE,PREF:+14155550132',
    'LABEL;TYPE=WORK:1 Main St\\nAustin',
    'UID:urn:leadsync:ld_1',
    'REV:2026-02-03T04:05:06Z',
  ])('has %s', (line) => {
    expect(lines).toContain(line);
  });

  it('begins, ends, and folds long lines at 75 octets', () => {
    expect(lines[0]).toBe('BEGIN:VCARD');
    expect(lines.at(-2)).toBe('END:VCARD');
    const long = leadToVcard({ ...lead, title: 'ü'.repeat(100) }, new Date());
    const folded = long.split('\r\n');
    expect(folded.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(long.replace(/\r\n /g, '')).toContain(`TITLE:${'ü'.repeat(100)}`);
  });

  it.each([
    [{ name: 'María de la Cruz' }, 'María-de-la-Cruz.vcf'],
    [{ name: '../../etc/passwd' }, 'etcpasswd.vcf'],
    [{ name: undefined, email: 'a@b.example' }, 'abexample.vcf'],
    [{ name: '***' }, 'ld_1.vcf'],
  ])('file name of %o', (fields, name) => {
    expect(vcardFileName({ ...lead, ...fields })).toBe(name);
  });
});

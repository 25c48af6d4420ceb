import { describe, expect, it } from 'vitest';
import { parseFirmographicsCsv } from './firmographics-csv.ts';

describe('parseFirmographicsCsv', () => {
  it.each<[string, string, ReturnType<typeof parseFirmographicsCsv>]>([
    ['loose headers, quoted thousands, empty cells', 'Domain,Employees,Revenue band,Credit rating,Industry\nwww.BigCo.example,"5,000",100M+,a,Software\nsmall.example,,,,\n', {
      rows: [{ domain: 'bigco.example', employees: 5000, revenueBand: '100M+', creditRating: 'A', industry: 'Software' }, { domain: 'small.example' }],
      errors: [],
    }],
    ['a later row for a domain wins', 'domain,employees\na.example,10\na.example,20\n', { rows: [{ domain: 'a.example', employees: 20 }], errors: [] }],
    ['a bad number, with its line', 'domain,employees\nbigco.example,lots\n', { rows: [], errors: ['line 2: employees: must be a whole number'] }],
    ['a bad domain, with its line', 'domain\nok.example\nnot a domain\n', { rows: [{ domain: 'ok.example' }], errors: ['line 3: domain: is not a domain'] }],
    ['no domain column', 'company,employees\nAcme,5\n', { rows: [], errors: ['the header has no "domain" column (it has: company, employees)'] }],
  ])('%s', (_what, csv, expected) => {
    expect(parseFirmographicsCsv(csv)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { leadToVcard } from './export/vcard.ts';
import type { Lead } from './schemas/lead.ts';
import { parseVcards } from './vcard.ts';

describe('parseVcards', () => {
  it.each([
    {
      what: 'vCard 3.0 with folded lines, typed TEL and ADR',
      vcf: 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lopez;Maria;;Dr.\r\nFN:Maria Lopez\r\nORG:Acme Widgets;Sales\r\nTITLE:VP \r\n Sales\r\nTEL;TYPE=HOME:+1 415 555 0100\r\nTEL;TYPE=WORK,VOICE:+1 415 555 0143\r\nTEL;TYPE=WORK,FAX:+1 415 555 0199\r\nADR;TYPE=WORK:;;1 Main St;Springfield;CA;94000;USA\r\nEMAIL;TYPE=INTERNET:maria@acme.example\r\nURL:https://acme.example\r\nEND:VCARD\r\n',
      want: [{ name: 'Maria Lopez', company: 'Acme Widgets', title: 'VP Sales', phone: '+1 415 555 0143', otherPhones: ['+1 415 555 0100'], address: '1 Main St, Springfield, CA 94000, USA', email: 'maria@acme.example', website: 'https://acme.example' }],
    },
    {
      what: 'vCard 2.1 with bare types and quoted-printable, and no FN',
      vcf: 'BEGIN:VCARD\nVERSION:2.1\nN:Chen;Li\nTEL;PREF;WORK:(415) 555-0199\nADR;WORK;ENCODING=QUOTED-PRINTABLE:;;Stra=C3=9Fe 1;Berlin;;10115;=\nGermany\nEND:VCARD',
      want: [{ name: 'Li Chen', phone: '(415) 555-0199', address: 'Straße 1, Berlin, 10115, Germany' }],
    },
    {
      what: 'vCard 4.0 tel URIs and grouped properties, two cards',
      vcf: 'BEGIN:VCARD\nVERSION:4.0\nFN:Ana Ruiz\nTEL;VALUE=uri;TYPE="voice,work":tel:+34-912-345-678\nitem1.EMAIL:ana@acme.example\nEND:VCARD\nBEGIN:VCARD\nFN:Bo Berg\nEND:VCARD',
      want: [{ name: 'Ana Ruiz', phone: '+34-912-345-678', email: 'ana@acme.example' }, { name: 'Bo Berg' }],
    },
    { what: 'text that is no vCard', vcf: 'hello', want: [] },
  ])('$what', ({ vcf, want }) => {
    expect(parseVcards(vcf)).toEqual(want);
  });

  it('reads back every number of a lead it exported', () => {
    const lead = {
      id: 'ld_1',
      name: 'Omar Haddad',
      email: 'omar@northwind.example',
      otherEmails: [],
      phone: '+14155550134',
      otherPhones: ['+14155550133'],
      status: 'new',
      source: { kind: 'page' },
      score: { total: 40, grade: 'C' },
    } as unknown as Lead;
    expect(parseVcards(leadToVcard(lead, new Date('2026-12-04T00:00:00Z')))).toEqual([
      expect.objectContaining({ name: 'Omar Haddad', email: 'omar@northwind.example', phone: '+14155550134', otherPhones: ['+14155550133'] }),
    ]);
  });
});

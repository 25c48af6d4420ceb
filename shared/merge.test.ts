import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIDENCE, mergeContact, type ContactRecord, type FieldChange, type IncomingFields } from './merge.ts';
import { SOURCE_KINDS, type FieldProvenance } from './schemas/lead.ts';

const AT = '2025-01-01T00:00:00.000Z';
const prov = (confidence: number, kind: FieldProvenance['kind'] = 'page'): FieldProvenance => ({ kind, confidence, at: AT });
const inc = (value: string, confidence: number, kind: FieldProvenance['kind'] = 'page') => ({ value, provenance: prov(confidence, kind) });

const base = (): ContactRecord => ({
  name: 'Maria Lopez',
  email: 'maria@acme.com',
  otherEmails: [],
  phone: '+14155550132',
  otherPhones: [],
  title: 'Manager',
  provenance: { name: prov(0.6), email: prov(0.6), phone: prov(0.6), title: prov(0.6) },
});

type Case = [string, IncomingFields, Partial<ContactRecord>, FieldChange[]];

describe('mergeContact', () => {
  it.each<Case>([
    ['fills an empty field', { company: inc('Acme', 0.5) }, { company: 'Acme' }, [{ field: 'company', from: undefined, to: 'Acme' }]],
    ['keeps the same value from an equally sure source silently', { name: inc('Maria Lopez', 0.6) }, { name: 'Maria Lopez' }, []],
    ['keeps the same value from a less sure source silently', { name: inc('Maria Lopez', 0.3) }, { name: 'Maria Lopez' }, []],
    [
      'records a surer source confirming the same value',
      { name: inc('Maria Lopez', 0.9, 'manual') },
      { name: 'Maria Lopez' },
      [{ field: 'provenance.name', from: 0.6, to: 0.9 }],
    ],
    ['keeps a differing value from a less sure source', { title: inc('CEO', 0.5) }, { title: 'Manager' }, []],
    ['keeps a differing value from an equally sure source', { title: inc('CEO', 0.6) }, { title: 'Manager' }, []],
    ['replaces a differing value from a surer source', { title: inc('CEO', 0.9) }, { title: 'CEO' }, [{ field: 'title', from: 'Manager', to: 'CEO' }]],
    [
      'keeps a differing email from an equally sure source as an alternate',
      { email: inc('m.lopez@acme.com', 0.6) },
      { email: 'maria@acme.com', otherEmails: ['m.lopez@acme.com'] },
      [{ field: 'otherEmails', from: undefined, to: 'm.lopez@acme.com' }],
    ],
    [
      'moves the old email to the alternates when a surer one wins',
      { email: inc('m.lopez@acme.com', 0.9) },
      { email: 'm.lopez@acme.com', otherEmails: ['maria@acme.com'] },
      [{ field: 'email', from: 'maria@acme.com', to: 'm.lopez@acme.com' }],
    ],
    [
      'keeps a differing phone from a less sure source as an alternate',
      { phone: inc('+14155550199', 0.5) },
      { phone: '+14155550132', otherPhones: ['+14155550199'] },
      [{ field: 'otherPhones', from: undefined, to: '+14155550199' }],
    ],
    [
      'moves the old phone to the alternates when a surer one wins',
      { phone: inc('+14155550199', 0.8) },
      { phone: '+14155550199', otherPhones: ['+14155550132'] },
      [{ field: 'phone', from: '+14155550132', to: '+14155550199' }],
    ],
  ])('%s', (_what, incoming, expected, changes) => {
    const result = mergeContact(base(), incoming);
    expect(result.record).toMatchObject(expected);
    expect(result.changes).toEqual(changes);
  });

  it('takes the winning provenance with the value, and keeps the loser’s provenance when it loses', () => {
    const won = mergeContact(base(), { title: inc('CEO', 0.9, 'manual') });
    expect(won.record.provenance.title).toEqual(prov(0.9, 'manual'));
    const lost = mergeContact(base(), { title: inc('CEO', 0.5) });
    expect(lost.record.provenance.title).toEqual(prov(0.6));
    const alt = mergeContact(base(), { email: inc('other@acme.com', 0.5) });
    expect(alt.record.provenance.email).toEqual(prov(0.6));
  });

  it('does not list an alternate twice, nor the primary as an alternate', () => {
    const start: ContactRecord = { ...base(), otherEmails: ['m.lopez@acme.com'] };
    expect(mergeContact(start, { email: inc('m.lopez@acme.com', 0.5) })).toEqual({ record: start, changes: [] });
    // An alternate promoted to primary leaves the alternates.
    const promoted = mergeContact(start, { email: inc('m.lopez@acme.com', 0.95) });
    expect(promoted.record).toMatchObject({ email: 'm.lopez@acme.com', otherEmails: ['maria@acme.com'] });
  });

  it('fills every field of an empty record and reports each', () => {
    const { record, changes } = mergeContact(
      { otherEmails: [], otherPhones: [], provenance: {} },
      { name: inc('Ana Ruiz', 0.6), email: inc('ana@acme.com', 0.6), phone: inc('+14155550100', 0.6) },
    );
    expect(record).toEqual({
      name: 'Ana Ruiz',
      email: 'ana@acme.com',
      phone: '+14155550100',
      otherEmails: [],
      otherPhones: [],
      provenance: { name: prov(0.6), email: prov(0.6), phone: prov(0.6) },
    });
    expect(changes.map((c) => c.field)).toEqual(['name', 'email', 'phone']);
  });

  it('lets any source replace a value that has no provenance', () => {
    const start: ContactRecord = { name: 'Old Name', otherEmails: [], otherPhones: [], provenance: {} };
    expect(mergeContact(start, { name: inc('New Name', 0.1) }).record.name).toBe('New Name');
  });

  it('never changes the record it is given', () => {
    const start = base();
    const copy = structuredClone(start);
    mergeContact(start, { email: inc('x@acme.com', 0.9), phone: inc('+14155550199', 0.1), name: inc('Maria Lopez', 1), company: inc('Acme', 0.5) });
    expect(start).toEqual(copy);
  });

  it.each(SOURCE_KINDS.map((k) => [k, DEFAULT_CONFIDENCE[k]] as const))('gives %s captures a default confidence of %s', (_kind, confidence) => {
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThanOrEqual(1);
  });

  it('trusts a person typing more than a page', () => {
    expect(DEFAULT_CONFIDENCE.manual).toBeGreaterThan(DEFAULT_CONFIDENCE.email);
    expect(DEFAULT_CONFIDENCE.email).toBeGreaterThan(DEFAULT_CONFIDENCE.page);
  });
});

import { describe, expect, it } from 'vitest';
import { LeafSharer } from './compact-records.ts';

const at = '2026-12-04T15:48:15.809Z';
const lead = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `ld_${i}`,
  email: `p${i}@acme.example`,
  provenance: { name: { kind: 'import', at, by: 'usr_a' }, email: { kind: 'import', at, by: 'usr_a' } },
  capturedBy: 'usr_a',
  createdAt: at,
  updatedAt: at,
  otherEmails: [],
  score: { total: 40, reasons: [{ label: 'Full name', points: 8, group: 'quality' }], scoredAt: at },
  ...extra,
});

describe('LeafSharer', () => {
  it.each([
    ['a lead', lead(1)],
    ['a lead with other timestamps and owners', lead(2, { updatedAt: '2026-12-05T09:00:00.000Z', ownerId: 'usr_b', contactBy: null })],
    ['a record with a 24-character string that is not a date', { id: 'x', note: 'abcdefghijklmnopqrstuvwx', list: ['usr_a', 'usr_a', 1, null] }],
    ['nested arrays of leaves', { rows: [[{ a: 1 }, { a: 1 }], [{ a: 2 }]] }],
  ])('keeps %s equal to what was read', (_what, record) => {
    const sharer = new LeafSharer();
    sharer.share(lead(0));
    expect(sharer.share(structuredClone(record))).toEqual(record);
  });

  it('gives equal leaf objects of different records one copy, and keeps different ones apart', () => {
    const sharer = new LeafSharer();
    const a = sharer.share(lead(1));
    const b = sharer.share(lead(2, { provenance: { name: { kind: 'page', at, by: 'usr_a' } } }));
    expect(a.score.reasons[0]).toBe(b.score.reasons[0]);
    expect(a.provenance.name).not.toBe(b.provenance.name);
    expect(b.provenance.name).toEqual({ kind: 'page', at, by: 'usr_a' });
  });
});

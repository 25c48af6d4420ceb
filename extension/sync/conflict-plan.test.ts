import { describe, expect, it } from 'vitest';
import { applyPatch, baseOf, choose, rebase, type FieldValues, type Patch } from './conflict-plan.ts';
import { testLead } from './test-leads.ts';

describe('rebase: an offline edit meets a newer version of the lead', () => {
  it.each<{ what: string; base: FieldValues; patch: Patch; now: Parameters<typeof testLead>[1]; expected: ReturnType<typeof rebase> }>([
    {
      what: 'only the version moved (the rep logged an activity first): the edit goes again',
      base: { title: 'VP Sales' },
      patch: { title: 'CEO' },
      now: { version: 4 },
      expected: { kind: 'retry', version: 4, patch: { title: 'CEO' } },
    },
    {
      what: 'someone changed another field: no question, the edit goes again',
      base: { title: 'VP Sales' },
      patch: { title: 'CEO' },
      now: { version: 5, company: 'Acme Corp' },
      expected: { kind: 'retry', version: 5, patch: { title: 'CEO' } },
    },
    {
      what: 'someone set the same value: nothing left to send',
      base: { title: 'VP Sales' },
      patch: { title: 'CEO' },
      now: { version: 5, title: 'CEO' },
      expected: { kind: 'noop' },
    },
    {
      what: 'someone changed the same field to another value: the rep chooses',
      base: { title: 'VP Sales' },
      patch: { title: 'CEO' },
      now: { version: 5, title: 'CRO' },
      expected: { kind: 'ask', version: 5, patch: {}, fields: [{ field: 'title', was: 'VP Sales', mine: 'CEO', theirs: 'CRO' }] },
    },
    {
      what: 'one field disputed, one not: the undisputed one waits with the choice',
      base: { title: 'VP Sales', company: 'Acme' },
      patch: { title: 'CEO', company: 'Acme Inc' },
      now: { version: 5, title: 'CRO' },
      expected: { kind: 'ask', version: 5, patch: { company: 'Acme Inc' }, fields: [{ field: 'title', was: 'VP Sales', mine: 'CEO', theirs: 'CRO' }] },
    },
    {
      what: 'the rep cleared a field someone else changed: asked, with empty as the rep’s value',
      base: { title: 'VP Sales' },
      patch: { title: null },
      now: { version: 2, title: 'CRO' },
      expected: { kind: 'ask', version: 2, patch: {}, fields: [{ field: 'title', was: 'VP Sales', mine: null, theirs: 'CRO' }] },
    },
    {
      what: 'a status both sides moved is asked',
      base: { status: 'assigned' },
      patch: { status: 'lost', lostReason: 'No budget' },
      now: { version: 3, status: 'contacted' },
      expected: { kind: 'ask', version: 3, patch: {}, fields: [{ field: 'status', was: 'assigned', mine: 'lost', theirs: 'contacted' }] },
    },
    {
      what: 'a status nobody else moved keeps its lost reason',
      base: { status: 'contacted' },
      patch: { status: 'lost', lostReason: 'No budget' },
      now: { version: 3, status: 'contacted', company: 'Other' },
      expected: { kind: 'retry', version: 3, patch: { status: 'lost', lostReason: 'No budget' } },
    },
    {
      what: 'a phone keeps its region hint',
      base: { phone: null },
      patch: { phone: '+14155550100', region: 'US' },
      now: { version: 2 },
      expected: { kind: 'retry', version: 2, patch: { phone: '+14155550100', region: 'US' } },
    },
  ])('$what', ({ base, patch, now, expected }) => {
    expect(rebase(base, patch, testLead('ld_1', now))).toEqual(expected);
  });
});

describe('choose', () => {
  const conflict = {
    patch: { company: 'Acme Inc' } as Patch,
    fields: [
      { field: 'title' as const, was: 'VP Sales', mine: 'CEO', theirs: 'CRO' },
      { field: 'status' as const, was: 'assigned', mine: 'lost', theirs: 'contacted' },
    ],
    lostReason: 'No budget',
  };
  it.each([
    { what: 'theirs everywhere keeps only the undisputed part', mine: [], patch: { company: 'Acme Inc' } },
    { what: 'mine for the title', mine: ['title' as const], patch: { company: 'Acme Inc', title: 'CEO' } },
    { what: 'mine for the status brings its lost reason', mine: ['status' as const], patch: { company: 'Acme Inc', status: 'lost', lostReason: 'No budget' } },
  ])('$what', ({ mine, patch }) => {
    expect(choose(conflict, new Set(mine))).toEqual(patch);
  });
});

describe('baseOf and applyPatch', () => {
  it.each([
    { patch: { title: 'CEO' }, base: { title: 'VP Sales' } },
    { patch: { phone: '+14155550100', region: 'US' }, base: { phone: null } },
    { patch: { status: 'lost' as const, lostReason: 'x' }, base: { status: 'assigned' } },
  ])('the base of $patch is $base', ({ patch, base }) => expect(baseOf(testLead('ld_1'), patch)).toEqual(base));
  it.each([
    { patch: { title: 'CEO' }, check: { title: 'CEO' } },
    { patch: { title: null }, check: { name: 'Ana Ruiz' } },
    { patch: { status: 'lost' as const, lostReason: 'No budget' }, check: { status: 'lost', lostReason: 'No budget' } },
  ])('applies $patch', ({ patch, check }) => {
    const lead = applyPatch(testLead('ld_1'), patch);
    expect(lead).toMatchObject(check);
    if (patch.title === null) expect('title' in lead).toBe(false);
  });
});

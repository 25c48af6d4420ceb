import { describe, expect, it } from 'vitest';
import { awayLabel, repChoices, shortDay } from './rep-choices.ts';

const row = (over: Partial<Parameters<typeof repChoices>[0][number]> = {}) => ({
  userId: 'u1',
  name: 'Ana Ruiz',
  openLeads: 3,
  capacity: 25,
  away: false,
  awayUntil: null,
  ...over,
});

describe('awayLabel', () => {
  it.each([
    [{ away: false, awayUntil: null }, null],
    [{ away: true, awayUntil: null }, 'away'],
    [{ away: true, awayUntil: '2026-03-16T09:00:00.000Z' }, `away until ${shortDay('2026-03-16T09:00:00.000Z')}`],
  ])('%o → %s', (rep, label) => expect(awayLabel(rep)).toBe(label));
});

describe('repChoices', () => {
  it.each([
    ['a rep with room', row(), { label: 'Ana Ruiz (3/25)', full: false, away: false }],
    ['a rep at the cap', row({ openLeads: 25 }), { label: 'Ana Ruiz (25/25) · full', full: true, away: false }],
    ['a rep over the cap', row({ openLeads: 26 }), { label: 'Ana Ruiz (26/25) · full', full: true, away: false }],
    ['a rep with a cap of 0', row({ openLeads: 0, capacity: 0 }), { label: 'Ana Ruiz (0/0) · full', full: true, away: false }],
    ['an away rep', row({ away: true }), { label: 'Ana Ruiz (3/25) · away', full: false, away: true }],
    ['an away rep at the cap', row({ away: true, openLeads: 25 }), { label: 'Ana Ruiz (25/25) · away, full', full: true, away: true }],
  ])('%s', (_, r, expected) => expect(repChoices([r], new Set(['u1']))).toEqual([{ id: 'u1', ...expected }]));

  it('leaves out rows that are not active reps (a team lead holding leads)', () => {
    expect(repChoices([row(), row({ userId: 'lead1', name: 'Lee Lead' })], new Set(['u1'])).map((c) => c.id)).toEqual(['u1']);
  });
});

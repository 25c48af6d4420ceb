import { describe, expect, it } from 'vitest';
import type { TeamUser } from '../background/handlers.ts';
import { formOf, settingsPatch, type RepSettingsForm } from './rep-settings.ts';

const ana: TeamUser = { id: 'usr_ana', name: 'Ana Ruiz', email: 'ana@x.example', role: 'rep', capacity: 25, active: true, createdAt: '2026-01-01T00:00:00.000Z', openLeads: 3 } as TeamUser;
const awayAna: TeamUser = { ...ana, away: true, awayUntil: new Date(2026, 6, 1).toISOString(), territories: ['EMEA'], tags: ['senior'], weight: 2 };
const form = (user: TeamUser, patch: Partial<RepSettingsForm> = {}) => ({ ...formOf(user, new Date(2026, 5, 15)), ...patch });

describe('rep settings form', () => {
  it('fills in the current settings, with the defaults for a rep who never had any', () => {
    expect(formOf(ana)).toEqual({ away: false, until: '', capacity: '25', weight: '1', territories: '', tags: '' });
    expect(formOf(awayAna, new Date(2026, 5, 15))).toEqual({ away: true, until: '2026-07-01', capacity: '25', weight: '2', territories: 'EMEA', tags: 'senior' });
    // Her day has come: she is back, and saving the form as shown records it.
    expect(formOf(awayAna, new Date(2026, 6, 2))).toMatchObject({ away: false, until: '' });
    expect(settingsPatch(awayAna, formOf(awayAna, new Date(2026, 6, 2)))).toEqual({ ok: true, update: { id: 'usr_ana', away: false } });
  });

  it.each([
    ['nothing changed', ana, {}, {}],
    ['away until further notice', ana, { away: true }, { away: true, awayUntil: null }],
    ['away until a day, back at its start', ana, { away: true, until: '2026-08-03' }, { away: true, awayUntil: new Date(2026, 7, 3).toISOString() }],
    ['back', awayAna, { away: false }, { away: false }],
    ['the same away day again', awayAna, {}, {}],
    ['a new cap and weight', ana, { capacity: '40', weight: '2.5' }, { capacity: 40, weight: 2.5 }],
    ['territories and tags as typed', ana, { territories: ' EMEA , us-ca,', tags: 'SMB' }, { territories: ['EMEA', 'us-ca'], tags: ['SMB'] }],
    ['territories cleared', awayAna, { territories: '' }, { territories: [] }],
    ['the same territories in another case', awayAna, { territories: 'emea' }, {}],
  ] as const)('%s', (_what, user, patch, expected) => {
    expect(settingsPatch(user, form(user, patch))).toEqual({ ok: true, update: { id: user.id, ...expected } });
  });

  it.each([
    [{ capacity: '' }, /Cap/],
    [{ capacity: '2.5' }, /Cap/],
    [{ capacity: '-1' }, /Cap/],
    [{ weight: '101' }, /Weight/],
    [{ weight: 'heavy' }, /Weight/],
  ])('refuses %j', (patch, message) => {
    const out = settingsPatch(ana, form(ana, patch));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(message);
  });
});

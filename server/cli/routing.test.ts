import { describe, expect, it } from 'vitest';
import { userSetInput } from './routing.ts';

describe('leadsync user set: flags to users.update', () => {
  it.each([
    [{ away: true }, { away: true, awayUntil: null }],
    [{ away: true, until: '2026-07-01' }, { away: true, awayUntil: '2026-07-01T00:00:00.000Z' }],
    [{ back: true }, { away: false }],
    [{ capacity: '30', weight: '2.5' }, { capacity: 30, weight: 2.5 }],
    [{ territories: ' emea, us-ca ,', tags: 'Senior' }, { territories: ['EMEA', 'US-CA'], tags: ['senior'] }],
    [{ inactive: true }, { active: false }],
  ])('%j → %j', (flags, expected) => {
    expect(userSetInput('usr_1', flags)).toEqual({ id: 'usr_1', ...expected });
  });

  it.each([
    [{}, /usage: leadsync user set/],
    [{ away: true, back: true }, /--away and --back/],
    [{ until: '2026-07-01' }, /--until goes with --away/],
    [{ away: true, until: 'next monday' }, /--until: "next monday" is not a date/],
    [{ capacity: 'lots' }, /capacity/],
    [{ weight: '101' }, /weight/],
    [{ territories: '<b>' }, /territories\.0/],
  ])('%j is refused: %s', (flags, message) => {
    expect(() => userSetInput('usr_1', flags)).toThrow(message);
  });
});

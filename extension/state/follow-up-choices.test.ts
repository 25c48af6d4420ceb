import { describe, expect, it } from 'vitest';
import { followUpChoices, isDueToday } from './follow-up-choices.ts';

// Local times: the choices follow the rep's own day, whatever the machine's time zone.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('followUpChoices', () => {
  it.each([
    // Tuesday 10 March 2026, 14:20
    [local(2026, 3, 10, 14, 20), [local(2026, 3, 10, 16, 20), local(2026, 3, 11, 9), local(2026, 3, 13, 9), local(2026, 3, 16, 9)]],
    // Sunday 15 March: next Monday is tomorrow
    [local(2026, 3, 15, 8, 0), [local(2026, 3, 15, 10, 0), local(2026, 3, 16, 9), local(2026, 3, 18, 9), local(2026, 3, 16, 9)]],
    // Monday 16 March: next Monday is a week away
    [local(2026, 3, 16, 9, 0), [local(2026, 3, 16, 11, 0), local(2026, 3, 17, 9), local(2026, 3, 19, 9), local(2026, 3, 23, 9)]],
  ])('from %s', (now, expected) => {
    const choices = followUpChoices(now);
    expect(choices.map((c) => c.at)).toEqual([...expected.map((d) => d.toISOString()), null]);
    expect(choices.at(-1)?.label).toBe('No follow-up');
  });
});

describe('isDueToday', () => {
  const now = local(2026, 3, 10, 14, 20);
  it.each([
    [local(2026, 3, 9, 9), true],
    [local(2026, 3, 10, 23, 59), true],
    [local(2026, 3, 11, 0, 0), false],
  ])('%s → %s', (at, due) => expect(isDueToday(at.toISOString(), now)).toBe(due));
});

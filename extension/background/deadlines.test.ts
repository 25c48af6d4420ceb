import { describe, expect, it } from 'vitest';
import { dueSoon, warningText, type Deadline } from './deadlines.ts';

const now = new Date('2026-06-01T09:00:00.000Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
const d = (leadId: string, minutes: number): Deadline => ({ leadId, name: `Lead ${leadId}`, contactBy: at(minutes) });

describe('dueSoon', () => {
  it.each([
    ['due in 30 min, warn 60', [d('a', 30)], 60, {}, ['a']],
    ['due in exactly 60 min', [d('a', 60)], 60, {}, ['a']],
    ['due in 61 min', [d('a', 61)], 60, {}, []],
    ['already lapsed', [d('a', -1)], 60, {}, []],
    ['warned already for this deadline', [d('a', 10)], 60, { a: at(10) }, []],
    ['warned for an earlier deadline (reassigned since)', [d('a', 10)], 60, { a: at(-600) }, ['a']],
    ['several, some due', [d('a', 5), d('b', 200), d('c', 55)], 60, {}, ['a', 'c']],
  ])('%s', (_what, items, warnMinutes, warned, expected) => {
    expect(dueSoon(items, now, warnMinutes, warned).map((x) => x.leadId)).toEqual(expected);
  });
});

describe('warningText', () => {
  it.each([
    [1, 'Contact Lead a within 1 minute, or the lead goes back to the queue.'],
    [45, 'Contact Lead a within 45 minutes, or the lead goes back to the queue.'],
    [180, 'Contact Lead a within 3 hours, or the lead goes back to the queue.'],
  ])('%d minutes left', (minutes, text) => {
    expect(warningText(d('a', minutes), now)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { badgeSummary, timeAgo } from './badge-summary.ts';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const before = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('timeAgo', () => {
  const cases: [string, string, string | undefined][] = [
    ['seconds', before(20_000), 'just now'],
    ['in the future (clock skew)', before(-5 * MIN), 'just now'],
    ['one minute', before(MIN), '1 minute ago'],
    ['minutes', before(45 * MIN), '45 minutes ago'],
    ['one hour', before(HOUR + 5 * MIN), '1 hour ago'],
    ['hours', before(23 * HOUR), '23 hours ago'],
    ['yesterday', before(30 * HOUR), 'yesterday'],
    ['days', before(2 * DAY + HOUR), '2 days ago'],
    ['weeks in days', before(29 * DAY), '29 days ago'],
    ['months', before(95 * DAY), '3 months ago'],
    ['years', before(800 * DAY), '2 years ago'],
    ['not a date', 'soon', undefined],
  ];
  it.each(cases)('%s', (_label, iso, expected) => expect(timeAgo(iso, NOW)).toBe(expected));
});

describe('badgeSummary', () => {
  const cases: [string, Parameters<typeof badgeSummary>[0], string][] = [
    ['owned and contacted', { ownerName: 'Ana', status: 'contacted', statusSince: before(2 * DAY + HOUR) }, 'owned by Ana · contacted 2 days ago'],
    ['new in the queue', { status: 'new', statusSince: before(3 * HOUR) }, 'in the queue · captured 3 hours ago'],
    ['assigned just now', { ownerName: 'Bo Chen', status: 'assigned', statusSince: before(1000) }, 'owned by Bo Chen · assigned just now'],
    ['lost, owner gone', { status: 'lost', statusSince: before(40 * DAY) }, 'no owner · lost 1 month ago'],
    ['no date from an older server', { ownerName: 'Ana', status: 'qualified' }, 'owned by Ana · qualified'],
  ];
  it.each(cases)('%s', (_label, lead, expected) => expect(badgeSummary(lead, NOW)).toBe(expected));
});

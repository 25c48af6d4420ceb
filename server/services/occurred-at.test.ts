import { describe, expect, it } from 'vitest';
import { occurredAt } from './activities.ts';

const now = new Date('2026-03-10T12:00:00.000Z');

describe('occurredAt: the time an activity logged offline keeps', () => {
  it.each([
    { what: 'none given: now', claimed: undefined, at: '2026-03-10T12:00:00.000Z' },
    { what: 'logged on the train two hours ago', claimed: '2026-03-10T10:00:00.000Z', at: '2026-03-10T10:00:00.000Z' },
    { what: 'another offset, same instant', claimed: '2026-03-10T11:00:00.000+01:00', at: '2026-03-10T10:00:00.000Z' },
    { what: 'a clock running ahead: now', claimed: '2026-03-10T12:05:00.000Z', at: '2026-03-10T12:00:00.000Z' },
    { what: 'older than the idempotency window: the window’s start', claimed: '2026-03-01T12:00:00.000Z', at: '2026-03-08T12:00:00.000Z' },
  ])('$what', ({ claimed, at }) => {
    expect(occurredAt(claimed, now)).toBe(at);
  });
});

import { describe, expect, it } from 'vitest';
import { statusSince } from './status-since.ts';

const CREATED = '2026-01-01T09:00:00.000Z';
const change = (at: string, from: string, to: string) => ({ at, changes: [{ field: 'status', from, to }] });
const edit = (at: string) => ({ at, changes: [{ field: 'title', from: 'a', to: 'b' }] });

describe('statusSince', () => {
  const cases: [string, Parameters<typeof statusSince>[0], string, string][] = [
    ['never changed: since it was created', [], 'new', CREATED],
    ['only other fields changed', [edit('2026-01-02T00:00:00.000Z')], 'new', CREATED],
    ['moved once', [change('2026-01-03T10:00:00.000Z', 'assigned', 'contacted')], 'contacted', '2026-01-03T10:00:00.000Z'],
    [
      'moved back to a status: the latest move counts',
      [change('2026-01-03T10:00:00.000Z', 'new', 'assigned'), change('2026-01-04T10:00:00.000Z', 'assigned', 'new'), change('2026-01-05T10:00:00.000Z', 'new', 'assigned')],
      'assigned',
      '2026-01-05T10:00:00.000Z',
    ],
    ['history out of order', [change('2026-01-05T10:00:00.000Z', 'new', 'assigned'), change('2026-01-02T10:00:00.000Z', 'new', 'assigned')], 'assigned', '2026-01-05T10:00:00.000Z'],
    ['a move to another status does not count', [change('2026-01-03T10:00:00.000Z', 'new', 'assigned')], 'new', CREATED],
  ];
  it.each(cases)('%s', (_label, history, status, expected) => expect(statusSince(history, status, CREATED)).toBe(expected));
});

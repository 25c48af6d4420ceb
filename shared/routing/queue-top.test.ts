import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareQueue } from './queue-order.ts';
import { topOfQueue } from './queue-top.ts';

const k = (id: string, score: number, createdAt = '2026-03-10T09:00:00.000Z') => ({ id, score, createdAt });

describe('topOfQueue', () => {
  it.each([
    ['nothing', [], 3, []],
    ['a limit of 0', [k('a', 50)], 0, []],
    ['best score first', [k('a', 10), k('b', 90), k('c', 50)], 3, ['b', 'c', 'a']],
    ['only the best ones', [k('a', 10), k('b', 90), k('c', 50), k('d', 70)], 2, ['b', 'd']],
    ['the older of equal scores first', [k('new', 50, '2026-03-10T10:00:00.000Z'), k('old', 50, '2026-03-09T10:00:00.000Z')], 2, ['old', 'new']],
    ['ids when captured in the same millisecond', [k('b', 50), k('a', 50)], 1, ['a']],
  ])('%s', (_what, keys, limit, ids) => expect(topOfQueue(keys, limit).map((x) => x.id)).toEqual(ids));

  it('agrees with sorting the whole queue', () => {
    const key = fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), score: fc.integer({ min: 0, max: 100 }), createdAt: fc.constantFrom('2026-01-01', '2026-01-02', '2026-01-03') });
    fc.assert(
      fc.property(fc.uniqueArray(key, { selector: (x) => x.id, maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (keys, limit) => {
        expect(topOfQueue(keys, limit)).toEqual([...keys].sort(compareQueue).slice(0, limit));
      }),
    );
  });
});

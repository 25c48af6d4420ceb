import { describe, expect, it } from 'vitest';
import { routingConfig } from '../schemas/routing.ts';
import { Heap } from './heap.ts';
import { compareQueue } from './queue-order.ts';
import { route } from './route.ts';
import { contactByFor } from './sla.ts';
import type { Rep, RoutableLead } from './types.ts';

const rep = (id: string, extra: Partial<Rep> = {}): Rep => ({ id, weight: 1, capacity: 10, open: 0, away: false, territories: [], tags: [], ...extra });
const lead = (extra: Partial<RoutableLead> = {}): RoutableLead => ({ id: 'ld_1', grade: 'B', score: 60, sourceKind: 'page', ...extra });
const rules = routingConfig.parse({
  rules: [
    { id: 'off', name: 'Disabled', enabled: false, strategy: 'round-robin' },
    { id: 'hot', name: 'A leads to seniors', when: { grades: ['A'] }, strategy: 'least-loaded', reps: { tags: ['Senior'] } },
    { id: 'emea', name: 'EMEA', when: { territories: ['emea'] }, strategy: 'territory' },
    { id: 'forms', name: 'Web forms', when: { sources: ['form'], minScore: 50 }, strategy: 'weighted-round-robin' },
    { id: 'rest', name: 'Everything else', strategy: 'round-robin', reps: { userIds: ['junior'] } },
  ],
}).rules;
const team = [rep('senior', { tags: ['senior'] }), rep('emea', { territories: ['EMEA'] }), rep('junior')];

describe('route: ordered rules, first match wins', () => {
  it.each([
    ['an A lead goes to the senior pool', lead({ grade: 'A' }), 'hot', 'senior'],
    ['an EMEA lead to the EMEA rep', lead({ territory: 'EMEA' }), 'emea', 'emea'],
    ['a good form lead by weight', lead({ sourceKind: 'form', score: 70, id: 'x' }), 'forms', 'emea'],
    ['a weak form lead falls through to the catch-all', lead({ sourceKind: 'form', score: 40 }), 'rest', 'junior'],
    ['anything else to the catch-all', lead(), 'rest', 'junior'],
  ])('%s', (_what, l, ruleId, repId) => {
    const outcome = route(rules, team, l, {});
    expect(outcome).toMatchObject({ routed: true, ruleId, pick: { repId } });
  });

  it('passes a lead on when the matching rule has nobody eligible, and says why when nothing fits', () => {
    const busy = [rep('senior', { tags: ['senior'], away: true }), rep('emea', { territories: ['EMEA'] }), rep('junior', { open: 10 })];
    expect(route(rules, busy, lead({ grade: 'A', territory: 'EMEA' }), {})).toMatchObject({ routed: true, ruleId: 'emea', pick: { repId: 'emea' } });
    const outcome = route(rules, busy, lead({ grade: 'A' }), {});
    expect(outcome).toEqual({ routed: false, why: 'no rule could place it (hot: every rep away; rest: every rep at capacity)' });
  });
});

describe('the queue order', () => {
  it('pops by score descending, then oldest, then capture order', () => {
    const heap = new Heap(compareQueue);
    const items = [
      { id: 'c', score: 50, createdAt: '2026-01-02T00:00:00.000Z' },
      { id: 'a', score: 80, createdAt: '2026-01-03T00:00:00.000Z' },
      { id: 'e', score: 50, createdAt: '2026-01-01T00:00:00.000Z' },
      { id: 'b', score: 80, createdAt: '2026-01-03T00:00:00.000Z' },
      { id: 'd', score: 10, createdAt: '2025-01-01T00:00:00.000Z' },
    ];
    for (const i of items) heap.push(i);
    const out: string[] = [];
    while (heap.size) out.push(heap.pop()!.id);
    expect(out).toEqual(['a', 'b', 'e', 'c', 'd']);
  });

  it('stays sorted over many random pushes and pops', () => {
    const heap = new Heap<number>((a, b) => a - b);
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) heap.push(Math.floor(rand() * 1000));
    let prev = -1;
    while (heap.size) {
      const v = heap.pop()!;
      expect(v).toBeGreaterThanOrEqual(prev);
      prev = v;
    }
  });
});

describe('contact-by deadline', () => {
  const now = new Date('2026-05-01T09:00:00.000Z');
  it.each([
    [{ byGrade: {} }, 'B', 24, '2026-05-02T09:00:00.000Z'],
    [{ hours: 8, byGrade: {} }, 'B', 24, '2026-05-01T17:00:00.000Z'],
    [{ hours: 8, byGrade: { A: 1 } }, 'A', 24, '2026-05-01T10:00:00.000Z'],
    [{ hours: 8, byGrade: { A: 1 } }, 'C', 24, '2026-05-01T17:00:00.000Z'],
    [{ byGrade: { D: 72 } }, 'D', 24, '2026-05-04T09:00:00.000Z'],
  ] as const)('%j for grade %s (server default %d h) is %s', (sla, g, def, expected) => {
    expect(contactByFor(sla, g, now, def)).toBe(expected);
  });
});

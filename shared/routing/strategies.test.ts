import { describe, expect, it } from 'vitest';
import { eligibleReps, isAwayAt } from './eligibility.ts';
import { STRATEGIES, strategyById } from './registry.ts';
import type { Rep, RoutableLead, StrategyState } from './types.ts';

const rep = (id: string, extra: Partial<Rep> = {}): Rep => ({ id, weight: 1, capacity: 1_000_000, open: 0, away: false, territories: [], tags: [], ...extra });
const lead = (extra: Partial<RoutableLead> = {}): RoutableLead => ({ id: 'ld_1', grade: 'B', score: 60, sourceKind: 'page', ...extra });

/** Runs a strategy `n` times the way the server does: the picked rep's load grows, state carries over. */
function runMany(strategyId: string, reps: Rep[], n: number, l: RoutableLead = lead()): string[] {
  const strategy = strategyById(strategyId)!;
  const pool = reps.map((r) => ({ ...r }));
  let state: StrategyState = {};
  const picks: string[] = [];
  for (let i = 0; i < n; i++) {
    const eligible = eligibleReps(pool, l);
    const pick = eligible.length ? strategy.pick(eligible, l, state) : null;
    if (!pick) break;
    picks.push(pick.repId);
    state = pick.state;
    const chosen = pool.find((r) => r.id === pick.repId)!;
    chosen.open++;
  }
  return picks;
}

const shares = (picks: string[]) => {
  const counts = new Map<string, number>();
  for (const p of picks) counts.set(p, (counts.get(p) ?? 0) + 1);
  return counts;
};

describe('every registered strategy', () => {
  it.each(STRATEGIES.map((s) => [s.id]))("'%s' never picks a rep who is away, at capacity or outside the territory", (id) => {
    const reps = [rep('a', { away: true }), rep('b', { open: 3, capacity: 3 }), rep('c', { territories: ['APAC'] }), rep('d', { territories: ['EMEA'] })];
    const picks = runMany(id, reps, 20, lead({ territory: 'EMEA' }));
    expect(picks.length).toBeGreaterThan(0);
    expect(new Set(picks)).toEqual(new Set(['d']));
  });

  it.each(STRATEGIES.map((s) => [s.id]))("'%s' stops at capacity: never more leads than a rep's cap", (id) => {
    const reps = [rep('a', { capacity: 2, territories: ['EMEA'] }), rep('b', { capacity: 3, territories: ['EMEA'] })];
    const picks = runMany(id, reps, 100, lead({ territory: 'EMEA' }));
    expect(picks).toHaveLength(5);
    expect(shares(picks)).toEqual(new Map([['a', 2], ['b', 3]]));
  });
});

describe("'round-robin'", () => {
  it.each([
    [['a', 'b', 'c'], 7, 'a b c a b c a'],
    [['c', 'a', 'b'], 4, 'a b c a'],
    [['solo'], 3, 'solo solo solo'],
  ])('rotates %j in id order', (ids, n, expected) => {
    expect(runMany('round-robin', ids.map((id) => rep(id)), n).join(' ')).toBe(expected);
  });

  it('continues after the last rep picked, and a rep back from being away joins the rotation without catch-up', () => {
    const s = strategyById('round-robin')!;
    const reps = [rep('a'), rep('b'), rep('c')];
    expect(s.pick(reps, lead(), { last: 'b' })).toMatchObject({ repId: 'c', position: 2 });
    expect(s.pick(reps, lead(), { last: 'c' })).toMatchObject({ repId: 'a', position: 0 });
    // 'b' was away for three leads (a, c, a) and is back: b, c, a … never b b b.
    const back = [rep('a'), rep('b'), rep('c')];
    expect(s.pick(back, lead(), { last: 'a' })?.repId).toBe('b');
    expect(runMany('round-robin', back, 6).join(' ')).toBe('a b c a b c');
  });
});

describe("'weighted-round-robin'", () => {
  it.each([
    [{ a: 1, b: 1 }],
    [{ a: 3, b: 1 }],
    [{ a: 5, b: 3, c: 2 }],
    [{ a: 0.5, b: 1.5, c: 2, d: 6 }],
  ])('over 10,000 assignments, gives each rep their weight share ±2%% (%j)', (weights) => {
    const reps = Object.entries(weights).map(([id, weight]) => rep(id, { weight }));
    const total = reps.reduce((n, r) => n + r.weight, 0);
    const counts = shares(runMany('weighted-round-robin', reps, 10_000));
    for (const r of reps) {
      const share = (counts.get(r.id) ?? 0) / 10_000;
      expect(Math.abs(share - r.weight / total)).toBeLessThanOrEqual(0.02);
    }
  });

  it('interleaves instead of batching: weights 2:1 give a a b as a b a', () => {
    expect(runMany('weighted-round-robin', [rep('a', { weight: 2 }), rep('b', { weight: 1 })], 6).join(' ')).toBe('a b a a b a');
  });

  it('skips weight 0, and forgets the credit of a rep who is away so they come back without a flood', () => {
    const s = strategyById('weighted-round-robin')!;
    expect(runMany('weighted-round-robin', [rep('a', { weight: 0 }), rep('b')], 3)).toEqual(['b', 'b', 'b']);
    // b was away while a took 50 leads; b returns and the next 10 split 5/5, not 10/0.
    let state: StrategyState = {};
    for (let i = 0; i < 50; i++) state = s.pick([rep('a')], lead(), state)!.state;
    expect(Object.keys(state.credit ?? {})).toEqual(['a']);
    const picks: string[] = [];
    for (let i = 0; i < 10; i++) {
      const p = s.pick([rep('a'), rep('b')], lead(), state)!;
      picks.push(p.repId);
      state = p.state;
    }
    expect(shares(picks)).toEqual(new Map([['a', 5], ['b', 5]]));
  });
});

describe("'territory'", () => {
  it.each([
    ['EMEA', ['emea1', 'emea2', 'emea1']],
    ['APAC', ['apac']],
  ])('hands %s leads only to reps who name it, in turn', (territory, expected) => {
    const reps = [rep('apac', { territories: ['APAC'] }), rep('emea1', { territories: ['EMEA', 'US'] }), rep('emea2', { territories: ['EMEA'] }), rep('generalist')];
    const s = strategyById('territory')!;
    let state: StrategyState = {};
    const picks = expected.map(() => {
      const p = s.pick(reps, lead({ territory }), state)!;
      state = p.state;
      return p.repId;
    });
    expect(picks).toEqual(expected);
  });

  it.each([
    ['a lead without a territory', lead()],
    ['a territory nobody names', lead({ territory: 'LATAM' })],
  ])('leaves %s to the next rule', (_what, l) => {
    expect(strategyById('territory')!.pick([rep('a', { territories: ['EMEA'] }), rep('b')], l, {})).toBeNull();
  });
});

describe("'least-loaded'", () => {
  it.each([
    [[rep('a', { open: 5, capacity: 10 }), rep('b', { open: 1, capacity: 10 }), rep('c', { open: 3, capacity: 10 })], 'b'],
    // Load is against the cap: 4 of 20 is lighter than 2 of 5.
    [[rep('a', { open: 2, capacity: 5 }), rep('b', { open: 4, capacity: 20 })], 'b'],
    [[rep('a', { open: 2 }), rep('b', { open: 2 }), rep('c', { open: 2 })], 'a'],
  ])('picks the lowest load against the cap (%#)', (reps, expected) => {
    expect(strategyById('least-loaded')!.pick(reps, lead(), {})?.repId).toBe(expected);
  });

  it('breaks ties in turn, not always by the same rep', () => {
    expect(runMany('least-loaded', [rep('a'), rep('b'), rep('c')], 6).join(' ')).toBe('a b c a b c');
  });

  it('does not flood a rep back from being away with catch-up leads', () => {
    // a and b hold 20 leads each; c comes back with none. c gets every other lead, not the next 20.
    const picks = runMany('least-loaded', [rep('a', { open: 20, capacity: 100 }), rep('b', { open: 20, capacity: 100 }), rep('c', { capacity: 100 })], 10);
    expect(picks.join(' ')).toBe('c a c b c a c b c a');
    for (let i = 1; i < picks.length; i++) expect(picks[i]).not.toBe(picks[i - 1]);
  });
});

describe('away', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  it.each([
    [{}, false],
    [{ away: false }, false],
    [{ away: true }, true],
    [{ away: true, awayUntil: null }, true],
    [{ away: true, awayUntil: '2026-05-02T00:00:00Z' }, true],
    [{ away: true, awayUntil: '2026-05-01T12:00:00Z' }, false],
    [{ away: true, awayUntil: '2026-04-30T00:00:00Z' }, false],
  ])('%j is away: %s', (settings, expected) => {
    expect(isAwayAt(settings, now)).toBe(expected);
  });
});

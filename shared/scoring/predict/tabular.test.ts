import { describe, expect, it } from 'vitest';
import { syntheticLeads } from './synthetic.ts';
import { evaluateTable, outcomeOf } from './tabular.ts';

describe('outcomeOf', () => {
  it.each<[string, string | undefined, boolean | undefined]>([
    ['1', undefined, true], ['Converted', undefined, true], ['won', undefined, true], ['0', undefined, false], ['Lost', undefined, false],
    ['', undefined, undefined], ['maybe', undefined, undefined], ['Closed Won', 'closed won', true], ['Open', 'closed won', false],
  ])('%s (positive %s) → %s', (value, positive, expected) => {
    expect(outcomeOf(value, positive)).toBe(expected);
  });
});

describe('evaluateTable on synthetic leads', () => {
  it('finds a known signal: AUC well above 0.5, and beats the base-rate log loss', () => {
    const r = evaluateTable(syntheticLeads(3000, { signal: true, seed: 7 }), { target: 'converted' });
    expect(r).toMatchObject({ rows: 3000, train: 2400, test: 600, orderedBy: 'created_at' });
    expect(r.auc).toBeGreaterThan(0.68);
    expect(r.logLoss).toBeLessThan(r.baselineLogLoss);
    expect(r.calibration).toHaveLength(10);
    expect(r.features).toEqual(expect.arrayContaining(['lead.email', 'lead.seniority', 'employees', 'credit_rating', 'activities']));
  });

  it('finds nothing in a control without signal: AUC about 0.5', () => {
    const r = evaluateTable(syntheticLeads(3000, { signal: false, seed: 7 }), { target: 'converted' });
    expect(Math.abs(r.auc - 0.5)).toBeLessThan(0.06);
  });

  it.each<[string, () => unknown, RegExp]>([
    ['a missing target column', () => evaluateTable([{ a: '1' }], { target: 'won' }), /no column "won"/],
    ['targets that are not outcomes', () => evaluateTable(Array.from({ length: 20 }, () => ({ won: 'maybe' })), { target: 'won' }), /too few labelled rows/],
  ])('refuses %s', (_w, fn, message) => {
    expect(fn).toThrow(message);
  });
});

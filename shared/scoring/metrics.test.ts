import { describe, expect, it } from 'vitest';
import { auc, calibration, logLoss } from './metrics.ts';

describe('auc', () => {
  it.each<[string, number[], boolean[], number]>([
    ['perfect ranking', [0.1, 0.2, 0.8, 0.9], [false, false, true, true], 1],
    ['reversed ranking', [0.9, 0.8, 0.2, 0.1], [false, false, true, true], 0],
    ['all tied', [0.5, 0.5, 0.5, 0.5], [false, true, false, true], 0.5],
    ['one pair out of order of four', [0.1, 0.6, 0.5, 0.9], [false, false, true, true], 0.75],
  ])('%s → %d', (_w, s, y, expected) => {
    expect(auc(s, y)).toBeCloseTo(expected, 10);
  });
  it('is undefined with one class', () => {
    expect(auc([0.1, 0.2], [true, true])).toBeNaN();
  });
});

describe('logLoss', () => {
  it.each<[string, number[], boolean[], number]>([
    ['coin flips', [0.5, 0.5], [true, false], Math.log(2)],
    ['sure and right', [1, 0], [true, false], 0],
    ['90% right', [0.9], [true], -Math.log(0.9)],
  ])('%s', (_w, p, y, expected) => {
    expect(logLoss(p, y)).toBeCloseTo(expected, 6);
  });
  it('stays finite for a sure miss', () => {
    expect(Number.isFinite(logLoss([0], [true]))).toBe(true);
  });
});

describe('calibration', () => {
  it('bins predictions and reports the observed rate per bin', () => {
    const bins = calibration([0.05, 0.05, 0.95, 0.95, 1], [false, true, true, true, true], 10);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toMatchObject({ from: 0, to: 0.1, count: 2, observedRate: 0.5 });
    expect(bins[0]?.meanPredicted).toBeCloseTo(0.05);
    expect(bins[9]).toMatchObject({ count: 3, observedRate: 1 });
    expect(bins[5]).toMatchObject({ count: 0, meanPredicted: null, observedRate: null });
  });
});

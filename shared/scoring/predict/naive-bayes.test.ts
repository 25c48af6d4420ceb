import { describe, expect, it } from 'vitest';
import { naiveBayesModel } from '../../schemas/scoring.ts';
import { predictNaiveBayes, trainNaiveBayes, type Example } from './naive-bayes.ts';

const AT = new Date('2025-01-01T00:00:00.000Z');
const ex = (seniority: string, won: boolean): Example => ({ features: { seniority }, won });

describe('naive Bayes', () => {
  it('counts each value per class, in one pass', () => {
    const m = trainNaiveBayes([ex('vp', true), ex('vp', true), ex('ic', false), ex('vp', false)], AT);
    expect(m).toEqual({ kind: 'naive-bayes', trainedAt: AT.toISOString(), alpha: 1, classes: [2, 2], features: { seniority: { vp: [1, 2], ic: [1, 0] } } });
    expect(naiveBayesModel.safeParse(m).success).toBe(true);
  });

  it.each<[string, Example[], Record<string, string>, (p: number) => boolean]>([
    ['a value seen only in won leads predicts won', [...Array(20).fill(ex('vp', true)), ...Array(20).fill(ex('ic', false))], { seniority: 'vp' }, (p) => p > 0.9],
    ['a value seen only in lost leads predicts lost', [...Array(20).fill(ex('vp', true)), ...Array(20).fill(ex('ic', false))], { seniority: 'ic' }, (p) => p < 0.1],
    ['an unseen value falls back to the prior', [...Array(30).fill(ex('vp', true)), ...Array(10).fill(ex('ic', false))], { seniority: 'cLevel' }, (p) => Math.abs(p - 0.75) < 0.05],
    ['a feature with no signal leaves the prior', [ex('vp', true), ex('vp', false), ex('ic', true), ex('ic', false)], { seniority: 'vp' }, (p) => Math.abs(p - 0.5) < 1e-9],
  ])('%s', (_w, examples, features, ok) => {
    const { probability } = predictNaiveBayes(trainNaiveBayes(examples, AT), features);
    expect(ok(probability), `p = ${probability}`).toBe(true);
  });

  it('reports each feature’s pull as a signed weight', () => {
    const m = trainNaiveBayes([...Array(10).fill({ features: { a: 'x', b: 'y' }, won: true }), ...Array(10).fill({ features: { a: 'z', b: 'y' }, won: false })], AT);
    const { contributions } = predictNaiveBayes(m, { a: 'x', b: 'y' });
    expect(contributions.find((c) => c.feature === 'a')?.weight).toBeGreaterThan(1);
    expect(contributions.find((c) => c.feature === 'b')?.weight).toBeCloseTo(0, 10);
  });
});

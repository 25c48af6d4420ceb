import { describe, expect, it } from 'vitest';
import { score as scoreSchema, type Grade } from '../schemas/lead.ts';
import { MIN_OUTCOMES } from '../schemas/scoring.ts';
import { SCORING_RULES } from './registry.ts';
import { computeScore, GROUP_CAPS, gradeOf, SCORE_VERSION } from './score.ts';
import { explainText, topReasons } from './explain.ts';
import { trainNaiveBayes } from './predict/naive-bayes.ts';
import type { ScoringInput, ScoringRule } from './types.ts';

const NOW = new Date('2025-06-15T12:00:00.000Z');
const input = (fields: Partial<ScoringInput> = {}): ScoringInput => ({ activities: [], now: NOW, ...fields });
const sum = (s: { reasons: { points: number }[] }) => s.reasons.reduce((a, r) => a + r.points, 0);

describe('gradeOf', () => {
  it.each<[number, Grade]>([
    [100, 'A'],
    [70, 'A'],
    [69, 'B'],
    [50, 'B'],
    [49, 'C'],
    [30, 'C'],
    [29, 'D'],
    [0, 'D'],
  ])('%i → %s', (total, grade) => {
    expect(gradeOf(total)).toBe(grade);
  });
});

describe('computeScore', () => {
  it('scores an empty lead 0, grade D, with every field unchecked and no prediction', () => {
    const s = computeScore(input());
    expect(s).toMatchObject({ total: 0, grade: 'D', quality: 0, fit: 0, engagement: 0, version: SCORE_VERSION, scoredAt: NOW.toISOString(), reasons: [], checks: {} });
    expect(s.prediction).toMatchObject({ status: 'insufficient', needed: MIN_OUTCOMES });
  });

  it('adds up a strong lead from its reasons, with the quality cap as a reason', () => {
    const s = computeScore(
      input({ name: 'Maria Lopez', email: 'maria@acme.com', website: 'https://acme.com', phone: '+447400123456', title: 'CEO', company: 'Acme', address: '1 Main St, San Francisco, CA 94105, USA' }),
    );
    expect(s.reasons.filter((r) => r.group === 'quality').map((r) => [r.label, r.points])).toEqual([
      ['Email address well-formed', 4],
      ['Work email on the company website’s domain', 10],
      ['Valid phone number (GB)', 6],
      ['Mobile phone: reaches the person', 8],
      ['Full name', 8],
      ['Job title given', 2],
      ['Complete address', 4],
      ['Postal code shaped right for US', 2],
      ['Data quality capped at 40 points', -4],
    ]);
    expect(s).toMatchObject({ quality: 40, fit: 32, engagement: 0, total: 72, grade: 'A' });
    expect(s.checks).toEqual({
      email: { status: 'valid', label: 'Email address well-formed' },
      phone: { status: 'valid', label: 'Valid phone number (GB)' },
      name: { status: 'valid', label: 'Full name' },
      title: { status: 'valid', label: 'Job title given' },
      address: { status: 'valid', label: 'Complete address' },
    });
    expect(sum(s)).toBe(s.total);
    expect(scoreSchema.safeParse(s).success).toBe(true);
  });

  it.each<[string, Partial<ScoringInput>, Record<string, string>]>([
    ['a role address is risky', { email: 'info@acme.com' }, { email: 'risky' }],
    ['a disposable address is invalid', { email: 'x@mailinator.com' }, { email: 'invalid' }],
    ['a malformed address is invalid', { email: 'x..y@acme.com' }, { email: 'invalid' }],
    ['a toll-free number is risky', { phone: '+18005550199' }, { phone: 'risky' }],
    ['test data is invalid', { name: 'Test Test' }, { name: 'invalid' }],
    ['a wrong postcode makes the address invalid', { address: 'Rue de Rivoli 3, 7500 Paris, France' }, { address: 'invalid' }],
  ])('field status: %s', (_what, fields, statuses) => {
    const checks = computeScore(input(fields)).checks ?? {};
    expect(Object.fromEntries(Object.entries(checks).map(([k, v]) => [k, v.status]))).toEqual(statuses);
  });

  describe('caps and floors are reasons too', () => {
    const rule = (id: string, group: ScoringRule['group'], points: number): ScoringRule => ({ id, group, evaluate: () => ({ label: id, points }) });
    it.each<[string, ScoringRule[], { quality: number; fit: number; engagement: number; total: number }, string[]]>([
      ['caps each group', [rule('q', 'quality', 90), rule('f', 'fit', 50), rule('e', 'engagement', 25)], { quality: 40, fit: 40, engagement: 20, total: 100 }, ['Data quality capped at 40 points', 'Fit capped at 40 points', 'Engagement capped at 20 points']],
      ['sums a group before capping', [rule('f1', 'fit', 30), rule('f2', 'fit', 30)], { quality: 0, fit: 40, engagement: 0, total: 40 }, ['Fit capped at 40 points']],
      ['floors a group at 0', [rule('q', 'quality', -15), rule('f', 'fit', 10)], { quality: 0, fit: 10, engagement: 0, total: 10 }, ['Data quality floored at 0 points']],
      ['rounds each rule’s points', [rule('q', 'quality', 10.4), rule('f', 'fit', 10.4)], { quality: 10, fit: 10, engagement: 0, total: 20 }, []],
    ])('%s', (_what, rules, expected, extra) => {
      const s = computeScore(input(), rules);
      expect(s).toMatchObject(expected);
      expect(s.reasons.slice(rules.length).map((r) => r.label)).toEqual(extra);
      expect(sum(s)).toBe(s.total);
    });

    it('the caps add up to 100', () => {
      expect(GROUP_CAPS.quality + GROUP_CAPS.fit + GROUP_CAPS.engagement).toBe(100);
    });

    it('takes a rule that answers null or a list', () => {
      const none: ScoringRule = { id: 'none', group: 'fit', evaluate: () => null };
      const many: ScoringRule = { id: 'many', group: 'fit', evaluate: () => [{ label: 'a', points: 1 }, { label: 'b', points: 2 }] };
      expect(computeScore(input(), [none, many])).toMatchObject({ fit: 3, reasons: [{ label: 'a', points: 1, group: 'fit' }, { label: 'b', points: 2, group: 'fit' }] });
    });
  });

  describe('prediction', () => {
    const won = { email: 'ceo@acme.com', title: 'CEO', activities: [] };
    const lost = { email: 'x@gmail.com', title: 'Intern', activities: [] };
    // Features come from leadFeatures; a won lead here is a work-email CEO, a lost one a free-mail intern.
    const examples = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ features: { email: i % 2 ? 'work' : 'free-mail', seniority: i % 2 ? 'cLevel' : 'individual' }, won: i % 2 === 1 }));

    it('stays out of the total with too few outcomes, and says so', () => {
      const model = trainNaiveBayes(examples(MIN_OUTCOMES - 1), NOW);
      const s = computeScore(input({ ...won, model }));
      expect(s.predicted).toBeUndefined();
      expect(s.prediction).toMatchObject({ status: 'insufficient', needed: MIN_OUTCOMES, message: expect.stringContaining(`${MIN_OUTCOMES}`) });
      expect(s.reasons.some((r) => r.group === 'predicted')).toBe(false);
    });

    it('moves the total by the model’s odds, with its factors up and down', () => {
      const model = trainNaiveBayes(examples(MIN_OUTCOMES * 2), NOW);
      const hot = computeScore(input({ ...won, model }));
      const cold = computeScore(input({ ...lost, model }));
      expect(hot.predicted).toBeGreaterThan(0.9);
      expect(cold.predicted).toBeLessThan(0.1);
      const hotReason = hot.reasons.find((r) => r.group === 'predicted');
      expect(hotReason?.label).toMatch(/^Model: \d+% likely to convert \(team rate 50%\)$/);
      expect(hotReason?.points).toBeGreaterThan(0);
      expect(cold.reasons.find((r) => r.group === 'predicted')?.points).toBeLessThanOrEqual(0);
      expect(hot.prediction).toMatchObject({ status: 'ready', up: expect.arrayContaining([expect.objectContaining({ label: 'Seniority: cLevel' })]) });
      expect(cold.prediction?.status === 'ready' && cold.prediction.down.map((f) => f.label)).toEqual(expect.arrayContaining(['Email: free-mail']));
      expect(sum(hot)).toBe(hot.total);
      expect(sum(cold)).toBe(cold.total);
    });
  });

  it('registers each rule once, with a unique id', () => {
    const ids = SCORING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('explanations', () => {
  const s = computeScore(input({ name: 'Maria Lopez', email: 'info@acme.com', title: 'VP Sales', company: 'Acme' }));
  it('lists the top reasons up and down', () => {
    expect(topReasons(s, 2)).toEqual({
      up: [{ label: 'Vice president title', points: 18, group: 'fit' }, { label: 'Work email', points: 8, group: 'quality' }],
      down: [{ label: 'Role address (info@), not a person', points: -6, group: 'quality' }],
    });
  });
  it('writes them as tooltip text', () => {
    expect(explainText(s, 2)).toBe(`Score ${s.total} (grade ${s.grade})\n+18 Vice president title\n+8 Work email\n−6 Role address (info@), not a person`);
  });
});

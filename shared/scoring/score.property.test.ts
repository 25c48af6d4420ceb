import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, CALL_OUTCOMES } from '../schemas/activity.ts';
import { scoringRules } from '../schemas/scoring.ts';
import { computeScore } from './score.ts';
import { trainNaiveBayes } from './predict/naive-bayes.ts';
import type { ScoringInput } from './types.ts';

const NOW = new Date('2025-06-15T12:00:00.000Z');
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const word = fc.constantFrom('Maria', 'LOPEZ', 'test', 'CEO', 'VP Sales', 'Head of IT', 'Engineer', 'Acme', 'info', 'x', '', 'Ünïcødé', '12');
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.array(word, { maxLength: 4 }).map((w) => w.join(' ')));
const email = fc.oneof(fc.emailAddress(), fc.constantFrom('info@acme.com', 'x@mailinator.com', 'maria@gmail.com', 'a..b@acme.com'), fc.string({ maxLength: 30 }));
const phone = fc.oneof(fc.constantFrom('+14155550132', '+447400123456', '+18005550199', '+447700900123', '+1234'), fc.string({ maxLength: 20 }));
const address = fc.oneof(fc.constantFrom('1 Main St, San Francisco, CA 94105, USA', 'Rue de Rivoli 3, 7500 Paris, France', 'Berlin'), fc.string({ maxLength: 60 }));
const activity = fc.record({
  type: fc.constantFrom(...ACTIVITY_TYPES),
  outcome: opt(fc.constantFrom(...CALL_OUTCOMES, 'replied')),
  at: fc.date({ min: new Date('2024-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
});
const points = fc.integer({ min: -50, max: 50 });
const rules = fc.record({
  fit: fc.record({
    seniority: fc.record({ cLevel: points, vp: points, headOrDirector: points, manager: points, individual: points }),
    companySize: fc.array(fc.record({ min: fc.nat(5000), points }), { maxLength: 4 }),
    creditRatings: fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D'), points),
  }),
  engagement: fc.record({ halfLifeDays: fc.double({ min: 0.5, max: 365, noNaN: true }), inactivityPoints: fc.nat(20) }),
}).map((r) => scoringRules.parse(r));
const model = fc.array(fc.record({ features: fc.record({ email: fc.constantFrom('work', 'free-mail', 'none'), seniority: fc.constantFrom('cLevel', 'vp', 'none') }), won: fc.boolean() }), { minLength: 0, maxLength: 120 })
  .map((ex) => trainNaiveBayes(ex, NOW));

const lead: fc.Arbitrary<ScoringInput> = fc.record({
  name: opt(text), email: opt(email), phone: opt(phone), title: opt(text), company: opt(text), website: opt(fc.constantFrom('https://acme.com', 'https://other.org')), address: opt(address),
  activities: fc.array(activity, { maxLength: 12 }),
  rules: opt(rules),
  enrichment: opt(fc.record({ domain: fc.constant('acme.com'), employees: opt(fc.nat(100_000)), creditRating: opt(fc.constantFrom('A', 'B', 'C', 'D', 'Z')), revenueBand: opt(fc.constantFrom('100M+', '<1M')) })),
  model: opt(model),
  now: fc.constant(NOW),
});

describe('score properties', () => {
  it('stays within 0–100, in whole points, each group within its bounds', () => {
    fc.assert(
      fc.property(lead, (input) => {
        const s = computeScore(input);
        expect(Number.isInteger(s.total)).toBe(true);
        expect(s.total).toBeGreaterThanOrEqual(0);
        expect(s.total).toBeLessThanOrEqual(100);
        expect(s.quality).toBeLessThanOrEqual(40);
        expect(s.fit).toBeLessThanOrEqual(40);
        expect(s.engagement).toBeLessThanOrEqual(20);
        expect(Math.min(s.quality, s.fit, s.engagement)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('adds up: the reasons’ points are the total, and each group’s reasons its sub-score', () => {
    fc.assert(
      fc.property(lead, (input) => {
        const s = computeScore(input);
        const of = (g: string) => s.reasons.filter((r) => r.group === g).reduce((a, r) => a + r.points, 0);
        expect(s.reasons.reduce((a, r) => a + r.points, 0)).toBe(s.total);
        expect([of('quality'), of('fit'), of('engagement')]).toEqual([s.quality, s.fit, s.engagement]);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic for a given now', () => {
    fc.assert(
      fc.property(lead, (input) => {
        expect(computeScore(structuredClone(input))).toEqual(computeScore(structuredClone(input)));
      }),
      { numRuns: 150 },
    );
  });
});

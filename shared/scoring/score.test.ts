import { describe, expect, it } from 'vitest';
import { score as scoreSchema, type Grade } from '../schemas/lead.ts';
import { SCORING_RULES } from './registry.ts';
import { computeScore, GROUP_CAPS, gradeOf, SCORE_VERSION } from './score.ts';
import type { ScoringInput, ScoringRule } from './types.ts';

const NOW = new Date('2025-06-15T12:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const input = (fields: Partial<ScoringInput> = {}): ScoringInput => ({ activities: [], now: NOW, ...fields });
const reasonOf = (fields: Partial<ScoringInput>, group: 'quality' | 'fit' | 'engagement', match: RegExp) =>
  computeScore(input(fields)).reasons.find((r) => r.group === group && match.test(r.label));

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
  it('scores an empty lead 0, grade D, and says why', () => {
    const s = computeScore(input());
    expect(s).toMatchObject({ total: 0, grade: 'D', quality: 0, fit: 0, engagement: 0, version: SCORE_VERSION, scoredAt: NOW.toISOString() });
    expect(s.reasons).toEqual([{ label: 'No name', points: 0, group: 'quality' }]);
  });

  it('adds up a strong lead from its reasons', () => {
    const s = computeScore(
      input({ name: 'Maria Lopez', email: 'maria@acme.com', website: 'https://acme.com', phone: '+14155550132', title: 'CEO', company: 'Acme', address: '1 Main St, San Francisco' }),
    );
    expect(s.reasons).toEqual([
      { label: 'Work email on the company website’s domain', points: 16, group: 'quality' },
      { label: 'Valid phone number', points: 12, group: 'quality' },
      { label: 'Full name', points: 8, group: 'quality' },
      { label: 'C-level or founder title', points: 22, group: 'fit' },
      { label: 'Company known', points: 8, group: 'fit' },
      { label: 'Company website known', points: 4, group: 'fit' },
      { label: 'Address known', points: 4, group: 'fit' },
    ]);
    expect(s).toMatchObject({ quality: 36, fit: 38, engagement: 0, total: 74, grade: 'A' });
    expect(scoreSchema.safeParse(s).success).toBe(true);
  });

  it.each<[string, Partial<ScoringInput>, number, Grade]>([
    ['a phone only', { phone: '+14155550132' }, 12, 'D'],
    ['a free-mail address and a first name', { name: 'Maria', email: 'maria.l@gmail.com' }, 12, 'D'],
    ['a work email, a full name and a manager title', { name: 'Ana Ruiz', email: 'ana@acme.com', title: 'IT Manager', company: 'Acme' }, 37, 'C'],
    ['a VP with a work email, phone and company', { name: 'Ana Ruiz', email: 'ana@acme.com', phone: '+447911123456', title: 'VP Sales', company: 'Acme', website: 'acme.com' }, 68, 'B'],
  ])('scores %s at %i (%s)', (_what, fields, total, grade) => {
    const s = computeScore(input(fields));
    expect(s.total).toBe(total);
    expect(s.grade).toBe(grade);
    expect(s.total).toBe(s.quality + s.fit + s.engagement);
  });

  it.each<[string, Partial<ScoringInput>, RegExp, number]>([
    ['a role address', { email: 'info@acme.com' }, /Role address \(info@\)/, 4],
    ['a no-reply address', { email: 'no-reply@acme.com' }, /Role address/, 4],
    ['a free-mail address', { email: 'maria@gmail.com' }, /free-mail/, 8],
    ['a work email without a website', { email: 'maria@acme.com' }, /^Work email$/, 13],
    ['a work email on another domain than the website', { email: 'maria@acme.com', website: 'https://other.com' }, /^Work email$/, 13],
    ['a work email on a subdomain of the website', { email: 'maria@eu.acme.com', website: 'https://www.acme.com' }, /company website/, 16],
  ])('email quality: %s', (_what, fields, label, points) => {
    expect(reasonOf(fields, 'quality', label)?.points).toBe(points);
  });

  it.each<[string, string, RegExp, number]>([
    ['a US number', '+14155550132', /^Valid phone number$/, 12],
    ['a UK mobile', '+447911123456', /mobile/, 14],
    ['a number not valid in its region', '+447700900123', /not valid/, 2],
  ])('phone quality: %s', (_what, phone, label, points) => {
    expect(reasonOf({ phone }, 'quality', label)?.points).toBe(points);
  });

  it.each<[string, Partial<ScoringInput>, string, number]>([
    ['a full name', { name: 'Maria Lopez' }, 'Full name', 8],
    ['a first name', { name: 'Maria' }, 'First name only', 4],
    ['a name in capitals', { name: 'MARIA LOPEZ' }, 'Name in capitals', 4],
    ['the email’s local part', { name: 'mlopez', email: 'mlopez@acme.com' }, 'Name is only the email’s local part', 2],
    ['test data', { name: 'test' }, 'Name looks like test data', 0],
    ['n/a', { name: 'N/A' }, 'Name looks like test data', 0],
    ['a repeated word', { name: 'Foo Foo' }, 'Name looks like test data', 0],
    ['no name', {}, 'No name', 0],
  ])('name quality: %s', (_what, fields, label, points) => {
    expect(computeScore(input(fields)).reasons.find((r) => r.label === label)?.points).toBe(points);
  });

  it.each<[string, string, number]>([
    ['CEO', 'C-level or founder title', 22],
    ['Chief Revenue Officer', 'C-level or founder title', 22],
    ['Co-Founder & CTO', 'C-level or founder title', 22],
    ['President', 'C-level or founder title', 22],
    ['VP Engineering', 'Vice president title', 18],
    ['SVP, Marketing', 'Vice president title', 18],
    ['Vice President of Sales', 'Vice president title', 18],
    ['Senior Vice-President, Operations', 'Vice president title', 18],
    ['Head of Operations', 'Head or director title', 14],
    ['Director of Marketing', 'Head or director title', 14],
    ['Procurement Manager', 'Manager title', 8],
    ['Sales Lead', 'Manager title', 8],
    ['Software Engineer', 'Individual contributor title', 3],
    ['Leadership Coach', 'Individual contributor title', 3],
  ])('title fit: %s → %s (%i)', (title, label, points) => {
    const fit = computeScore(input({ title })).reasons.filter((r) => r.group === 'fit');
    expect(fit).toEqual([{ label, points, group: 'fit' }]);
  });

  it.each<[string, ScoringInput['activities'], number]>([
    ['a meeting today', [{ type: 'meeting', at: daysAgo(0) }], 10],
    ['a meeting a fortnight ago (half)', [{ type: 'meeting', at: daysAgo(14) }], 5],
    ['a meeting four weeks ago (a quarter)', [{ type: 'meeting', at: daysAgo(28) }], 3],
    ['a connected call', [{ type: 'call', outcome: 'connected', at: daysAgo(0) }], 6],
    ['a call that did not connect', [{ type: 'call', outcome: 'no_answer', at: daysAgo(0) }], 2],
    ['an email and a note', [{ type: 'email', at: daysAgo(0) }, { type: 'note', at: daysAgo(0) }], 4],
    ['an activity dated in the future counts as now', [{ type: 'meeting', at: daysAgo(-3) }], 10],
    ['many meetings, capped', Array.from({ length: 5 }, () => ({ type: 'meeting', at: daysAgo(0) })), GROUP_CAPS.engagement],
  ])('engagement: %s → %i', (_what, activities, engagement) => {
    const s = computeScore(input({ activities }));
    expect(s.engagement).toBe(engagement);
    expect(s.reasons.find((r) => r.group === 'engagement')?.label).toMatch(/activit(y|ies), recent ones weigh most/);
  });

  describe('caps', () => {
    const rule = (id: string, group: ScoringRule['group'], points: number): ScoringRule => ({ id, group, evaluate: () => ({ label: id, points }) });

    it.each<[string, ScoringRule[], { quality: number; fit: number; engagement: number; total: number }]>([
      ['caps each group', [rule('q', 'quality', 90), rule('f', 'fit', 50), rule('e', 'engagement', 25)], { quality: 40, fit: 40, engagement: 20, total: 100 }],
      ['sums the rules of a group before capping', [rule('f1', 'fit', 30), rule('f2', 'fit', 30)], { quality: 0, fit: 40, engagement: 0, total: 40 }],
      ['floors a group at 0', [rule('q', 'quality', -15), rule('f', 'fit', 10)], { quality: 0, fit: 10, engagement: 0, total: 10 }],
      ['rounds the total', [rule('q', 'quality', 10.4), rule('f', 'fit', 10.4)], { quality: 10.4, fit: 10.4, engagement: 0, total: 21 }],
    ])('%s', (_what, rules, expected) => {
      const s = computeScore(input(), rules);
      expect(s).toMatchObject(expected);
      // The reasons keep the raw points: they explain, the caps bound.
      expect(s.reasons.map((r) => r.points)).toEqual(rules.map((r) => (r.evaluate(input()) as { points: number }).points));
    });

    it('never exceeds 100', () => {
      expect(GROUP_CAPS.quality + GROUP_CAPS.fit + GROUP_CAPS.engagement).toBe(100);
    });

    it('takes a rule that answers null or a list', () => {
      const none: ScoringRule = { id: 'none', group: 'fit', evaluate: () => null };
      const many: ScoringRule = { id: 'many', group: 'fit', evaluate: () => [{ label: 'a', points: 1 }, { label: 'b', points: 2 }] };
      expect(computeScore(input(), [none, many])).toMatchObject({ fit: 3, reasons: [{ label: 'a', points: 1, group: 'fit' }, { label: 'b', points: 2, group: 'fit' }] });
    });
  });

  it('registers each rule once, with a unique id', () => {
    const ids = SCORING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(['company', 'email', 'engagement', 'name', 'phone', 'title']);
  });
});

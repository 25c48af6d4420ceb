import { describe, expect, it } from 'vitest';
import { canTransition, DEFAULT_LOST_REASONS, OPEN_STATUSES, resolveLostReason, stageIndex, TRANSITIONS } from './pipeline.ts';
import { LEAD_STATUSES, type LeadStatus } from './schemas/lead.ts';

// Every pair of statuses, and whether a lead may move from the first to the second.
const ALLOWED: Record<LeadStatus, LeadStatus[]> = {
  new: ['new', 'assigned', 'contacted', 'qualified', 'lost'],
  assigned: ['new', 'assigned', 'contacted', 'qualified', 'lost'],
  contacted: ['contacted', 'qualified', 'converted', 'lost'],
  qualified: ['contacted', 'qualified', 'converted', 'lost'],
  converted: ['converted'],
  lost: ['new', 'lost'],
};
const PAIRS = LEAD_STATUSES.flatMap((from) => LEAD_STATUSES.map((to) => [from, to, ALLOWED[from].includes(to)] as const));

describe('canTransition', () => {
  it.each(PAIRS)('%s → %s: %s', (from, to, expected) => {
    expect(canTransition(from, to)).toBe(expected);
  });

  it('has a row for every status and names only known statuses', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...LEAD_STATUSES].sort());
    for (const targets of Object.values(TRANSITIONS)) for (const t of targets) expect(LEAD_STATUSES).toContain(t);
  });

  it('counts assigned, contacted and qualified as open', () => {
    expect([...OPEN_STATUSES].sort()).toEqual(['assigned', 'contacted', 'qualified']);
  });
});

describe('stageIndex', () => {
  it.each([
    ['new', 0],
    ['assigned', 1],
    ['contacted', 2],
    ['qualified', 3],
    ['converted', 4],
    ['lost', -1],
  ] as const)('%s is stage %i', (status, index) => {
    expect(stageIndex(status)).toBe(index);
  });
});

describe('resolveLostReason', () => {
  const reasons = ['No budget', 'Chose a competitor'];
  it.each([
    ['No budget', { ok: true, reason: 'No budget' }],
    ['  chose A COMPETITOR ', { ok: true, reason: 'Chose a competitor' }],
    [undefined, { ok: false, message: 'lostReason: is required to lose a lead; one of No budget, Chose a competitor' }],
    ['   ', { ok: false, message: 'lostReason: is required to lose a lead; one of No budget, Chose a competitor' }],
    ['Moon phase', { ok: false, message: 'lostReason: "Moon phase" is not one of the team\'s reasons (No budget, Chose a competitor)' }],
  ])('%j → %j', (given, expected) => {
    expect(resolveLostReason(reasons, given)).toEqual(expected);
  });

  it('starts every team with reasons', () => {
    expect(DEFAULT_LOST_REASONS.length).toBeGreaterThan(3);
  });
});

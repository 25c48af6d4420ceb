import { describe, expect, it } from 'vitest';
import { canTransition, OPEN_STATUSES, TRANSITIONS } from './pipeline.ts';
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

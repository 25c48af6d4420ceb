import { describe, expect, it } from 'vitest';
import { routingConfig, type RoutingLogEntry } from '../../shared/schemas/routing.ts';
import { describeMove, describeRule } from './routing-panel.ts';

const names: Record<string, string> = { usr_ana: 'Ana Ruiz', usr_tess: 'Tess Lead' };
const nameOf = (id: string) => names[id] ?? id;
const rule = (r: unknown) => routingConfig.parse({ rules: [r] }).rules[0]!;

describe('routing rules in words', () => {
  it.each([
    [{ id: 'all', name: 'Everyone', strategy: 'round-robin' }, 'Everyone: every lead → every rep, round-robin'],
    [
      { id: 'hot', name: 'Hot', when: { grades: ['A', 'B'], minScore: 60 }, reps: { tags: ['senior'] }, strategy: 'least-loaded' },
      'Hot: grade A/B, score ≥ 60 → reps tagged senior, least loaded',
    ],
    [{ id: 'emea', name: 'EMEA', when: { territories: ['emea'], sources: ['form'] }, strategy: 'territory' }, 'EMEA: from form, in EMEA → every rep, territory match'],
    [{ id: 'ana', name: 'Ana only', reps: { userIds: ['usr_ana'] }, strategy: 'weighted-round-robin', enabled: false }, 'Ana only: every lead → Ana Ruiz, weighted round-robin (off)'],
  ])('%j', (r, text) => {
    expect(describeRule(rule(r), nameOf)).toBe(text);
  });
});

describe('routing moves in words', () => {
  const entry = (kind: RoutingLogEntry['kind'], to: string | null): RoutingLogEntry => ({ id: 'rte_1', at: '2026-06-01T09:00:00.000Z', leadId: 'ld_1', kind, from: null, to, by: 'system', reason: 'why' });
  it.each([
    ['routed', 'usr_ana', 'routed to Ana Ruiz'],
    ['claimed', 'usr_ana', 'pulled by Ana Ruiz'],
    ['reassigned', 'usr_ana', 'moved to Ana Ruiz'],
    ['escalated', 'usr_tess', 'escalated to Tess Lead'],
    ['returned', null, 'back to the queue'],
  ] as const)('%s → %s', (kind, to, text) => {
    expect(describeMove(entry(kind, to), nameOf)).toBe(text);
  });
});

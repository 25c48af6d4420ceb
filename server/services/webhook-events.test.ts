import { describe, expect, it } from 'vitest';
import { computeScore } from '../../shared/scoring/score.ts';
import type { LeadRecord } from '../store/types.ts';
import { leadEvents } from './webhook-dispatch.ts';

const at = '2026-06-01T09:00:00.000Z';
const base: LeadRecord = {
  id: 'ld_1',
  email: 'maria@acme.example',
  otherEmails: [],
  otherPhones: [],
  provenance: {},
  source: { kind: 'form' },
  status: 'new',
  ownerId: null,
  contactBy: null,
  capturedBy: 'form:frm_1',
  score: computeScore({ email: 'maria@acme.example', activities: [], now: new Date(at) }),
  version: 1,
  createdAt: at,
  updatedAt: at,
  seq: 1,
};
const owned: LeadRecord = { ...base, ownerId: 'usr_ana', status: 'assigned', contactBy: at, version: 2 };

describe('the webhook events a change of a lead raises', () => {
  it.each([
    ['a new lead in the queue', undefined, base, ['lead.created']],
    ['a new lead placed at once (rules, a form’s owner)', undefined, owned, ['lead.created', 'lead.assigned']],
    ['a claim or an assignment', base, owned, ['lead.assigned', 'lead.status_changed']],
    ['a move between reps', owned, { ...owned, ownerId: 'usr_ben' }, ['lead.assigned']],
    ['a return to the queue', owned, base, ['lead.status_changed']],
    ['an edit of a field', base, { ...base, name: 'Maria Lopez' }, []],
    ['a removal', base, undefined, []],
  ] as const)('%s', (_what, prev, next, types) => {
    expect(leadEvents(prev, next).map((e) => e.type)).toEqual(types);
  });

  it('says a lead placed as it was created had no owner before', () => {
    expect(leadEvents(undefined, owned)[1]?.data).toMatchObject({ previousOwnerId: null, lead: { ownerId: 'usr_ana' } });
  });
});

import { describe, expect, it } from 'vitest';
import type { Activity } from '../../shared/schemas/activity.ts';
import type { PullResult } from '../../shared/schemas/sync.ts';
import { applyPull, emptyCache, listOffline, lookupOffline, rememberLead, rememberLookups, withPending, type SyncCache } from './cache-plan.ts';
import type { OutboxEntry } from './outbox-plan.ts';
import { testLead } from './test-leads.ts';

const now = new Date('2026-03-10T09:00:00.000Z');
const act = (id: string, leadId: string): Activity => ({ id, leadId, userId: 'usr_me', type: 'call', at: '2026-03-10T08:00:00.000Z' });
const withLeads = (...ids: string[]): SyncCache => ({
  ...emptyCache('acct'),
  cursor: '10',
  syncedAt: '2026-03-10T08:00:00.000Z',
  leads: Object.fromEntries(ids.map((id) => [id, testLead(id)])),
  activities: Object.fromEntries(ids.map((id) => [id, [act(`a-${id}`, id)]])),
});
const page = (extra: Partial<PullResult>): PullResult => ({ cursor: '20', reset: false, more: false, changes: [], ...extra });

describe('applyPull', () => {
  it.each<{ what: string; cache: SyncCache; page: PullResult; leads: string[]; activities?: Record<string, string[]>; cursor: string; syncedAt: string | null }>([
    { what: 'nothing changed: only the cursor and the time move', cache: withLeads('ld_1'), page: page({}), leads: ['ld_1'], cursor: '20', syncedAt: now.toISOString() },
    {
      what: 'a new lead of mine is added with its activities',
      cache: withLeads('ld_1'),
      page: page({ changes: [{ type: 'lead', lead: testLead('ld_2'), activities: [act('a1', 'ld_2'), act('a2', 'ld_2')] }] }),
      leads: ['ld_1', 'ld_2'],
      activities: { ld_1: ['a-ld_1'], ld_2: ['a1', 'a2'] },
      cursor: '20',
      syncedAt: now.toISOString(),
    },
    {
      what: 'an updated lead replaces the copy, activities included',
      cache: withLeads('ld_1'),
      page: page({ changes: [{ type: 'lead', lead: testLead('ld_1', { version: 2 }), activities: [act('a-ld_1', 'ld_1'), act('a9', 'ld_1')] }] }),
      leads: ['ld_1'],
      activities: { ld_1: ['a-ld_1', 'a9'] },
      cursor: '20',
      syncedAt: now.toISOString(),
    },
    {
      what: 'a lead reassigned away leaves the copy',
      cache: withLeads('ld_1', 'ld_2'),
      page: page({ changes: [{ type: 'removed', leadId: 'ld_1', ownerId: 'usr_bo', ownerName: 'Bo' }] }),
      leads: ['ld_2'],
      activities: { ld_2: ['a-ld_2'] },
      cursor: '20',
      syncedAt: now.toISOString(),
    },
    {
      what: 'a reset empties the copy first',
      cache: withLeads('ld_1', 'ld_2'),
      page: page({ reset: true, changes: [{ type: 'lead', lead: testLead('ld_3'), activities: [] }] }),
      leads: ['ld_3'],
      activities: { ld_3: [] },
      cursor: '20',
      syncedAt: now.toISOString(),
    },
    {
      what: 'a page with more to come keeps the old sync time',
      cache: withLeads('ld_1'),
      page: page({ more: true, cursor: '10-15', changes: [{ type: 'lead', lead: testLead('ld_2'), activities: [] }] }),
      leads: ['ld_1', 'ld_2'],
      cursor: '10-15',
      syncedAt: '2026-03-10T08:00:00.000Z',
    },
  ])('$what', ({ cache, page: p, leads, activities, cursor, syncedAt }) => {
    const next = applyPull(cache, p, now);
    expect(Object.keys(next.leads).sort()).toEqual(leads);
    if (activities) expect(Object.fromEntries(Object.entries(next.activities).map(([k, v]) => [k, v.map((a) => a.id)]))).toEqual(activities);
    expect(next.cursor).toBe(cursor);
    expect(next.syncedAt).toBe(syncedAt);
  });
  it('leaves the cache it was given untouched', () => {
    const cache = withLeads('ld_1');
    applyPull(cache, page({ reset: true }), now);
    expect(Object.keys(cache.leads)).toEqual(['ld_1']);
  });
});

describe('lookups offline', () => {
  const cache = rememberLookups(
    withLeads('ld_1'),
    ['email:x', 'bo@globex.example', 'nobody@x.example'],
    [{ key: 'bo@globex.example', leadId: 'ld_9', score: 70, grade: 'A', status: 'new' }],
    now,
  );
  it.each([
    { what: 'my own lead answers from the copy', emails: ['ld_1@acme.example'], phones: [], ids: ['ld_1'] },
    { what: 'emails match whatever their case', emails: ['LD_1@Acme.Example'], phones: [], ids: ['ld_1'] },
    { what: 'an earlier lookup answers for a lead not mine', emails: ['bo@globex.example'], phones: [], ids: ['ld_9'] },
    { what: 'a remembered miss stays a miss', emails: ['nobody@x.example'], phones: [], ids: [] },
    { what: 'one match per lead', emails: ['ld_1@acme.example', 'ld_1@acme.example'], phones: [], ids: ['ld_1'] },
    { what: 'an address never looked up is unknown', emails: ['new@x.example'], phones: ['+14155550100'], ids: [] },
  ])('$what', ({ emails, phones, ids }) => {
    expect(lookupOffline(cache, emails, phones).map((m) => m.leadId)).toEqual(ids);
  });
  it('keeps the newest answers only', () => {
    let c = withLeads();
    for (let i = 0; i < 2201; i++) c = rememberLookups(c, [`k${i}`], [], new Date(now.getTime() + i));
    expect(Object.keys(c.lookups)).toHaveLength(2000);
    expect(c.lookups.k0).toBeUndefined();
    expect(c.lookups.k2200).toBeDefined();
    expect(c.lookups.k200).toBeUndefined();
    expect(c.lookups.k201).toBeDefined();
  });
});

describe('listOffline', () => {
  const cache: SyncCache = {
    ...emptyCache('acct'),
    leads: {
      ld_1: testLead('ld_1', { name: 'Ana Ruiz', status: 'assigned' }),
      ld_2: testLead('ld_2', { name: 'Bo Chen', company: 'Globex', status: 'contacted' }),
      ld_3: testLead('ld_3', { name: 'Cy Twombly', status: 'contacted' }),
    },
  };
  it.each([
    { what: 'newest first', filter: { limit: 10 }, ids: ['ld_3', 'ld_2', 'ld_1'], next: null },
    { what: 'by status', filter: { limit: 10, status: 'contacted' as const }, ids: ['ld_3', 'ld_2'], next: null },
    { what: 'by search', filter: { limit: 10, q: 'globex' }, ids: ['ld_2'], next: null },
    { what: 'paged', filter: { limit: 2 }, ids: ['ld_3', 'ld_2'], next: 'ld_2' },
    { what: 'the next page', filter: { limit: 2, cursor: 'ld_2' }, ids: ['ld_1'], next: null },
  ])('$what', ({ filter, ids, next }) => {
    const out = listOffline(cache, filter);
    expect(out.items.map((l) => l.id)).toEqual(ids);
    expect(out.nextCursor).toBe(next);
  });
});

describe('rememberLead', () => {
  it.each([
    { what: 'my lead is kept', lead: testLead('ld_5'), has: true },
    { what: 'a lead of someone else is not', lead: testLead('ld_5', { ownerId: 'usr_bo' }), has: false },
    { what: 'a lead that left me leaves the copy', lead: testLead('ld_1', { ownerId: null, version: 3 }), has: false },
    { what: 'an older answer never replaces a newer copy', lead: testLead('ld_1', { version: 0, title: 'old' }), has: true },
  ])('$what', ({ lead, has }) => {
    const next = rememberLead(withLeads('ld_1'), lead, 'usr_me');
    expect(lead.id in next.leads).toBe(has);
    if (has && lead.id === 'ld_1') expect(next.leads.ld_1?.title).toBe('VP Sales');
  });
});

describe('withPending', () => {
  const account = { serverUrl: 'http://s', token: 't' };
  const base = { account, queuedAt: '2026-03-10T08:30:00.000Z', attempts: 0, nextAt: '2026-03-10T08:30:00.000Z' };
  const outbox: OutboxEntry[] = [
    { ...base, id: 'k1', op: { kind: 'activity', input: { leadId: 'ld_1', type: 'call', outcome: 'voicemail', idempotencyKey: 'k1' } } },
    { ...base, id: 'k2', op: { kind: 'update', input: { id: 'ld_1', version: 1, patch: { title: 'CEO' }, idempotencyKey: 'k2' }, base: { title: 'VP Sales' } } },
    { ...base, id: 'k3', op: { kind: 'activity', input: { leadId: 'ld_2', type: 'note', idempotencyKey: 'k3' } } },
  ];
  it('shows the waiting edit and activity of this lead only', () => {
    const shown = withPending(testLead('ld_1'), [act('a0', 'ld_1')], outbox, 'usr_me');
    expect(shown.lead.title).toBe('CEO');
    expect(shown.activities.map((a) => a.id)).toEqual(['a0', 'pending:k1']);
    expect(shown.pending).toBe(2);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleOffline, type OfflineDeps } from '../../extension/background/offline.ts';
import { flushOutbox } from '../../extension/background/outbox.ts';
import { pullChanges } from '../../extension/background/pull.ts';
import { memorySyncStorage, type SyncStorage } from '../../extension/background/sync-types.ts';
import type { OutboxEntry } from '../../extension/sync/outbox-plan.ts';
import type { Lead } from '../../shared/schemas/lead.ts';
import { extensionMessage, type ExtensionMessage, type ParsedMessage, type Reply } from '../../shared/schemas/messages.ts';
import type { Replies } from '../../extension/background/handlers.ts';
import type { FollowUp } from '../../shared/schemas/team.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { clientFor, errorOf, listAll, makeDataDir, randomToken, removeDir, serverOptions, type Api } from '../helpers/server.ts';

// The extension's outbox, offline copy and change feed, run in Node against a real server that
// stops and starts again on the same port and data folder, as a rep's train goes through tunnels.
describe('offline first: outbox, change feed and conflicts against a real server', () => {
  const dataDir = makeDataDir();
  const adminToken = randomToken();
  let server: RunningServer | undefined;
  let port = 0;
  let url = '';
  let ana: { id: string; token: string; api: Api };
  let bo: { id: string; token: string; api: Api };
  let lee: { id: string; token: string; api: Api };

  const up = async () => {
    server = await startServer(serverOptions(dataDir, adminToken, { port }));
    port = server.port;
    url = server.url;
  };
  const down = async () => {
    await server?.close();
    server = undefined;
  };
  const user = async (name: string, role: 'rep' | 'lead') => {
    const { user: u, token } = await clientFor(url, adminToken).users.create.mutate({ name, email: `${name.split(' ')[0]!.toLowerCase()}@leadsync.example`, role });
    return { id: u.id, token, api: clientFor(url, token) };
  };

  /** The background of Ana's extension: real fetch, storage in memory, wake-ups recorded instead of alarms. */
  function extensionOf(token: () => string) {
    const storage: SyncStorage = memorySyncStorage();
    let current: Lead | null = null;
    const wakes: number[] = [];
    const deps: OfflineDeps = {
      storage,
      settings: async () => ({ serverUrl: url, token: token() }),
      saveCurrentLead: async (l) => {
        current = l;
      },
      loadCurrentLead: async () => current,
      followUps: { getValue: async () => [] as FollowUp[], setValue: async () => {} },
      fetch,
      now: () => new Date(),
      random: () => 0.5,
      wakeIn: (ms) => void wakes.push(ms),
    };
    const send = <T extends ExtensionMessage['type']>(msg: Extract<ExtensionMessage, { type: T }>) => handleOffline(extensionMessage.parse(msg) as ParsedMessage, deps) as Promise<Reply<Replies[T]>>;
    return { storage, deps, send, wakes };
  }

  /** The data of a reply that must have succeeded. */
  const data = <T>(reply: Reply<T>): T => {
    if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`);
    return reply.data;
  };
  const counts = async () => ({ leads: server!.deps.store.size('leads'), activities: server!.deps.store.size('activities') });

  beforeAll(async () => {
    await up();
    ana = await user('Ana Ruiz', 'rep');
    bo = await user('Bo Chen', 'rep');
    lee = await user('Lee Lead', 'lead');
  });
  afterAll(async () => {
    await down();
    await removeDir(dataDir);
  });

  it('sync.pull: everything mine at first, then only what changed; a lead taken away is named as removed', async () => {
    await lee.api.leads.capture.mutate({ name: 'Carla Diaz', email: 'carla@acme.example', source: { kind: 'manual' } });
    await lee.api.leads.capture.mutate({ name: 'Dev Patel', email: 'dev@globex.example', source: { kind: 'manual' } });
    const carla = (await ana.api.queue.next.mutate({})).lead!;
    const dev = (await ana.api.queue.next.mutate({})).lead!;
    const first = await ana.api.sync.pull.query({});
    expect(first.reset).toBe(true);
    expect(first.changes.map((c) => (c.type === 'lead' ? c.lead.id : c.leadId)).sort()).toEqual([carla.id, dev.id].sort());
    // Bo's pull holds none of Ana's leads.
    expect((await bo.api.sync.pull.query({})).changes).toEqual([]);

    const nothing = await ana.api.sync.pull.query({ cursor: first.cursor });
    expect(nothing).toMatchObject({ reset: false, more: false, changes: [], cursor: first.cursor });

    await ana.api.activities.add.mutate({ leadId: carla.id, type: 'call', outcome: 'connected' });
    await lee.api.queue.assign.mutate({ leadId: dev.id, userId: bo.id });
    const second = await ana.api.sync.pull.query({ cursor: first.cursor });
    expect(second.changes).toEqual([
      expect.objectContaining({ type: 'lead', lead: expect.objectContaining({ id: carla.id, status: 'contacted' }), activities: [expect.objectContaining({ type: 'call', outcome: 'connected' })] }),
      { type: 'removed', leadId: dev.id, ownerId: bo.id, ownerName: 'Bo Chen' },
    ]);
    expect((await bo.api.sync.pull.query({ cursor: first.cursor })).changes).toEqual([expect.objectContaining({ type: 'lead', lead: expect.objectContaining({ id: dev.id, ownerId: bo.id }) })]);

    // Paged, one change a page: the pages of a round from scratch add up to the rep's leads; a removal
    // among them is only a lead the rep no longer holds.
    await lee.api.leads.capture.mutate({ name: 'Fay Lin', email: 'fay@umbrella.example', source: { kind: 'manual' } });
    const fay = (await ana.api.queue.next.mutate({})).lead!;
    const pages = [await ana.api.sync.pull.query({ limit: 1 })];
    while (pages.at(-1)!.more) pages.push(await ana.api.sync.pull.query({ cursor: pages.at(-1)!.cursor, limit: 1 }));
    expect(pages[0]).toMatchObject({ reset: true, more: true });
    expect(pages.slice(1).every((p) => !p.reset)).toBe(true);
    const paged = pages.flatMap((p) => p.changes);
    expect(paged.flatMap((c) => (c.type === 'lead' ? [c.lead.id] : [])).sort()).toEqual([carla.id, fay.id].sort());
    expect(paged.flatMap((c) => (c.type === 'removed' ? [c.leadId] : []))).toEqual(paged.some((c) => c.type === 'removed') ? [dev.id] : []);
    expect(paged.find((c) => c.type === 'lead' && c.lead.id === carla.id)).toMatchObject({ activities: [expect.objectContaining({ outcome: 'connected' })] });

    // A lead sent on the first page of a round and taken away before the next page is removed there.
    const firstPage = await ana.api.sync.pull.query({ limit: 1 });
    const sent = firstPage.changes[0]!.type === 'lead' ? firstPage.changes[0]!.lead : undefined;
    await lee.api.queue.assign.mutate({ leadId: sent!.id, userId: bo.id });
    const rest = [await ana.api.sync.pull.query({ cursor: firstPage.cursor, limit: 1 })];
    while (rest.at(-1)!.more) rest.push(await ana.api.sync.pull.query({ cursor: rest.at(-1)!.cursor, limit: 1 }));
    expect(rest.flatMap((p) => p.changes)).toContainEqual({ type: 'removed', leadId: sent!.id, ownerId: bo.id, ownerName: 'Bo Chen' });
    await lee.api.queue.assign.mutate({ leadId: sent!.id, userId: ana.id });

    // The cursor still works after a restart: removals come from the history on disk.
    await lee.api.queue.assign.mutate({ leadId: dev.id, userId: ana.id });
    const before = await ana.api.sync.pull.query({ cursor: second.cursor });
    expect(before.changes).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'lead', lead: expect.objectContaining({ id: dev.id }) })]));
    await down();
    await up();
    await lee.api.queue.assign.mutate({ leadId: dev.id, userId: bo.id });
    expect((await ana.api.sync.pull.query({ cursor: before.cursor })).changes).toEqual([{ type: 'removed', leadId: dev.id, ownerId: bo.id, ownerName: 'Bo Chen' }]);

    // Bad cursors are refused with the field named; a cursor from another store starts over.
    expect(await errorOf(ana.api.sync.pull.query({ cursor: 'abc' }))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('cursor') });
    expect((await ana.api.sync.pull.query({ cursor: '999999999' })).reset).toBe(true);
  });

  it('leads.update takes an idempotency key: the same edit twice is one edit', async () => {
    const mine = await listAll(ana.api, { ownerId: ana.id });
    const target = mine.items[0]!;
    const key = 'upd-key-123456';
    const once = await ana.api.leads.update.mutate({ id: target.id, version: target.version, patch: { title: 'Head of Sales' }, idempotencyKey: key });
    const twice = await ana.api.leads.update.mutate({ id: target.id, version: target.version, patch: { title: 'Head of Sales' }, idempotencyKey: key });
    expect(twice).toEqual(once);
    expect(once.version).toBe(target.version + 1);
    const { history } = await ana.api.leads.get.query({ id: target.id });
    expect(history.filter((h) => h.action === 'updated' && h.changes.some((c) => c.field === 'title'))).toHaveLength(1);
  });

  it('replaying the same outbox twice creates nothing new', async () => {
    const ext = extensionOf(() => ana.token);
    const mine = (await listAll(ana.api, { ownerId: ana.id })).items[0]!;
    await ext.send({ type: 'whoami' });
    await down();
    for (let i = 0; i < 3; i++) {
      const r = await ext.send({ type: 'capture', lead: { name: `Offline ${i}`, email: `offline${i}@train.example`, source: { kind: 'page', url: 'https://train.example' }, idempotencyKey: `cap-key-${i}-abcdef` } });
      expect(r).toMatchObject({ ok: true, data: { queued: true, waiting: i + 1 } });
    }
    await ext.send({ type: 'add-activity', activity: { leadId: mine.id, type: 'note', note: 'Met at the station', idempotencyKey: 'act-key-abcdef' } });
    const snapshot: OutboxEntry[] = await ext.storage.outbox.getValue();
    expect(snapshot).toHaveLength(4);
    // A replay while the server is down keeps everything, in order, and asks to be woken later.
    expect(await flushOutbox(ext.deps, true)).toEqual({ sent: 0, waiting: 4, offline: true });
    expect(ext.wakes.at(-1)).toBeGreaterThan(0);

    await up();
    const before = await counts();
    expect(await flushOutbox(ext.deps, true)).toEqual({ sent: 4, waiting: 0, offline: false });
    const after = await counts();
    expect(after).toEqual({ leads: before.leads + 3, activities: before.activities + 1 });

    // The worker died before it could forget what it sent: the whole outbox goes again.
    await ext.storage.outbox.setValue(snapshot);
    expect(await flushOutbox(ext.deps, true)).toEqual({ sent: 4, waiting: 0, offline: false });
    expect(await counts()).toEqual(after);
    const { matches } = await ana.api.leads.lookup.query({ emails: ['offline0@train.example', 'offline1@train.example', 'offline2@train.example'] });
    expect(matches).toHaveLength(3);
    // The note keeps the time it was written on the train, not the time it reached the server.
    const note = (await ana.api.activities.list.query({ id: mine.id })).find((a) => a.note === 'Met at the station');
    const queued = snapshot.find((e) => e.op.kind === 'activity');
    expect(note?.at).toBe(queued?.op.kind === 'activity' ? queued.op.input.at : 'missing');
  });

  it('works offline from the copy, marked stale, and refreshes the copy incrementally', async () => {
    const ext = extensionOf(() => ana.token);
    expect(await ext.send({ type: 'whoami' })).toMatchObject({ ok: true, data: { name: 'Ana Ruiz' } });
    expect(await pullChanges(ext.deps)).toMatchObject({ ok: true });
    const cached = await ext.storage.cache.getValue();
    const ids = Object.keys(cached!.leads);
    expect(ids.length).toBeGreaterThan(0);
    const lead = cached!.leads[ids[0]!]!;
    await ext.send({ type: 'lookup', emails: ['offline0@train.example', 'nobody@nowhere.example'], phones: [] });

    await down();
    const who = await ext.send({ type: 'whoami' });
    expect(who).toMatchObject({ ok: true, data: { name: 'Ana Ruiz' }, stale: cached!.syncedAt });
    const list = await ext.send({ type: 'list-leads', filter: { ownerId: 'me', limit: 50 } });
    expect(list).toMatchObject({ ok: true, stale: expect.any(String) });
    expect(data(list).items.map((l) => l.id).sort()).toEqual(ids.sort());
    const looked = await ext.send({ type: 'lookup', emails: ['offline0@train.example', lead.email!, 'nobody@nowhere.example'], phones: [] });
    expect(data(looked).matches.map((m) => m.leadId)).toContain(lead.id);
    expect(data(looked).matches).toHaveLength(2);
    // Team-wide views need the server: they say so.
    expect(await ext.send({ type: 'next-lead' })).toMatchObject({ ok: false, code: 'UNREACHABLE' });

    // An offline note shows on the lead's card at once, as waiting.
    await ext.send({ type: 'add-activity', activity: { leadId: lead.id, type: 'note', note: 'Offline note' } });
    const card = await ext.send({ type: 'get-lead', id: lead.id });
    expect(card).toMatchObject({ ok: true, stale: expect.any(String) });
    expect(data(card).activities.at(-1)).toMatchObject({ note: 'Offline note', id: expect.stringMatching(/^pending:/) });

    await up();
    const status = await ext.send({ type: 'sync-now' });
    expect(status).toMatchObject({ ok: true, data: { waiting: [], conflicts: [], rejected: [], offline: false } });
    const copy = await ext.storage.cache.getValue();
    expect(copy!.activities[lead.id]!.some((a) => a.note === 'Offline note' && !a.id.startsWith('pending:'))).toBe(true);
    // A lead reassigned away leaves the copy at the next pull.
    await lee.api.queue.assign.mutate({ leadId: lead.id, userId: bo.id });
    await pullChanges(ext.deps);
    expect((await ext.storage.cache.getValue())!.leads[lead.id]).toBeUndefined();
  });

  it('an offline edit to a lead changed meanwhile: CONFLICT, both values kept, the rep chooses; undisputed edits go through', async () => {
    const ext = extensionOf(() => ana.token);
    await lee.api.leads.capture.mutate({ name: 'Eve Stone', email: 'eve@initech.example', title: 'VP Sales', company: 'Initech', source: { kind: 'manual' } });
    const eve = (await ana.api.queue.next.mutate({})).lead!;
    await ext.send({ type: 'whoami' });
    await ext.send({ type: 'open-lead', id: eve.id });
    await down();
    // Offline: a call, then an edit of the title and the company, from the version Ana saw.
    await ext.send({ type: 'add-activity', activity: { leadId: eve.id, type: 'call', outcome: 'connected' } });
    const edit = await ext.send({ type: 'update-lead', update: { id: eve.id, version: eve.version, patch: { title: 'CEO', company: 'Initech Inc' } }, base: { title: 'VP Sales', company: 'Initech' } });
    expect(edit).toMatchObject({ ok: true, data: { queued: true, waiting: 2, lead: { title: 'CEO', company: 'Initech Inc' } } });
    await up();
    // Meanwhile the team lead changed the title.
    const theirs = await lee.api.leads.update.mutate({ id: eve.id, version: eve.version, patch: { title: 'Chief Revenue Officer' } });
    expect(await errorOf(ana.api.leads.update.mutate({ id: eve.id, version: eve.version, patch: { title: 'CEO' } }))).toMatchObject({ code: 'CONFLICT' });

    const status = await ext.send({ type: 'sync-now' });
    expect(data(status).waiting).toEqual([]);
    expect(data(status).conflicts).toEqual([
      expect.objectContaining({ leadId: eve.id, patch: { company: 'Initech Inc' }, fields: [{ field: 'title', was: 'VP Sales', mine: 'CEO', theirs: 'Chief Revenue Officer' }] }),
    ]);
    // Nothing was overwritten: the server keeps their title until Ana chooses.
    const held = (await ana.api.leads.get.query({ id: eve.id })).lead;
    expect(held).toMatchObject({ title: 'Chief Revenue Officer', company: 'Initech' });
    expect(held.version).toBe(theirs.version + 1); // Ana's call landed

    const resolved = await ext.send({ type: 'resolve-conflict', id: data(status).conflicts[0]!.id, keepMine: ['title'] });
    expect(data(resolved)).toMatchObject({ waiting: [], conflicts: [] });
    expect((await ana.api.leads.get.query({ id: eve.id })).lead).toMatchObject({ title: 'CEO', company: 'Initech Inc' });
  });

  it('a write the server refuses for good leaves the outbox with its reason, and the rest goes on', async () => {
    const ext = extensionOf(() => ana.token);
    const boLead = (await listAll(bo.api, { ownerId: bo.id })).items[0]!;
    await down();
    await ext.send({ type: 'add-activity', activity: { leadId: boLead.id, type: 'note', note: 'not mine' } });
    await ext.send({ type: 'capture', lead: { email: 'after.refusal@x.example', source: { kind: 'manual' } } });
    await up();
    const status = await ext.send({ type: 'sync-now' });
    expect(data(status).waiting).toEqual([]);
    expect(data(status).rejected).toEqual([expect.objectContaining({ message: expect.stringContaining('only leads you own') })]);
    expect((await ana.api.leads.lookup.query({ emails: ['after.refusal@x.example'] })).matches).toHaveLength(1);
    const dismissed = await ext.send({ type: 'dismiss-rejected', id: data(status).rejected[0]!.id });
    expect(data(dismissed).rejected).toEqual([]);
  });
});

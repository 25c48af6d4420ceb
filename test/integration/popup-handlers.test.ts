import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage, type HandlerDeps } from '../../extension/background/handlers.ts';
import type { Lead } from '../../shared/schemas/lead.ts';
import { extensionMessage, type ExtensionMessage, type ParsedMessage } from '../../shared/schemas/messages.ts';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

// The popup's messages as the background answers them, against a real server with the real fetch.
describe('popup messages in the background', () => {
  let ts: TestServer;
  let rep: TestUser;
  let lead: TestUser;
  let current: Lead | null = null;
  let followUpSyncs = 0;

  const depsFor = (token: string): HandlerDeps => ({
    settings: async () => ({ serverUrl: ts.url, token }),
    saveCurrentLead: async (l) => {
      current = l;
    },
    fetch,
    followUpsChanged: async () => {
      followUpSyncs++;
    },
  });
  const send = <T extends ExtensionMessage['type']>(msg: Extract<ExtensionMessage, { type: T }>, who: TestUser = rep) =>
    handleMessage(extensionMessage.parse(msg) as Extract<ParsedMessage, { type: T }>, depsFor(who.token));

  beforeAll(async () => {
    ts = await startTestServer();
    rep = await ts.createUser('rep', { name: 'Ana Ruiz' });
    lead = await ts.createUser('lead', { name: 'Lee Lead' });
    await rep.api.leads.capture.mutate({ name: 'Carla Diaz', email: 'carla@acme.example', company: 'Acme', source: { kind: 'page' } });
  });
  afterAll(() => ts.close());

  it('logs an activity with a follow-up, and asks for the reminders to be set again', async () => {
    const pulled = await send({ type: 'next-lead' });
    if (!pulled.ok || !pulled.data.lead) throw new Error('no lead');
    const id = pulled.data.lead.id;
    const followUpAt = new Date(Date.now() + 86_400_000).toISOString();
    const before = followUpSyncs;
    const logged = await send({ type: 'add-activity', activity: { leadId: id, type: 'call', outcome: 'no_answer', followUpAt } });
    expect(logged).toMatchObject({ ok: true, data: { type: 'call', outcome: 'no_answer', followUpAt } });
    expect(followUpSyncs).toBe(before + 1);
    expect(await send({ type: 'follow-ups' })).toEqual({ ok: true, data: [expect.objectContaining({ leadId: id, leadName: 'Carla Diaz', company: 'Acme', followUpAt })] });
    const detail = await send({ type: 'get-lead', id });
    expect(detail).toMatchObject({ ok: true, data: { lead: { status: 'contacted' }, people: { [rep.user.id]: 'Ana Ruiz' } } });
  });

  it('answers a stale edit with CONFLICT, and a fresh one with the saved lead, kept as the current lead', async () => {
    const mine = await send({ type: 'list-leads', filter: { ownerId: 'me', limit: 10 } });
    if (!mine.ok) throw new Error(mine.message);
    const target = mine.data.items[0]!;
    await lead.api.leads.update.mutate({ id: target.id, version: target.version, patch: { title: 'CEO' } });
    const stale = await send({ type: 'update-lead', update: { id: target.id, version: target.version, patch: { title: 'CTO' } } });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    const fresh = await send({ type: 'update-lead', update: { id: target.id, version: target.version + 1, patch: { title: 'CTO' } } });
    expect(fresh).toMatchObject({ ok: true, data: { title: 'CTO' } });
    expect(current).toMatchObject({ id: target.id, title: 'CTO' });
  });

  it('refuses a bad edit with the field named', async () => {
    const bad = extensionMessage.safeParse({ type: 'update-lead', update: { id: 'ld_1', version: 1, patch: { email: 'not-an-email' } } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('email');
  });

  it('gives the team summary and the reps to a team lead, FORBIDDEN to a rep', async () => {
    expect(await send({ type: 'team-summary' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await send({ type: 'users' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const summary = await send({ type: 'team-summary' }, lead);
    expect(summary).toMatchObject({ ok: true, data: { queue: { depth: 0 }, funnel: { byStatus: { contacted: 1 } } } });
    expect(await send({ type: 'lost-reasons' })).toMatchObject({ ok: true, data: expect.arrayContaining(['No budget']) });
  });

  it('lets a team lead mark a rep away and back, which the summary shows; a rep may not', async () => {
    expect(await send({ type: 'set-away', update: { id: rep.user.id, away: true } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await send({ type: 'set-away', update: { id: rep.user.id, away: true, awayUntil: null } }, lead)).toMatchObject({ ok: true, data: { id: rep.user.id, away: true, awayUntil: null } });
    const away = await send({ type: 'team-summary' }, lead);
    expect(away.ok && away.data.reps.find((r) => r.userId === rep.user.id)).toMatchObject({ away: true });
    expect(await send({ type: 'set-away', update: { id: rep.user.id, away: false } }, lead)).toMatchObject({ ok: true, data: { away: false } });
    // Only availability travels this way: a message that tries to change the cap is refused before it leaves.
    expect(extensionMessage.safeParse({ type: 'set-away', update: { id: rep.user.id, away: true, capacity: 0 } }).success).toBe(false);
    expect(extensionMessage.safeParse({ type: 'set-away', update: { id: rep.user.id } }).success).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

// leads.lookup gives each badge who owns the lead and since when it has its status, for the
// hover's "owned by Ana · contacted 2 days ago". The server's clock is moved by hand.
describe('leads.lookup: owner and status since', () => {
  let ts: TestServer;
  let rep: TestUser;
  let now = new Date('2026-03-01T09:00:00.000Z');

  beforeAll(async () => {
    ts = await startTestServer({ now: () => now });
    rep = await ts.createUser('rep', { name: 'Ana Ruiz', email: 'ana.ruiz@leadsync.example' });
  });
  afterAll(async () => ts?.close());

  it('dates a new lead from its capture, and a contacted one from the call that moved it', async () => {
    await rep.api.leads.capture.mutate({ email: 'maria@acme.example', name: 'Maria Lopez', source: { kind: 'manual' } });
    let [match] = (await rep.api.leads.lookup.query({ emails: ['maria@acme.example'] })).matches;
    expect(match).toMatchObject({ status: 'new', statusSince: '2026-03-01T09:00:00.000Z' });
    expect(match?.ownerName).toBeUndefined();

    now = new Date('2026-03-01T10:00:00.000Z');
    const lead = (await rep.api.queue.next.mutate({})).lead!;
    now = new Date('2026-03-02T15:30:00.000Z');
    await rep.api.activities.add.mutate({ leadId: lead.id, type: 'call', outcome: 'connected' });
    now = new Date('2026-03-04T16:00:00.000Z');
    // A later edit of another field does not move the date.
    await rep.api.leads.update.mutate({ id: lead.id, version: (await rep.api.leads.get.query({ id: lead.id })).lead.version, patch: { title: 'CFO' } });

    [match] = (await rep.api.leads.lookup.query({ emails: ['maria@acme.example'] })).matches;
    expect(match).toMatchObject({ status: 'contacted', ownerName: 'Ana Ruiz', statusSince: '2026-03-02T15:30:00.000Z' });
  });
});

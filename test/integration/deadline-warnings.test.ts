import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDeadlines, type DeadlineDeps } from '../../extension/background/deadlines.ts';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

// The background's deadline check, run in Node against a real server with the real fetch. Only
// the notification itself is recorded instead of shown: Node has no notification centre.
describe('deadline warnings from the background', () => {
  let ts: TestServer;
  let rep: TestUser;
  let now = new Date('2026-06-01T09:00:00.000Z');
  let warned: Record<string, string> = {};
  const shown: { id: string; message: string }[] = [];
  const deps = (): DeadlineDeps => ({
    settings: async () => ({ serverUrl: ts.url, token: rep.token }),
    fetch,
    now: () => now,
    warned: { getValue: async () => warned, setValue: async (v) => void (warned = v) },
    notify: async (id, _title, message) => void shown.push({ id, message }),
  });

  beforeAll(async () => {
    ts = await startTestServer({ now: () => now });
    rep = await ts.createUser('rep');
  });
  afterAll(() => ts.close());

  it('warns once, within the team’s warning window, and not for a lead already contacted', async () => {
    const teamLead = await ts.createUser('lead');
    await teamLead.api.routing.setRules.mutate({ sla: { hours: 2, warnMinutes: 30 } });
    await rep.api.leads.capture.mutate({ name: 'Dana Due', email: 'dana@due.example', source: { kind: 'manual' } });
    await rep.api.leads.capture.mutate({ name: 'Carl Called', email: 'carl@called.example', source: { kind: 'manual' } });
    const first = (await rep.api.queue.next.mutate({})).lead!;
    const second = (await rep.api.queue.next.mutate({})).lead!;
    const called = first.name === 'Carl Called' ? first : second;
    const due = called === first ? second : first;
    await rep.api.activities.add.mutate({ leadId: called.id, type: 'email' });

    expect(await checkDeadlines(deps())).toEqual([]);
    now = new Date(now.getTime() + 100 * 60_000);
    const warnedNow = await checkDeadlines(deps());
    expect(warnedNow.map((d) => d.leadId)).toEqual([due.id]);
    expect(shown).toEqual([{ id: `leadsync-deadline-${due.id}`, message: 'Contact Dana Due within 20 minutes, or the lead goes back to the queue.' }]);
    now = new Date(now.getTime() + 5 * 60_000);
    expect(await checkDeadlines(deps())).toEqual([]);
    expect(shown).toHaveLength(1);
  });
});

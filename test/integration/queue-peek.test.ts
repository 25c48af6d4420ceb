import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

/** queue.peek: what a team lead picks from in the Team tab. */
describe('queue.peek', () => {
  let ts: TestServer;
  let teamLead: TestUser;
  let rep: TestUser;
  const ids: string[] = [];

  beforeAll(async () => {
    ts = await startTestServer();
    teamLead = await ts.createUser('lead', { name: 'Lee Lead' });
    rep = await ts.createUser('rep', { name: 'Ana Ruiz', capacity: 100 });
    const people = [
      { name: 'Ann Analyst', title: 'Analyst' },
      { name: 'Vic Vp', title: 'VP Sales', phone: '+1 415 555 0101' },
      { name: 'Cee Ceo', title: 'Chief Executive Officer', phone: '+1 415 555 0102' },
      { name: 'Mo Manager', title: 'Sales Manager' },
      { name: 'Ivy Intern', title: 'Intern' },
      { name: 'Dee Director', title: 'Director of Sales', phone: '+1 415 555 0103' },
    ];
    for (const [i, p] of people.entries()) {
      const { lead } = await rep.api.leads.capture.mutate({ ...p, email: `${p.name.split(' ')[0]!.toLowerCase()}@firm${i}.com`, company: `Firm ${i}`, source: { kind: 'page' } });
      ids.push(lead.id);
    }
  });
  afterAll(() => ts?.close());

  it('gives the waiting leads best first, as Next lead will hand them out, leaving snoozed ones out', async () => {
    await teamLead.api.queue.snooze.mutate({ leadId: ids[4]!, until: new Date(Date.now() + 86_400_000).toISOString() });
    const peek = await teamLead.api.queue.peek.query({ limit: 10 });
    expect(peek.depth).toBe(5);
    expect(peek.leads.map((l) => l.id)).not.toContain(ids[4]);
    const scores = peek.leads.map((l) => l.score.total);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBeGreaterThan(1);

    const limited = await teamLead.api.queue.peek.query({ limit: 2 });
    expect(limited.leads.map((l) => l.id)).toEqual(peek.leads.slice(0, 2).map((l) => l.id));

    // Next lead takes them in exactly this order.
    const pulled: string[] = [];
    for (let i = 0; i < 5; i++) pulled.push((await rep.api.queue.next.mutate({})).lead!.id);
    expect(pulled).toEqual(peek.leads.map((l) => l.id));
    expect(await teamLead.api.queue.peek.query({})).toEqual({ depth: 0, leads: [] });
  });

  it('is for team leads and admins, and names a bad limit', async () => {
    expect((await errorOf(rep.api.queue.peek.query({}))).code).toBe('FORBIDDEN');
    expect(await errorOf(teamLead.api.queue.peek.query({ limit: 500 }))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^limit/) });
    expect((await ts.admin.queue.peek.query()).depth).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { freshServers, listAll, type TestServer, type TestUser } from '../helpers/server.ts';

const postJson = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Who holds each lead, by lead email. */
async function ownersByEmail(ts: TestServer): Promise<Map<string, string | null>> {
  const { items } = await listAll(ts.admin);
  return new Map(items.map((l) => [l.email ?? l.id, l.ownerId]));
}

// Captures are routed by the rules when auto-assignment is on; so are the other ways a lead
// arrives: a CSV import and a web-to-lead form.
describe('auto-assignment of imports and web-to-lead forms', () => {
  const fresh = freshServers();
  const setup = async () => {
    const ts = await fresh();
    const teamLead = await ts.createUser('lead', { name: 'Tess Lead' });
    const [ana, ben] = await Promise.all(['Ana', 'Ben'].map((name) => ts.createUser('rep', { name, capacity: 3 })));
    return { ts, teamLead, ana: ana!, ben: ben! };
  };
  const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => [`Person Number${from + i}`, `person${from + i}@firm${from + i}.example`]);

  it('routes imported rows by the rules: round-robin, up to each rep’s cap, the rest to the queue, each logged with its rule', async () => {
    const { ts, teamLead, ana, ben } = await setup();
    await teamLead.api.routing.setRules.mutate({ autoAssign: true, rules: [{ id: 'imports', name: 'Imported lists', when: { sources: ['import'] }, strategy: 'round-robin' }] });
    const result = await teamLead.api.imports.rows.mutate({ file: 'fair.csv', importId: 'import-0001', columns: ['Name', 'Email'], firstRow: 1, rows: rows(1, 8) });
    expect(result).toMatchObject({ created: 8, merged: 0, rejected: 0 });

    const owners = [...(await ownersByEmail(ts)).values()];
    expect(owners.filter((o) => o === ana.user.id)).toHaveLength(3);
    expect(owners.filter((o) => o === ben.user.id)).toHaveLength(3);
    expect(owners.filter((o) => o === null)).toHaveLength(2);

    const log = await teamLead.api.routing.log.query({ kind: 'routed' });
    expect(log.items).toHaveLength(6);
    expect(log.items.every((e) => e.ruleId === 'imports' && e.by === 'system' && /round-robin/.test(e.reason))).toBe(true);
    const routedLead = log.items[0]!.leadId;
    const { lead, history } = await teamLead.api.leads.get.query({ id: routedLead });
    expect(lead).toMatchObject({ status: 'assigned', contactBy: expect.any(String), source: { kind: 'import', name: 'fair.csv' } });
    expect(history.map((h) => h.action)).toEqual(['created', 'routed']);
  });

  it('leaves imported rows in the queue when auto-assignment is off, or when no rule takes imports', async () => {
    const { ts, teamLead } = await setup();
    await teamLead.api.imports.rows.mutate({ file: 'a.csv', importId: 'import-0002', columns: ['Name', 'Email'], firstRow: 1, rows: rows(1, 2) });
    await teamLead.api.routing.setRules.mutate({ autoAssign: true, rules: [{ id: 'forms', name: 'Forms only', when: { sources: ['form'] }, strategy: 'round-robin' }] });
    await teamLead.api.imports.rows.mutate({ file: 'b.csv', importId: 'import-0003', columns: ['Name', 'Email'], firstRow: 1, rows: rows(3, 2) });
    expect([...(await ownersByEmail(ts)).values()]).toEqual([null, null, null, null]);
    expect((await teamLead.api.routing.log.query({})).items).toHaveLength(0);
  });

  it('routes a form’s leads by the rules when the form names no owner', async () => {
    const { ts, teamLead, ana, ben } = await setup();
    await teamLead.api.routing.setRules.mutate({ autoAssign: true, rules: [{ id: 'web', name: 'Website', when: { sources: ['form'] }, strategy: 'least-loaded' }] });
    await teamLead.api.users.update.mutate({ id: ben.user.id, away: true });
    const form = await ts.admin.forms.create.mutate({ name: 'Contact us' });
    const res = await postJson(`${ts.url}/forms/${form.key}`, { first_name: 'Maria', last_name: 'Lopez', email: 'maria@globex.example' });
    expect(res.status).toBe(200);
    const owners = await ownersByEmail(ts);
    expect(owners.get('maria@globex.example')).toBe(ana.user.id);
    const [entry] = (await teamLead.api.routing.log.query({ kind: 'routed' })).items;
    expect(entry).toMatchObject({ ruleId: 'web', strategy: 'least-loaded', to: ana.user.id });
  });

  it('gives a form’s leads to its owner in one step, and to the rules or the queue when the owner is away or full', async () => {
    const { ts, teamLead, ana, ben } = await setup();
    await teamLead.api.routing.setRules.mutate({ autoAssign: true, rules: [{ id: 'all', name: 'Everyone', strategy: 'round-robin' }] });
    const form = await ts.admin.forms.create.mutate({ name: 'Demo request', ownerId: ana.user.id });
    const submit = async (i: number) => {
      const res = await postJson(`${ts.url}/forms/${form.key}`, { first_name: 'Visitor', last_name: `Number${i}`, email: `visitor${i}@site${i}.example` });
      expect(res.status).toBe(200);
      return (await ownersByEmail(ts)).get(`visitor${i}@site${i}.example`);
    };

    // The owner takes it: one assignment, not a rule's pick undone by a reassignment.
    expect(await submit(1)).toBe(ana.user.id);
    const first = await teamLead.api.routing.log.query({});
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({ kind: 'assigned', to: ana.user.id, reason: 'web form "Demo request" sends its leads to Ana' });

    // Away: the rules place it, and say why the owner did not get it.
    await teamLead.api.users.update.mutate({ id: ana.user.id, away: true });
    expect(await submit(2)).toBe(ben.user.id);
    const [routed] = (await teamLead.api.routing.log.query({ kind: 'routed' })).items;
    expect(routed?.reason).toMatch(/^web form "Demo request": Ana is away; rule all: round-robin/);

    // Back, and filled to her cap of 3: the rules again (Ben has room).
    await teamLead.api.users.update.mutate({ id: ana.user.id, away: false });
    expect(await submit(3)).toBe(ana.user.id);
    expect(await submit(4)).toBe(ana.user.id);
    expect(await submit(5)).toBe(ben.user.id);
    expect(await submit(6)).toBe(ben.user.id);
    // Everybody is full: the post still succeeds and the lead waits in the queue, with the reason in its history.
    expect(await submit(7)).toBeNull();
    const waiting = (await listAll(ts.admin)).items.find((l) => l.email === 'visitor7@site7.example')!;
    const { history } = await teamLead.api.leads.get.query({ id: waiting.id });
    expect(history.at(-1)?.note).toBe('web form "Demo request": Ana has 3 open leads, the cap; left in the queue');
  });
});

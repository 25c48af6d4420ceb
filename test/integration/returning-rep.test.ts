import { describe, expect, it } from 'vitest';
import { freshServers, listAll } from '../helpers/server.ts';

// "A rep who comes back from being away does not get a flood of catch-up leads", over HTTP,
// for every strategy that shares leads among reps.
describe('a rep back from being away', () => {
  const fresh = freshServers();

  it.each([
    // Each strategy's share for the returning rep over the next six leads, with equal weights.
    ['round-robin', 2],
    ['weighted-round-robin', 2],
    ['least-loaded', 3],
  ] as const)('%s: gets a fair share of new leads, never two in a row, and none of the backlog', async (strategy, share) => {
    const ts = await fresh();
    const teamLead = await ts.createUser('lead');
    const [ana, ben, cal] = await Promise.all(['Ana', 'Ben', 'Cal'].map((name) => ts.createUser('rep', { name, capacity: 100 })));
    let n = 0;
    const capture = async () => (await ts.admin.leads.capture.mutate({ name: `Lead Number${++n}`, email: `lead${n}@co${n}.example`, source: { kind: 'manual' } })).lead;

    // A backlog waits in the queue from before auto-assignment was turned on.
    const backlog = await Promise.all([capture(), capture(), capture(), capture()]);
    await teamLead.api.users.update.mutate({ id: cal!.user.id, away: true, awayUntil: null });
    await teamLead.api.routing.setRules.mutate({ autoAssign: true, rules: [{ id: 'all', name: 'Everyone', strategy }] });
    const whileAway: (string | null)[] = [];
    for (let i = 0; i < 10; i++) whileAway.push((await capture()).ownerId);
    expect(whileAway.filter((o) => o === ana!.user.id)).toHaveLength(5);
    expect(whileAway.filter((o) => o === ben!.user.id)).toHaveLength(5);

    await teamLead.api.users.update.mutate({ id: cal!.user.id, away: false });
    const afterReturn: (string | null)[] = [];
    for (let i = 0; i < 6; i++) afterReturn.push((await capture()).ownerId);
    const toCal = afterReturn.map((o) => o === cal!.user.id);
    expect(toCal.filter(Boolean)).toHaveLength(share);
    expect(toCal.some((c, i) => c && toCal[i + 1])).toBe(false);
    expect(afterReturn).not.toContain(null);

    // Nothing that waited while he was away is pushed to him: the backlog is still in the queue, for Next lead.
    const { items } = await listAll(ts.admin);
    for (const lead of backlog) expect(items.find((l) => l.id === lead.id)?.ownerId).toBeNull();
    expect((await teamLead.api.routing.log.query({ userId: cal!.user.id })).items).toHaveLength(share);
  });
});

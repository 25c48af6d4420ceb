import { describe, expect, it } from 'vitest';
import { errorOf, freshServers } from '../helpers/server.ts';

// A rep who leaves is switched off with users.update({ active: false }); their open leads must
// not wait on nobody.
describe('switching a rep off', () => {
  const newServer = freshServers();

  it('returns the leads not contacted yet to the queue and hands the ones being worked to the team lead, each logged', async () => {
    const ts = await newServer();
    const teamLead = await ts.createUser('lead', { name: 'Tess Lead' });
    const ana = await ts.createUser('rep', { name: 'Ana Ruiz' });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await ana.api.leads.capture.mutate({ name: `Lead Number${i}`, email: `lead${i}@co${i}.example`, source: { kind: 'manual' } })).lead.id);
    for (let i = 0; i < 3; i++) await ana.api.queue.next.mutate({});
    const mine = (await ana.api.leads.list.query({ ownerId: 'me', limit: 10 })).items;
    expect(mine).toHaveLength(3);
    // One is being worked (a call), one is closed, one is only assigned.
    const [worked, closed, fresh] = mine;
    await ana.api.activities.add.mutate({ leadId: worked!.id, type: 'call', outcome: 'connected' });
    await ana.api.activities.add.mutate({ leadId: closed!.id, type: 'email' });
    const afterEmail = await ana.api.leads.get.query({ id: closed!.id });
    await ana.api.leads.update.mutate({ id: closed!.id, version: afterEmail.lead.version, patch: { status: 'lost', lostReason: 'No budget' } });

    const off = await teamLead.api.users.update.mutate({ id: ana.user.id, active: false });
    expect(off.active).toBe(false);

    const get = async (id: string) => (await teamLead.api.leads.get.query({ id })).lead;
    expect(await get(fresh!.id)).toMatchObject({ ownerId: null, status: 'new', contactBy: null });
    expect(await get(worked!.id)).toMatchObject({ ownerId: teamLead.user.id, status: 'contacted', contactBy: null });
    expect(await get(closed!.id)).toMatchObject({ ownerId: ana.user.id, status: 'lost' });

    const log = (await teamLead.api.routing.log.query({ userId: ana.user.id })).items;
    expect(log.find((e) => e.leadId === fresh!.id)).toMatchObject({ kind: 'returned', by: teamLead.user.id, reason: 'Ana Ruiz was deactivated by Tess Lead; back in the queue' });
    expect(log.find((e) => e.leadId === worked!.id)).toMatchObject({ kind: 'reassigned', to: teamLead.user.id, reason: 'Ana Ruiz was deactivated by Tess Lead; to Tess Lead to hand on' });

    // Her token no longer works, and the returned lead is the next one anybody pulls.
    expect((await errorOf(ana.api.me.query())).code).toBe('UNAUTHORIZED');
    const bo = await ts.createUser('rep', { name: 'Bo Chen' });
    const pulled = [(await bo.api.queue.next.mutate({})).lead?.id, (await bo.api.queue.next.mutate({})).lead?.id];
    expect(pulled).toContain(fresh!.id);

    // Switching her off again moves nothing more.
    const before = (await teamLead.api.routing.log.query({})).items.length;
    await teamLead.api.users.update.mutate({ id: ana.user.id, active: false });
    expect((await teamLead.api.routing.log.query({})).items).toHaveLength(before);
  });
});

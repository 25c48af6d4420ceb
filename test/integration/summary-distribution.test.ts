import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepLapsed } from '../../server/services/routing-sla.ts';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

const HOUR = 3600_000;
let clock = new Date('2026-03-10T09:00:00.000Z');
const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

/** The team summary beside distribution: away reps as routing sees them, and leads handed out by rules. */
describe('team.summary with routing', () => {
  let server: TestServer;
  let teamLead: TestUser;
  let ana: TestUser;
  let bo: TestUser;
  let cy: TestUser;
  let n = 0;
  const capture = async () => (await teamLead.api.leads.capture.mutate({ email: `person${++n}@firm${n}.com`, name: `Person ${n}`, source: { kind: 'page' } })).lead;
  const repRow = async (u: TestUser) => (await teamLead.api.team.summary.query()).reps.find((r) => r.userId === u.user.id);

  beforeAll(async () => {
    server = await startTestServer({ now: () => clock, slaSweepMs: 3_600_000 });
    teamLead = await server.createUser('lead', { name: 'Lee Lead' });
    ana = await server.createUser('rep', { name: 'Ana Ruiz' });
    bo = await server.createUser('rep', { name: 'Bo Chen' });
    cy = await server.createUser('rep', { name: 'Cy Park' });
  });
  afterAll(() => server?.close());

  it('shows who is away now: until further notice, until a day to come, and back once that day has passed', async () => {
    await teamLead.api.users.update.mutate({ id: bo.user.id, away: true });
    await teamLead.api.users.update.mutate({ id: cy.user.id, away: true, awayUntil: '2026-03-10T12:00:00.000Z' });
    expect(await repRow(ana)).toMatchObject({ away: false, awayUntil: null });
    expect(await repRow(bo)).toMatchObject({ away: true, awayUntil: null });
    expect(await repRow(cy)).toMatchObject({ away: true, awayUntil: '2026-03-10T12:00:00.000Z' });

    later(4 * HOUR); // 13:00: Cy's time away is over, though nobody switched it off.
    expect(await repRow(cy)).toMatchObject({ away: false, awayUntil: null });
    await teamLead.api.users.update.mutate({ id: bo.user.id, away: false });
    expect(await repRow(bo)).toMatchObject({ away: false, awayUntil: null });
  });

  it('counts a lead routed by a rule as waiting for its first contact, and times that contact', async () => {
    await teamLead.api.users.update.mutate({ id: bo.user.id, away: true });
    await teamLead.api.users.update.mutate({ id: cy.user.id, away: true });
    await teamLead.api.routing.setRules.mutate({ autoAssign: true, rules: [{ id: 'all', name: 'Everyone', strategy: 'round-robin' }] });
    const routed = await capture();
    expect(routed).toMatchObject({ ownerId: ana.user.id, status: 'assigned' });
    expect(await repRow(ana)).toMatchObject({ openLeads: 1, medianMinutesToFirstContact: null });

    later(90 * 60_000);
    await ana.api.activities.add.mutate({ leadId: routed.id, type: 'call', outcome: 'no_answer' });
    expect(await repRow(ana)).toMatchObject({ openLeads: 1, contactedToday: 1, medianMinutesToFirstContact: 90 });
  });

  it('does not time a contact on a lead that went back to the queue before it', async () => {
    const routed = await capture();
    expect(routed.ownerId).toBe(ana.user.id);
    // Ana misses the deadline; the sweep takes the lead back to the queue.
    later(25 * HOUR);
    expect(await sweepLapsed(server.server.deps)).toBe(1);
    const summary = await teamLead.api.team.summary.query();
    expect(summary.queue.depth).toBe(1);
    expect(summary.sla.weekTotal).toBe(1);

    // A team lead hands it to Ana by hand from the queue; Ana calls 10 minutes later.
    await teamLead.api.routing.setRules.mutate({ autoAssign: false, rules: [] });
    await teamLead.api.queue.assign.mutate({ leadId: routed.id, userId: ana.user.id });
    later(10 * 60_000);
    await ana.api.activities.add.mutate({ leadId: routed.id, type: 'email' });
    // Samples: 90 min (first lead), 10 min (the hand-assignment), never the 25 h the lead spent lapsing.
    expect(await repRow(ana)).toMatchObject({ openLeads: 2, medianMinutesToFirstContact: 50 });
    const log = await teamLead.api.routing.log.query({ leadId: routed.id });
    expect(log.items.map((e) => e.kind).sort()).toEqual(['assigned', 'returned', 'routed']);
  });

  it('a team lead may push a lead to an away rep on purpose; the summary follows', async () => {
    const queued = await capture();
    expect(queued.ownerId).toBeNull();
    const lead = await teamLead.api.queue.assign.mutate({ leadId: queued.id, userId: bo.user.id });
    expect(lead).toMatchObject({ ownerId: bo.user.id, status: 'assigned' });
    expect(await repRow(bo)).toMatchObject({ away: true, openLeads: 1 });
  });
});

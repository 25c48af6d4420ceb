import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let clock = new Date('2026-03-10T09:00:00.000Z');
const at = (iso: string) => {
  clock = new Date(iso);
};

/**
 * A seeded team with counts worked out by hand (the clock is 2026-03-10 09:00 UTC at the end):
 * - L1, L2 imported ten days ago; L3–L5 captured from a page three days ago; L6–L9 this morning;
 * - rep Bo got L3 and L4 three days ago, met L4's deadline late (a breach on 03-08), not L3's yet;
 * - rep Ana got L6–L8 at 08:30, called L6 at 09:00 and converted it, and lost L7.
 */
describe('team.summary on a seeded team', () => {
  let server: TestServer;
  let teamLead: TestUser;
  let ana: TestUser;
  let bo: TestUser;
  const ids: string[] = [];

  beforeAll(async () => {
    // The SLA sweep runs at each start only: the counts before the restart are fixed.
    server = await startTestServer({ now: () => clock, slaSweepMs: 3_600_000 });
    teamLead = await server.createUser('lead', { name: 'Lee Lead' });
    ana = await server.createUser('rep', { name: 'Ana Ruiz', capacity: 10 });
    bo = await server.createUser('rep', { name: 'Bo Chen', capacity: 5 });
    const capture = async (i: number, kind: 'import' | 'page' | 'email' | 'form' | 'manual') => {
      const { lead } = await teamLead.api.leads.capture.mutate({ email: `lead${i}@corp${i}.com`, name: `Lead ${i}`, source: { kind } });
      ids[i] = lead.id;
    };
    at('2026-02-28T09:00:00.000Z');
    await capture(1, 'import');
    await capture(2, 'import');
    at('2026-03-07T09:00:00.000Z');
    for (const i of [3, 4, 5]) await capture(i, 'page');
    at('2026-03-07T10:00:00.000Z');
    for (const i of [3, 4]) await teamLead.api.queue.assign.mutate({ leadId: ids[i]!, userId: bo.user.id });
    at('2026-03-09T09:00:00.000Z');
    await bo.api.activities.add.mutate({ leadId: ids[4]!, type: 'call', outcome: 'connected' });
    at('2026-03-10T08:00:00.000Z');
    await capture(6, 'email');
    await capture(7, 'email');
    await capture(8, 'form');
    await capture(9, 'manual');
    at('2026-03-10T08:30:00.000Z');
    for (const i of [6, 7, 8]) await teamLead.api.queue.assign.mutate({ leadId: ids[i]!, userId: ana.user.id });
    at('2026-03-10T09:00:00.000Z');
    await ana.api.activities.add.mutate({ leadId: ids[6]!, type: 'call', outcome: 'connected' });
    let l6 = (await ana.api.leads.get.query({ id: ids[6]! })).lead;
    l6 = await ana.api.leads.update.mutate({ id: l6.id, version: l6.version, patch: { status: 'qualified' } });
    await ana.api.leads.update.mutate({ id: l6.id, version: l6.version, patch: { status: 'converted' } });
    const l7 = (await ana.api.leads.get.query({ id: ids[7]! })).lead;
    await ana.api.leads.update.mutate({ id: l7.id, version: l7.version, patch: { status: 'lost', lostReason: 'No budget' } });
  });
  afterAll(() => server?.close());

  async function expected() {
    // The grade mix of this week's leads, from the leads themselves.
    const byGrade = { A: 0, B: 0, C: 0, D: 0 };
    for (const i of [3, 4, 5, 6, 7, 8, 9]) byGrade[(await api(teamLead).leads.get.query({ id: ids[i]! })).lead.score.grade]++;
    return byGrade;
  }

  // A restart listens on a new port: clients are made afresh for each call.
  const api = (u: TestUser) => server.client(u.token);

  /** Before the restart Bo still holds L3 past its deadline; the sweep at start returns it to the queue. */
  const check = async (swept: boolean) => {
    const s = await api(teamLead).team.summary.query();
    expect(s.at).toBe('2026-03-10T09:00:00.000Z');
    expect(s.queue).toEqual({ depth: swept ? 5 : 4, oldestMinutes: 10 * 24 * 60, age: { underHour: 0, underDay: 1, underWeek: swept ? 2 : 1, older: 2 } });
    expect(s.newLeads).toEqual({ today: 4, week: 7 });
    // A lapse taken back by the sweep is no longer open, but still counts on the day it lapsed.
    expect(s.sla.breachedNow).toBe(swept ? 0 : 1);
    expect(s.sla.weekTotal).toBe(2);
    expect(s.sla.lastSevenDays.map((d) => d.day)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    expect(s.sla.lastSevenDays.find((d) => d.day === '2026-03-08')?.count).toBe(2);
    expect(s.reps).toEqual([
      { userId: ana.user.id, name: 'Ana Ruiz', role: 'rep', openLeads: 1, capacity: 10, contactedToday: 1, conversions: 1, medianMinutesToFirstContact: 30, away: false, awayUntil: null },
      { userId: bo.user.id, name: 'Bo Chen', role: 'rep', openLeads: swept ? 1 : 2, capacity: 5, contactedToday: 0, conversions: 0, medianMinutesToFirstContact: 47 * 60, away: false, awayUntil: null },
    ]);
    expect(s.funnel.byStatus).toEqual({ new: swept ? 5 : 4, assigned: swept ? 1 : 2, contacted: 1, qualified: 0, converted: 1, lost: 1 });
    expect(s.funnel.stages).toEqual([
      { stage: 'new', reached: 9, toNext: 0.556 },
      { stage: 'assigned', reached: 5, toNext: 0.4 },
      { stage: 'contacted', reached: 2, toNext: 0.5 },
      { stage: 'qualified', reached: 1, toNext: 1 },
      { stage: 'converted', reached: 1, toNext: null },
    ]);
    expect(s.scoreMix.bySource).toEqual({ page: 3, email: 2, selection: 0, form: 1, import: 0, manual: 1, api: 0 });
    expect(s.scoreMix.byGrade).toEqual(await expected());
  };

  it('gives the known counts', () => check(false));

  it('gives the same counts after a restart, rebuilt from the stored leads and history, with the lapsed lead swept back', async () => {
    await server.restart();
    await check(true);
  });

  it('follows a push-assignment from the queue at once', async () => {
    await api(teamLead).queue.assign.mutate({ leadId: ids[9]!, userId: ana.user.id });
    const s = await api(teamLead).team.summary.query();
    expect(s.queue.depth).toBe(4);
    expect(s.queue.age.underDay).toBe(0);
    expect(s.reps.find((r) => r.userId === ana.user.id)?.openLeads).toBe(2);
    expect(s.funnel.byStatus.assigned).toBe(2);
  });

  it('is for team leads and admins only', async () => {
    expect(await errorOf(api(ana).team.summary.query())).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(server.client().team.summary.query())).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await server.admin.team.summary.query()).queue.depth).toBe(4);
  });
});

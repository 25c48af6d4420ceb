import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

// One clock for the whole server, moved by the tests: follow-ups and deadlines depend on it.
let clock = new Date('2026-03-10T09:00:00.000Z');
const at = (iso: string) => {
  clock = new Date(iso);
};

describe('tracking: statuses, activities, follow-ups and history', () => {
  let server: TestServer;
  let teamLead: TestUser;
  let rep: TestUser;
  let other: TestUser;
  let n = 0;

  beforeAll(async () => {
    server = await startTestServer({ now: () => clock });
    teamLead = await server.createUser('lead', { name: 'Lee Lead' });
    rep = await server.createUser('rep', { name: 'Ana Ruiz' });
    other = await server.createUser('rep', { name: 'Bo Other' });
  });
  afterAll(() => server?.close());

  /** A new lead, assigned to the rep by the team lead. */
  async function ownedLead(fields: { name?: string; company?: string; title?: string } = {}) {
    n++;
    const { lead } = await rep.api.leads.capture.mutate({ email: `person${n}@example-corp.com`, name: fields.name ?? `Person ${n}`, ...fields, source: { kind: 'manual' } });
    return teamLead.api.queue.assign.mutate({ leadId: lead.id, userId: rep.user.id });
  }

  type Status = 'new' | 'assigned' | 'contacted' | 'qualified' | 'converted' | 'lost';
  const walk: Record<Status, Status[]> = {
    new: [],
    assigned: [],
    contacted: ['contacted'],
    qualified: ['contacted', 'qualified'],
    converted: ['contacted', 'converted'],
    lost: ['lost'],
  };
  async function leadAt(status: Status) {
    let lead = await ownedLead();
    for (const step of walk[status]) {
      lead = await rep.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { status: step, ...(step === 'lost' ? { lostReason: 'No need' } : {}) } });
    }
    return lead;
  }

  it.each([
    ['assigned', 'converted'],
    ['contacted', 'assigned'],
    ['qualified', 'new'],
    ['converted', 'lost'],
    ['converted', 'contacted'],
    ['lost', 'qualified'],
  ] as const)('refuses %s → %s with a message that names both', async (from, to) => {
    const lead = await leadAt(from);
    expect(lead.status).toBe(from);
    const err = await errorOf(rep.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { status: to, ...(to === 'lost' ? { lostReason: 'No need' } : {}) } }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toBe(`status: a lead cannot move from ${from} to ${to}`);
    const { lead: after } = await rep.api.leads.get.query({ id: lead.id });
    expect(after.version).toBe(lead.version);
  });

  it.each([
    ['assigned', 'contacted'],
    ['contacted', 'qualified'],
    ['qualified', 'converted'],
    ['lost', 'new'],
  ] as const)('allows %s → %s', async (from, to) => {
    const lead = await leadAt(from);
    const moved = await teamLead.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { status: to } });
    expect(moved.status).toBe(to);
  });

  it('loses a lead only with a reason from the team list, and a team lead edits the list', async () => {
    const lead = await ownedLead();
    const missing = await errorOf(rep.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { status: 'lost' } }));
    expect(missing).toMatchObject({ code: 'BAD_REQUEST' });
    expect(missing.message).toMatch(/^lostReason: is required/);
    const unknown = await errorOf(rep.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { status: 'lost', lostReason: 'Moon phase' } }));
    expect(unknown.message).toContain('"Moon phase" is not one of the team\'s reasons');
    expect(await rep.api.team.lostReasons.query()).toContain('No budget');

    expect((await errorOf(rep.api.team.setLostReasons.mutate({ reasons: ['Moon phase'] }))).code).toBe('FORBIDDEN');
    const bad = await errorOf(teamLead.api.team.setLostReasons.mutate({ reasons: [] }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST' });
    expect(bad.message).toContain('reasons');
    expect(await teamLead.api.team.setLostReasons.mutate({ reasons: ['No budget', 'Moon phase'] })).toEqual(['No budget', 'Moon phase']);

    const lost = await rep.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { status: 'lost', lostReason: 'moon PHASE' } });
    expect(lost).toMatchObject({ status: 'lost', lostReason: 'Moon phase' });
    // The outcome is kept for the predictive model, with what was known of the lead.
    expect(server.server.deps.repos.outcomes.get(lead.id)).toMatchObject({ outcome: 'lost', reason: 'Moon phase', ownerId: rep.user.id, source: 'manual', by: rep.user.id });
    await teamLead.api.team.setLostReasons.mutate({ reasons: ['No budget', 'No need', 'Chose a competitor'] });
  });

  it('records a converted lead as won', async () => {
    const lead = await leadAt('contacted');
    await rep.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { status: 'converted' } });
    expect(server.server.deps.repos.outcomes.get(lead.id)).toMatchObject({ outcome: 'won', ownerId: rep.user.id, activities: 0 });
  });

  it('logs a call with a follow-up, which becomes due on the injected clock', async () => {
    at('2026-03-10T09:00:00.000Z');
    const lead = await ownedLead({ name: 'Carla Diaz', company: 'Acme' });
    const activity = await rep.api.activities.add.mutate({ leadId: lead.id, type: 'call', outcome: 'no_answer', followUpAt: '2026-03-11T09:00:00.000Z' });
    expect(activity).toMatchObject({ type: 'call', outcome: 'no_answer', userId: rep.user.id, at: '2026-03-10T09:00:00.000Z', followUpAt: '2026-03-11T09:00:00.000Z' });
    const { lead: after } = await rep.api.leads.get.query({ id: lead.id });
    expect(after).toMatchObject({ status: 'contacted', contactBy: null });

    const pending = await rep.api.activities.followUps.query({});
    expect(pending.filter((f) => f.leadId === lead.id)).toEqual([
      { activityId: activity.id, leadId: lead.id, leadName: 'Carla Diaz', company: 'Acme', type: 'call', followUpAt: '2026-03-11T09:00:00.000Z' },
    ]);
    expect((await rep.api.activities.followUps.query({ before: clock.toISOString() })).map((f) => f.leadId)).not.toContain(lead.id);
    expect(await other.api.activities.followUps.query({})).toEqual([]);

    at('2026-03-11T09:01:00.000Z');
    expect((await rep.api.activities.followUps.query({ before: clock.toISOString() })).map((f) => f.leadId)).toContain(lead.id);

    // The next activity settles the follow-up.
    await rep.api.activities.add.mutate({ leadId: lead.id, type: 'note', note: 'left a voicemail after all' });
    expect((await rep.api.activities.followUps.query({})).map((f) => f.leadId)).not.toContain(lead.id);
    const list = await rep.api.activities.list.query({ id: lead.id });
    expect(list.map((a) => [a.type, a.at])).toEqual([
      ['call', '2026-03-10T09:00:00.000Z'],
      ['note', '2026-03-11T09:01:00.000Z'],
    ]);
    at('2026-03-10T09:00:00.000Z');
  });

  it.each([
    [{ type: 'call', outcome: 'busy' }, 'outcome'],
    [{ type: 'call', followUpAt: '2026-03-09T09:00:00.000Z' }, 'followUpAt'],
    [{ type: 'call', followUpAt: 'tomorrow' }, 'followUpAt'],
    [{ type: 'lunch' }, 'type'],
  ] as const)('refuses the activity %o naming %s, and changes nothing', async (input, field) => {
    const lead = await ownedLead();
    const err = await errorOf(rep.api.activities.add.mutate({ leadId: lead.id, ...(input as { type: 'call' }) }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain(field);
    expect(await rep.api.activities.list.query({ id: lead.id })).toEqual([]);
  });

  it("refuses an activity on another rep's lead", async () => {
    const lead = await ownedLead();
    expect((await errorOf(other.api.activities.add.mutate({ leadId: lead.id, type: 'note', note: 'mine now' }))).code).toBe('FORBIDDEN');
  });

  it('keeps who changed what and when: fields, status, owner and score', async () => {
    at('2026-03-10T10:00:00.000Z');
    const lead = await ownedLead({ name: 'Dana Kim' });
    at('2026-03-10T10:05:00.000Z');
    const edited = await rep.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { name: 'Dana Kim-Lee', title: 'Chief Executive Officer' } });
    expect(edited.score.total).not.toBe(lead.score.total);
    await rep.api.leads.update.mutate({ id: lead.id, version: edited.version, patch: { status: 'contacted' } });
    const { history } = await rep.api.leads.get.query({ id: lead.id });
    expect(history.map((h) => h.action)).toEqual(['created', 'assigned', 'updated', 'updated']);
    const [, assigned, fields, status] = history;
    expect(assigned?.changes).toContainEqual({ field: 'ownerId', from: null, to: rep.user.id });
    expect(assigned?.by).toBe(teamLead.user.id);
    expect(fields).toMatchObject({ by: rep.user.id, at: '2026-03-10T10:05:00.000Z' });
    expect(fields?.changes).toContainEqual({ field: 'name', from: 'Dana Kim', to: 'Dana Kim-Lee' });
    expect(fields?.changes).toContainEqual({ field: 'title', to: 'Chief Executive Officer' });
    expect(fields?.changes).toContainEqual({ field: 'score', from: `${lead.score.grade} ${lead.score.total}`, to: `${edited.score.grade} ${edited.score.total}` });
    expect(status?.changes).toContainEqual({ field: 'status', from: 'assigned', to: 'contacted' });
    at('2026-03-10T09:00:00.000Z');
  });

  it('keeps a score moved by new scoring rules in the history of that lead only, with who changed the rules', async () => {
    at('2026-03-10T11:00:00.000Z');
    const vp = await ownedLead({ name: 'Vera Vp', title: 'VP Marketing', company: 'Rules Inc' });
    const analyst = await ownedLead({ name: 'Andy Analyst', title: 'Analyst', company: 'Rules Inc' });
    const rules = await teamLead.api.scoring.getRules.query();
    at('2026-03-10T11:05:00.000Z');
    await teamLead.api.scoring.setRules.mutate({ ...rules, fit: { ...rules.fit, seniority: { ...rules.fit.seniority, vp: rules.fit.seniority.vp + 10 } } });

    const { lead: after, history } = await rep.api.leads.get.query({ id: vp.id });
    expect(after.score.total).toBe(vp.score.total + 10);
    expect(history.at(-1)).toMatchObject({
      action: 'rescored',
      by: teamLead.user.id,
      at: '2026-03-10T11:05:00.000Z',
      note: 'the scoring rules changed',
      changes: [{ field: 'score', from: `${vp.score.grade} ${vp.score.total}`, to: `${after.score.grade} ${after.score.total}` }],
    });
    // A rescore is not an edit: the version a rep may be editing against stays.
    expect(after.version).toBe(vp.version);
    // A lead the new rules do not touch gets no entry.
    expect((await rep.api.leads.get.query({ id: analyst.id })).history.map((h) => h.action)).toEqual(['created', 'assigned']);
    await teamLead.api.scoring.setRules.mutate(rules);
    at('2026-03-10T09:00:00.000Z');
  });

  it('answers CONFLICT with both versions when the lead changed meanwhile', async () => {
    const lead = await ownedLead();
    await teamLead.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { company: 'Globex' } });
    const err = await errorOf(rep.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { company: 'Initech' } }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain(`version ${lead.version}`);
    expect((await rep.api.leads.get.query({ id: lead.id })).lead.company).toBe('Globex');
  });
});

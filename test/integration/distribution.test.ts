import { describe, expect, it } from 'vitest';
import { captureLead } from '../../server/services/leads.ts';
import { sweepLapsed } from '../../server/services/routing-sla.ts';
import { captureInput } from '../../shared/schemas/lead.ts';
import { errorOf, freshServers, listAll, type TestUser } from '../helpers/server.ts';

const HOUR = 3600_000;

describe('distribution over HTTP', () => {
  const fresh = freshServers();
  const capture = (u: TestUser, i: number, extra: Record<string, unknown> = {}) =>
    u.api.leads.capture.mutate({ name: `Lead Number${i}`, email: `lead${i}@co${i}.example`, source: { kind: 'manual' }, ...extra });

  it('100 reps pulling at once, 20 rounds, 1,000 leads: no lead claimed twice, no rep over capacity', async () => {
    const ts = await fresh();
    const capturer = await ts.createUser('rep', { capacity: 0 });
    // The leads arrive through the capture service in-process: the same code as leads.capture,
    // without 1,000 HTTP round trips the test is not about.
    const capturerRecord = ts.server.deps.repos.users.get(capturer.user.id)!;
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        captureLead(ts.server.deps, capturerRecord, captureInput.parse({ name: `Lead Number${i}`, email: `lead${i}@co${i}.example`, source: { kind: 'manual' } })),
      ),
    );
    const reps = await Promise.all(Array.from({ length: 100 }, (_, i) => ts.createUser('rep', { capacity: 4 + (i % 9) })));
    const totalCapacity = reps.reduce((n, r) => n + r.user.capacity, 0);

    const claims = new Map<string, string[]>();
    let refusals = 0;
    for (let round = 0; round < 20; round++) {
      const answers = await Promise.allSettled(reps.map((r) => r.api.queue.next.mutate({ requestId: `round-${round}-${r.user.id}` })));
      answers.forEach((a, i) => {
        if (a.status === 'rejected') {
          expect(String(a.reason)).toMatch(/open leads? and your cap is/);
          refusals++;
        } else if (a.value.lead) {
          const list = claims.get(a.value.lead.id) ?? [];
          list.push(reps[i]!.user.id);
          claims.set(a.value.lead.id, list);
        }
      });
    }
    for (const [, owners] of claims) expect(owners).toHaveLength(1);
    expect(claims.size).toBe(Math.min(1000, totalCapacity));
    expect(refusals).toBeGreaterThan(0);
    const owned = (await listAll(ts.admin, { status: 'assigned' })).items;
    expect(owned).toHaveLength(claims.size);
    const perRep = new Map<string, number>();
    for (const l of owned) {
      expect(claims.get(l.id)).toEqual([l.ownerId]);
      perRep.set(l.ownerId!, (perRep.get(l.ownerId!) ?? 0) + 1);
    }
    for (const r of reps) expect(perRep.get(r.user.id) ?? 0).toBeLessThanOrEqual(r.user.capacity);
  }, 120_000);

  it('returns a lead whose deadline lapsed to the queue and logs why; a call in time keeps it', async () => {
    let now = new Date('2026-06-01T09:00:00.000Z');
    const ts = await fresh({ now: () => now });
    const teamLead = await ts.createUser('lead', { name: 'Tess Lead' });
    const rep = await ts.createUser('rep', { name: 'Ravi Rep' });
    await teamLead.api.routing.setRules.mutate({ sla: { hours: 8, byGrade: { A: 2 } } });
    const { lead: slow } = await capture(rep, 1);
    const { lead: quick } = await capture(rep, 2);
    const a = await teamLead.api.queue.assign.mutate({ leadId: slow.id, userId: rep.user.id });
    const b = await teamLead.api.queue.assign.mutate({ leadId: quick.id, userId: rep.user.id });
    const hours = slow.score.grade === 'A' ? 2 : 8;
    expect(a.contactBy).toBe(new Date(now.getTime() + hours * HOUR).toISOString());

    now = new Date(now.getTime() + hours * HOUR - 60_000);
    await rep.api.activities.add.mutate({ leadId: b.id, type: 'call', outcome: 'connected' });
    expect(await sweepLapsed(ts.server.deps)).toBe(0);

    now = new Date(now.getTime() + 2 * 60_000);
    expect(await sweepLapsed(ts.server.deps)).toBe(1);
    const back = await rep.api.leads.get.query({ id: slow.id });
    expect(back.lead).toMatchObject({ ownerId: null, status: 'new', contactBy: null });
    expect(back.history.at(-1)).toMatchObject({ action: 'returned', by: 'system', note: expect.stringMatching(/^SLA lapse: Ravi Rep did not make contact by .*back in the queue$/) });
    expect((await rep.api.leads.get.query({ id: quick.id })).lead).toMatchObject({ ownerId: rep.user.id, status: 'contacted' });

    const log = await teamLead.api.routing.log.query({ leadId: slow.id });
    expect(log.items.map((e) => e.kind)).toEqual(['returned', 'assigned']);
    expect(log.items[0]).toMatchObject({ from: rep.user.id, to: null, by: 'system', reason: expect.stringContaining('SLA lapse') });
    expect((await errorOf(rep.api.routing.log.query({}))).code).toBe('FORBIDDEN');
    // It is in the queue again for anyone.
    expect((await rep.api.queue.next.mutate({})).lead?.id).toBe(slow.id);
  });

  it('lapses a deadline that passed while the server was down, on the next start', async () => {
    let now = new Date('2026-06-01T09:00:00.000Z');
    const ts = await fresh({ now: () => now, settings: { contactByHours: 4 } });
    const rep = await ts.createUser('rep');
    await capture(rep, 1);
    const claimed = (await rep.api.queue.next.mutate({})).lead!;
    expect(claimed.contactBy).toBe('2026-06-01T13:00:00.000Z');
    await ts.server.close();
    now = new Date('2026-06-01T14:00:00.000Z');
    await ts.restart();
    await ts.server.deps.store.flush();
    await new Promise((r) => setTimeout(r, 50));
    await ts.server.deps.store.flush();
    const { lead, history } = await ts.client(rep.token).leads.get.query({ id: claimed.id });
    expect(lead).toMatchObject({ ownerId: null, status: 'new' });
    expect(history.at(-1)?.action).toBe('returned');
  });

  it('escalates a lapsed lead to the team lead when the SLA says so', async () => {
    let now = new Date('2026-06-01T09:00:00.000Z');
    const ts = await fresh({ now: () => now });
    const teamLead = await ts.createUser('lead', { name: 'Tess Lead' });
    const rep = await ts.createUser('rep');
    const bad = await errorOf(teamLead.api.routing.setRules.mutate({ sla: { onLapse: 'lead' } }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', fields: ['sla.escalateTo'] });
    const notLead = await errorOf(teamLead.api.routing.setRules.mutate({ sla: { onLapse: 'lead', escalateTo: rep.user.id } }));
    expect(notLead.code).toBe('BAD_REQUEST');
    await teamLead.api.routing.setRules.mutate({ sla: { hours: 1, onLapse: 'lead', escalateTo: teamLead.user.id } });
    await capture(rep, 1);
    const claimed = (await rep.api.queue.next.mutate({})).lead!;
    now = new Date(now.getTime() + 2 * HOUR);
    await sweepLapsed(ts.server.deps);
    const { lead } = await rep.api.leads.get.query({ id: claimed.id });
    expect(lead).toMatchObject({ ownerId: teamLead.user.id, status: 'assigned', contactBy: null });
    const [entry] = (await teamLead.api.routing.log.query({ kind: 'escalated' })).items;
    expect(entry).toMatchObject({ leadId: claimed.id, from: rep.user.id, to: teamLead.user.id, reason: expect.stringContaining('escalated to Tess Lead') });
  });

  it('auto-assigns new captures by the rules, skipping reps who are away or full, and logs the rule and position', async () => {
    const ts = await fresh();
    const teamLead = await ts.createUser('lead');
    const [ana, ben, cal] = await Promise.all(['Ana', 'Ben', 'Cal'].map((name) => ts.createUser('rep', { name, capacity: 2 })));
    await teamLead.api.users.update.mutate({ id: cal!.user.id, away: true, awayUntil: '2099-01-01T00:00:00.000Z' });
    await teamLead.api.users.update.mutate({ id: ben!.user.id, territories: ['emea'], tags: ['Senior'] });
    const saved = await teamLead.api.routing.setRules.mutate({
      autoAssign: true,
      rules: [
        { id: 'emea', name: 'EMEA to its rep', when: { territories: ['EMEA'] }, strategy: 'territory' },
        { id: 'all', name: 'Everyone else', strategy: 'round-robin' },
      ],
    });
    expect(saved.rules[0]).toMatchObject({ enabled: true, when: { territories: ['EMEA'] } });
    expect(await teamLead.api.routing.getRules.query()).toEqual(saved);

    const owners: (string | null)[] = [];
    const emea = await capture(ana!, 0, { territory: 'emea' });
    expect(emea.lead).toMatchObject({ territory: 'EMEA', ownerId: ben!.user.id, status: 'assigned', contactBy: expect.any(String) });
    for (let i = 1; i <= 4; i++) owners.push((await capture(ana!, i)).lead.ownerId);
    // Round-robin between Ana and Ben (Cal is away); Ben fills up at 2, Ana at 2, then the queue keeps the rest.
    expect(owners.slice(0, 3).sort()).toEqual([ana!.user.id, ana!.user.id, ben!.user.id].sort());
    expect(owners[0]).not.toBe(owners[1]);
    expect(owners.filter((o) => o === ana!.user.id)).toHaveLength(2);
    expect(owners.filter((o) => o === ben!.user.id)).toHaveLength(1);
    expect(owners.filter((o) => o === cal!.user.id)).toHaveLength(0);
    expect(owners.at(-1)).toBeNull();

    const log = await teamLead.api.routing.log.query({ kind: 'routed' });
    expect(log.items).toHaveLength(4);
    expect(log.items.at(-1)).toMatchObject({ ruleId: 'emea', strategy: 'territory', by: 'system', to: ben!.user.id, reason: expect.stringContaining('territory EMEA') });
    expect(log.items[0]).toMatchObject({ ruleId: 'all', strategy: 'round-robin', position: expect.any(Number) });
    const { history } = await ana!.api.leads.get.query({ id: emea.lead.id });
    expect(history.map((h) => h.action)).toEqual(['created', 'routed']);

    // Cal comes back: Ana and Ben are full, so he takes new leads up to his own cap of 2, and the
    // lead that waited in the queue while he was away stays there (returning-rep.test.ts covers the fair share).
    await teamLead.api.users.update.mutate({ id: cal!.user.id, away: false });
    const next = [(await capture(ana!, 10)).lead.ownerId, (await capture(ana!, 11)).lead.ownerId, (await capture(ana!, 12)).lead.ownerId];
    expect(next.filter((o) => o === cal!.user.id)).toHaveLength(2);
    expect(next[2]).toBe(null);
  });

  it('pulls only leads in the rep’s territories or with none, skips snoozed leads, and keeps a capture unrouted when auto-assign is off', async () => {
    let now = new Date('2026-06-01T09:00:00.000Z');
    const ts = await fresh({ now: () => now });
    const teamLead = await ts.createUser('lead');
    const rep = await ts.createUser('rep');
    await teamLead.api.users.update.mutate({ id: rep.user.id, territories: ['US-CA'] });
    const apac = await capture(rep, 1, { territory: 'APAC', title: 'CEO', company: 'Big', phone: '+1 415 555 0101' });
    const snoozed = await capture(rep, 2, { territory: 'US-CA' });
    const open = await capture(rep, 3);
    expect(apac.lead.ownerId).toBeNull();
    await teamLead.api.queue.snooze.mutate({ leadId: snoozed.lead.id, until: '2026-06-02T09:00:00.000Z' });
    expect((await rep.api.queue.next.mutate({})).lead?.id).toBe(open.lead.id);
    expect((await rep.api.queue.next.mutate({})).lead).toBeNull();
    now = new Date('2026-06-02T10:00:00.000Z');
    const woke = (await rep.api.queue.next.mutate({})).lead!;
    expect(woke.id).toBe(snoozed.lead.id);
    expect(woke.snoozedUntil).toBeUndefined();
    // A generalist takes the APAC lead.
    const other = await ts.createUser('rep');
    expect((await other.api.queue.next.mutate({})).lead?.id).toBe(apac.lead.id);

    expect((await errorOf(teamLead.api.queue.snooze.mutate({ leadId: woke.id, until: '2026-07-01T00:00:00.000Z' }))).code).toBe('PRECONDITION_FAILED');
    expect((await errorOf(rep.api.queue.snooze.mutate({ leadId: woke.id, until: null }))).code).toBe('FORBIDDEN');
  });

  it.each([
    ['a capacity below zero', { capacity: -1 }, 'capacity'],
    ['a weight over 100', { weight: 101 }, 'weight'],
    ['a bad territory', { territories: ['<b>'] }, 'territories.0'],
    ['an away-until that is no date', { awayUntil: 'monday' }, 'awayUntil'],
    ['an unknown setting', { colour: 'red' }, ''],
  ])('users.update refuses %s as BAD_REQUEST and changes nothing', async (_what, patch, field) => {
    const ts = await fresh();
    const teamLead = await ts.createUser('lead');
    const rep = await ts.createUser('rep', { capacity: 7 });
    const err = await errorOf(teamLead.api.users.update.mutate({ id: rep.user.id, ...patch } as never));
    expect(err.code).toBe('BAD_REQUEST');
    if (field) expect(err.fields).toContain(field);
    expect(await rep.api.me.query()).toMatchObject({ capacity: 7 });
  });

  it('lets a team lead set rep settings but not change another team lead; a rep may not change anyone', async () => {
    const ts = await fresh();
    const teamLead = await ts.createUser('lead');
    const otherLead = await ts.createUser('lead');
    const rep = await ts.createUser('rep');
    const updated = await teamLead.api.users.update.mutate({ id: rep.user.id, capacity: 40, weight: 2.5, territories: [' emea ', 'us-ca'], tags: ['SMB'], away: true, awayUntil: '2026-07-01T00:00:00.000Z' });
    expect(updated).toMatchObject({ capacity: 40, weight: 2.5, territories: ['EMEA', 'US-CA'], tags: ['smb'], away: true, awayUntil: '2026-07-01T00:00:00.000Z' });
    expect(updated).not.toHaveProperty('tokenHash');
    expect((await teamLead.api.users.update.mutate({ id: rep.user.id, away: false })).awayUntil).toBeNull();
    expect((await errorOf(teamLead.api.users.update.mutate({ id: otherLead.user.id, capacity: 1 }))).code).toBe('FORBIDDEN');
    expect((await errorOf(rep.api.users.update.mutate({ id: rep.user.id, capacity: 99 }))).code).toBe('FORBIDDEN');
    expect((await errorOf(teamLead.api.users.update.mutate({ id: 'usr_nobody', capacity: 1 }))).code).toBe('NOT_FOUND');
    expect(await ts.admin.users.update.mutate({ id: otherLead.user.id, capacity: 3 })).toMatchObject({ capacity: 3 });
  });

  it('refuses bad routing rules as BAD_REQUEST naming the field, and keeps the old rules', async () => {
    const ts = await fresh();
    const teamLead = await ts.createUser('lead');
    const rep = await ts.createUser('rep');
    const good = await teamLead.api.routing.setRules.mutate({ autoAssign: true, rules: [{ id: 'all', name: 'All', strategy: 'round-robin' }] });
    const cases: [unknown, string][] = [
      [{ rules: [{ id: 'x', name: 'X', strategy: 'random' }] }, 'rules.0.strategy'],
      [{ rules: [{ id: 'Bad Id', name: 'X', strategy: 'round-robin' }] }, 'rules.0.id'],
      [{ rules: [{ id: 'a', name: 'A', strategy: 'round-robin' }, { id: 'a', name: 'B', strategy: 'least-loaded' }] }, 'rules'],
      [{ sla: { hours: -1 } }, 'sla.hours'],
      [{ rules: [{ id: 'a', name: 'A', strategy: 'round-robin', reps: { userIds: ['usr_ghost'] } }] }, 'rules.0.reps.userIds.0'],
    ];
    for (const [input, field] of cases) {
      const err = await errorOf(teamLead.api.routing.setRules.mutate(input as never));
      expect(err.code).toBe('BAD_REQUEST');
      if (err.fields) expect(err.fields).toContain(field);
      else expect(err.message).toContain(field);
    }
    expect(await teamLead.api.routing.getRules.query()).toEqual(good);
    expect((await errorOf(rep.api.routing.setRules.mutate({}))).code).toBe('FORBIDDEN');
    expect((await errorOf(rep.api.routing.getRules.query())).code).toBe('FORBIDDEN');
  });
});

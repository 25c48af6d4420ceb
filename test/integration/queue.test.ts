import { describe, expect, it } from 'vitest';
import { errorOf, freshServers, listAll } from '../helpers/server.ts';

describe('queue and activities over HTTP', () => {
  const fresh = freshServers();

  it('hands 20 leads to 50 concurrent Next lead calls by 5 reps: 20 distinct leads, 30 nulls', async () => {
    const ts = await fresh();
    const reps = await Promise.all(Array.from({ length: 5 }, () => ts.createUser('rep', { capacity: 10 })));
    const capturer = await ts.createUser('rep');
    for (let i = 0; i < 20; i++) await capturer.api.leads.capture.mutate({ name: `Queue Lead${i}`, email: `q${i}@queue${i}.example`, source: { kind: 'manual' } });

    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => reps[i % 5]!.api.queue.next.mutate({}).then((r) => ({ rep: reps[i % 5]!, lead: r.lead }))));
    const claimed = answers.filter((a) => a.lead !== null);
    expect(claimed).toHaveLength(20);
    expect(answers.filter((a) => a.lead === null)).toHaveLength(30);
    expect(new Set(claimed.map((a) => a.lead!.id)).size).toBe(20);
    for (const { rep, lead } of claimed) expect(lead).toMatchObject({ ownerId: rep.user.id, status: 'assigned', contactBy: expect.any(String) });

    // The store agrees: every lead has exactly the owner its claimer was told.
    const { items } = await listAll(capturer.api, { status: 'assigned' });
    expect(items).toHaveLength(20);
    const told = new Map(claimed.map((a) => [a.lead!.id, a.rep.user.id]));
    for (const lead of items) expect(lead.ownerId).toBe(told.get(lead.id));
    const loads = await Promise.all(reps.map((r) => r.api.me.query()));
    expect(loads.reduce((n, me) => n + me.openLeads, 0)).toBe(20);
    expect((await listAll(capturer.api, { ownerId: 'none' })).items).toHaveLength(0);
  });

  it('hands out the best lead first', async () => {
    const ts = await fresh();
    const rep = await ts.createUser('rep');
    const weak = await rep.api.leads.capture.mutate({ phone: '+1 415 555 0150', source: { kind: 'manual' } });
    const strong = await rep.api.leads.capture.mutate({
      name: 'Strong Lead', email: 'ceo@strong.example', phone: '+1 212 555 0151', title: 'CEO', company: 'Strong Co', website: 'strong.example', source: { kind: 'manual' },
    });
    expect(strong.lead.score.total).toBeGreaterThan(weak.lead.score.total);
    expect((await rep.api.queue.next.mutate({})).lead?.id).toBe(strong.lead.id);
    expect((await rep.api.queue.next.mutate({})).lead?.id).toBe(weak.lead.id);
    expect((await rep.api.queue.next.mutate({})).lead).toBeNull();
  });

  it('answers PRECONDITION_FAILED with the reason to a rep at capacity', async () => {
    const ts = await fresh();
    const rep = await ts.createUser('rep', { capacity: 2 });
    for (let i = 0; i < 3; i++) await rep.api.leads.capture.mutate({ email: `cap${i}@cap${i}.example`, source: { kind: 'manual' } });
    await rep.api.queue.next.mutate({});
    await rep.api.queue.next.mutate({});
    const err = await errorOf(rep.api.queue.next.mutate({}));
    expect(err.code).toBe('PRECONDITION_FAILED');
    expect(err.httpStatus).toBe(412);
    expect(err.message).toMatch(/2 open leads/);
    expect(err.message).toMatch(/cap is 2/);
    expect((await listAll(rep.api, { ownerId: 'none' })).items).toHaveLength(1);
  });

  it('replays a Next lead with the same requestId instead of claiming twice', async () => {
    const ts = await fresh();
    const rep = await ts.createUser('rep');
    for (let i = 0; i < 2; i++) await rep.api.leads.capture.mutate({ email: `rq${i}@rq${i}.example`, source: { kind: 'manual' } });
    const a = await rep.api.queue.next.mutate({ requestId: 'next-request-1' });
    const b = await rep.api.queue.next.mutate({ requestId: 'next-request-1' });
    expect(b).toEqual(a);
    expect((await rep.api.me.query()).openLeads).toBe(1);
  });

  it('lets a team lead assign a lead, setting ownerId and contactBy; a rep gets FORBIDDEN', async () => {
    const start = new Date('2020-01-01T09:00:00.000Z');
    const ts = await fresh({ now: () => start, settings: { contactByHours: 8 } });
    const rep = await ts.createUser('rep', { name: 'Ravi Rep' });
    const teamLead = await ts.createUser('lead', { name: 'Tess Lead' });
    const { lead } = await rep.api.leads.capture.mutate({ email: 'assign@push.example', source: { kind: 'manual' } });

    const refused = await errorOf(rep.api.queue.assign.mutate({ leadId: lead.id, userId: rep.user.id }));
    expect(refused.code).toBe('FORBIDDEN');
    expect((await rep.api.leads.get.query({ id: lead.id })).lead.ownerId).toBeNull();

    const assigned = await teamLead.api.queue.assign.mutate({ leadId: lead.id, userId: rep.user.id });
    expect(assigned).toMatchObject({ id: lead.id, ownerId: rep.user.id, status: 'assigned', contactBy: '2020-01-01T17:00:00.000Z', version: 2 });
    const { history } = await rep.api.leads.get.query({ id: lead.id });
    expect(history.at(-1)).toMatchObject({ action: 'assigned', by: teamLead.user.id, note: 'Tess Lead assigned it to Ravi Rep' });
    expect((await rep.api.me.query()).openLeads).toBe(1);
    // It left the queue.
    expect(await rep.api.queue.next.mutate({})).toEqual({ lead: null });

    const unknown = await errorOf(teamLead.api.queue.assign.mutate({ leadId: lead.id, userId: 'usr_nobody' }));
    expect(unknown.code).toBe('BAD_REQUEST');
    expect(unknown.message).toContain('userId');
    const missing = await errorOf(teamLead.api.queue.assign.mutate({ leadId: 'ld_nothing', userId: rep.user.id }));
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('moves a lead between reps and keeps both loads right', async () => {
    const ts = await fresh();
    const a = await ts.createUser('rep');
    const b = await ts.createUser('rep');
    const teamLead = await ts.createUser('lead');
    const { lead } = await a.api.leads.capture.mutate({ email: 'move@move.example', source: { kind: 'manual' } });
    await teamLead.api.queue.assign.mutate({ leadId: lead.id, userId: a.user.id });
    await teamLead.api.queue.assign.mutate({ leadId: lead.id, userId: b.user.id });
    expect((await a.api.me.query()).openLeads).toBe(0);
    expect((await b.api.me.query()).openLeads).toBe(1);
  });

  it('logs a call on an assigned lead: contactBy cleared, status contacted, history and score show it', async () => {
    const ts = await fresh();
    const rep = await ts.createUser('rep');
    const other = await ts.createUser('rep');
    await rep.api.leads.capture.mutate({ name: 'Call Me', email: 'call@activity.example', source: { kind: 'manual' } });
    const claimed = (await rep.api.queue.next.mutate({})).lead!;
    expect(claimed.contactBy).not.toBeNull();

    const notOwner = await errorOf(other.api.activities.add.mutate({ leadId: claimed.id, type: 'call', outcome: 'connected' }));
    expect(notOwner.code).toBe('FORBIDDEN');

    const activity = await rep.api.activities.add.mutate({ leadId: claimed.id, type: 'call', outcome: 'connected', note: 'Spoke for 10 min' });
    expect(activity).toMatchObject({ leadId: claimed.id, userId: rep.user.id, type: 'call', outcome: 'connected', note: 'Spoke for 10 min' });

    const detail = await rep.api.leads.get.query({ id: claimed.id });
    expect(detail.lead).toMatchObject({ status: 'contacted', contactBy: null, version: claimed.version + 1 });
    expect(detail.lead.score.engagement).toBeGreaterThan(claimed.score.engagement);
    expect(detail.activities).toEqual([activity]);
    const last = detail.history.at(-1)!;
    expect(last).toMatchObject({ action: 'activity', by: rep.user.id, note: 'call (connected)' });
    expect(last.changes).toEqual(
      expect.arrayContaining([
        { field: 'contactBy', from: claimed.contactBy, to: null },
        { field: 'status', from: 'assigned', to: 'contacted' },
      ]),
    );
    expect(detail.history.map((h) => h.action)).toEqual(['created', 'claimed', 'activity']);
  });

  it('keeps the deadline for a note, which is not reaching out', async () => {
    const ts = await fresh();
    const rep = await ts.createUser('rep');
    await rep.api.leads.capture.mutate({ email: 'note@activity.example', source: { kind: 'manual' } });
    const claimed = (await rep.api.queue.next.mutate({})).lead!;
    await rep.api.activities.add.mutate({ leadId: claimed.id, type: 'note', note: 'looks promising' });
    const { lead } = await rep.api.leads.get.query({ id: claimed.id });
    expect(lead).toMatchObject({ status: 'assigned', contactBy: claimed.contactBy });
  });

  it('frees a rep’s capacity as leads close, and puts a released lead back in the queue', async () => {
    const ts = await fresh();
    const rep = await ts.createUser('rep', { capacity: 1 });
    const teamLead = await ts.createUser('lead');
    for (let i = 0; i < 3; i++) await rep.api.leads.capture.mutate({ email: `life${i}@life${i}.example`, source: { kind: 'manual' } });

    const first = (await rep.api.queue.next.mutate({})).lead!;
    expect((await errorOf(rep.api.queue.next.mutate({}))).code).toBe('PRECONDITION_FAILED');
    await rep.api.activities.add.mutate({ leadId: first.id, type: 'email' });
    let current = (await rep.api.leads.get.query({ id: first.id })).lead;
    expect(current.status).toBe('contacted');
    current = await rep.api.leads.update.mutate({ id: first.id, version: current.version, patch: { status: 'qualified' } });
    current = await rep.api.leads.update.mutate({ id: first.id, version: current.version, patch: { status: 'converted' } });
    expect(current).toMatchObject({ status: 'converted', ownerId: rep.user.id });
    expect((await rep.api.me.query()).openLeads).toBe(0);

    // Capacity is free again; the rep releases the next lead, and it goes back to the queue.
    const second = (await rep.api.queue.next.mutate({})).lead!;
    expect(second.id).not.toBe(first.id);
    const released = await rep.api.leads.update.mutate({ id: second.id, version: second.version, patch: { status: 'new' } });
    expect(released).toMatchObject({ status: 'new', ownerId: null, contactBy: null });
    expect((await rep.api.me.query()).openLeads).toBe(0);
    expect((await listAll(rep.api, { ownerId: 'none', status: 'new' })).items.map((l) => l.id)).toContain(second.id);

    // Lost with a reason, then reopened: back in the queue too.
    const third = (await rep.api.queue.next.mutate({})).lead!;
    const lost = await rep.api.leads.update.mutate({ id: third.id, version: third.version, patch: { status: 'lost', lostReason: 'chose a competitor' } });
    expect(lost).toMatchObject({ status: 'lost', lostReason: 'Chose a competitor', contactBy: null });
    expect((await rep.api.me.query()).openLeads).toBe(0);
    const reopened = await teamLead.api.leads.update.mutate({ id: third.id, version: lost.version, patch: { status: 'new' } });
    expect(reopened).toMatchObject({ status: 'new', ownerId: null });
    const unassigned = (await listAll(rep.api, { ownerId: 'none', status: 'new' })).items;
    expect(unassigned.map((l) => l.id)).toContain(third.id);
    expect(unassigned).toHaveLength(2);
    expect(unassigned.map((l) => l.id)).not.toContain(first.id);
  });

  it('does not let a patch mark a lead assigned without an owner', async () => {
    const ts = await fresh();
    const rep = await ts.createUser('rep');
    const teamLead = await ts.createUser('lead');
    const { lead } = await rep.api.leads.capture.mutate({ email: 'orphan@patch.example', source: { kind: 'manual' } });
    const err = await errorOf(teamLead.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { status: 'assigned' } }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain('status');
    // Still in the queue.
    expect((await rep.api.queue.next.mutate({})).lead?.id).toBe(lead.id);
  });

  it.each([
    ['an unknown type', { type: 'fax' }, 'type'],
    ['a call outcome outside the list', { type: 'call', outcome: 'maybe' }, 'outcome'],
    ['a bad follow-up date', { type: 'note', followUpAt: 'tomorrow' }, 'followUpAt'],
  ])('refuses an activity with %s as BAD_REQUEST naming the field', async (_what, input, field) => {
    const ts = await fresh();
    const rep = await ts.createUser('rep');
    await rep.api.leads.capture.mutate({ email: 'bad@activity.example', source: { kind: 'manual' } });
    const claimed = (await rep.api.queue.next.mutate({})).lead!;
    const err = await errorOf(rep.api.activities.add.mutate({ leadId: claimed.id, ...input } as never));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain(`${field}:`);
    const detail = await rep.api.leads.get.query({ id: claimed.id });
    expect(detail.activities).toEqual([]);
    expect(detail.lead.version).toBe(claimed.version);
  });
});

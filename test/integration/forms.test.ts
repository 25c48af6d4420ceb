import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HONEYPOT_FIELD } from '../../shared/forms/web-to-lead.ts';
import { FORM_LIMIT_PER_IP } from '../../server/web-to-lead.ts';
import { errorOf, listAll, startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

const post = (url: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
    body: new URLSearchParams(body).toString(),
  });

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('web-to-lead forms', () => {
  let ts: TestServer;
  let rep: TestUser;
  let teamLead: TestUser;

  beforeAll(async () => {
    ts = await startTestServer();
    rep = await ts.createUser('rep', { name: 'Ana Ruiz' });
    teamLead = await ts.createUser('lead');
  });
  afterAll(async () => {
    await ts?.close();
  });

  it('only admins create forms; team leads list them; bad input names the field', async () => {
    expect((await errorOf(teamLead.api.forms.create.mutate({ name: 'Demo request' }))).code).toBe('FORBIDDEN');
    expect((await errorOf(rep.api.forms.list.query())).code).toBe('FORBIDDEN');
    const bad = await errorOf(ts.admin.forms.create.mutate({ name: 'x', redirectUrl: 'javascript:alert(1)' }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', fields: ['redirectUrl'] });
    const noOwner = await errorOf(ts.admin.forms.create.mutate({ name: 'x', ownerId: 'usr_nobody' }));
    expect(noOwner.message).toMatch(/^ownerId:/);
    expect(await teamLead.api.forms.list.query()).toEqual([]);
  });

  it('a Salesforce-style post creates a lead routed to the form owner, keeps UTM and referrer, then redirects', async () => {
    const form = await ts.admin.forms.create.mutate({
      name: 'Demo request',
      redirectUrl: 'https://www.acme.example/thanks',
      ownerId: rep.user.id,
      allowedOrigins: ['https://www.acme.example/'],
    });
    expect(form.key).toMatch(/^frm_/);
    expect(form.allowedOrigins).toEqual(['https://www.acme.example']);
    const res = await post(
      `${ts.url}/forms/${form.key}`,
      {
        oid: '00D000000000062',
        retURL: 'https://evil.example/',
        first_name: 'Maria',
        last_name: 'Lopez',
        email: 'Maria.Lopez@Globex.example',
        company: 'Globex',
        title: 'VP Sales',
        phone: '(415) 555-0132',
        city: 'San Francisco',
        state: 'CA',
        referrer: 'https://www.google.com/search?q=leads',
        [HONEYPOT_FIELD]: '',
      },
      { origin: 'https://www.acme.example', referer: 'https://www.acme.example/demo?utm_source=google&utm_medium=cpc&utm_campaign=spring' },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('https://www.acme.example/thanks');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://www.acme.example');

    const { items } = await listAll(ts.admin);
    const lead = items.find((l) => l.email === 'maria.lopez@globex.example');
    expect(lead).toMatchObject({
      name: 'Maria Lopez',
      company: 'Globex',
      title: 'VP Sales',
      phone: '+14155550132',
      address: 'San Francisco, CA',
      status: 'assigned',
      ownerId: rep.user.id,
      source: {
        kind: 'form',
        name: 'Demo request',
        url: 'https://www.acme.example/demo',
        referrer: 'https://www.google.com/search',
        utm: { source: 'google', medium: 'cpc', campaign: 'spring' },
      },
    });
    expect(lead?.contactBy).not.toBeNull();
    const [listed] = await ts.admin.forms.list.query();
    expect(listed).toMatchObject({ key: form.key, submissions: 1 });
  });

  it('rejects a bad email with a clear message and stores nothing', async () => {
    const form = await ts.admin.forms.create.mutate({ name: 'Newsletter' });
    const before = (await listAll(ts.admin)).items.length;
    const res = await postJson(`${ts.url}/forms/${form.key}`, { email: 'maria@@globex', first_name: 'Maria' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, error: { message: 'email: is not a valid email address', fields: ['email'] } });
    const html = await post(`${ts.url}/forms/${form.key}`, { email: 'not an email' });
    expect(html.status).toBe(400);
    expect(html.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await html.text()).toMatch(/email: is not a valid email address/);
    const none = await postJson(`${ts.url}/forms/${form.key}`, { first_name: 'Nobody' });
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/at least one of email or phone/);
    expect((await listAll(ts.admin)).items.length).toBe(before);
  });

  it('the honeypot refuses a bot and stores nothing', async () => {
    const form = await ts.admin.forms.create.mutate({ name: 'Contact' });
    const res = await postJson(`${ts.url}/forms/${form.key}`, { email: 'bot@spam.example', [HONEYPOT_FIELD]: 'http://spam.example' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/spam/);
    expect((await listAll(ts.admin)).items.some((l) => l.email === 'bot@spam.example')).toBe(false);
  });

  it('a double-clicked submit gives one lead', async () => {
    const form = await ts.admin.forms.create.mutate({ name: 'Pricing' });
    const body = { email: 'dup@initech.example', first_name: 'Peter', last_name: 'Gibbons', company: 'Initech' };
    const answers = await Promise.all([postJson(`${ts.url}/forms/${form.key}`, body), postJson(`${ts.url}/forms/${form.key}`, body)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(await answers[0]!.json()).toEqual({ ok: true });
    const matches = (await listAll(ts.admin)).items.filter((l) => l.email === 'dup@initech.example');
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ status: 'new', ownerId: null, source: { kind: 'form', name: 'Pricing' } });
  });

  it('refuses other origins, answers preflights, and 404s an unknown form', async () => {
    const form = await ts.admin.forms.create.mutate({ name: 'Locked', allowedOrigins: ['https://a.example'] });
    const foreign = await postJson(`${ts.url}/forms/${form.key}`, { email: 'x@y.example' }, { origin: 'https://b.example' });
    expect(foreign.status).toBe(403);
    const preflight = await fetch(`${ts.url}/forms/${form.key}`, { method: 'OPTIONS', headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://a.example');
    expect((await postJson(`${ts.url}/forms/frm_nope`, { email: 'x@y.example' })).status).toBe(404);
    expect((await fetch(`${ts.url}/forms/${form.key}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad' })).status).toBe(400);
  });
});

describe('where a form\'s leads go', () => {
  let ts: TestServer;
  let teamLead: TestUser;
  let ana: TestUser;
  let bo: TestUser;
  let n = 0;
  const submit = async (formKey: string) => {
    const email = `visitor${++n}@prospect${n}.example`;
    const res = await postJson(`${ts.url}/forms/${formKey}`, { email, first_name: 'Visitor', last_name: String(n) });
    expect(res.status).toBe(200);
    const { items } = await listAll(ts.admin);
    return items.find((l) => l.email === email)!;
  };

  beforeAll(async () => {
    ts = await startTestServer();
    teamLead = await ts.createUser('lead', { name: 'Lee Lead' });
    ana = await ts.createUser('rep', { name: 'Ana Ruiz', capacity: 1 });
    bo = await ts.createUser('rep', { name: 'Bo Chen' });
  });
  afterAll(async () => {
    await ts?.close();
  });

  it('goes to the form\'s owner in the same step, and the routing log says which form sent it', async () => {
    const form = await ts.admin.forms.create.mutate({ name: 'Demo request', ownerId: ana.user.id });
    const lead = await submit(form.key);
    expect(lead).toMatchObject({ ownerId: ana.user.id, status: 'assigned', contactBy: expect.any(String) });
    const { items } = await teamLead.api.routing.log.query({ leadId: lead.id });
    // The admin who set the form's owner made the assignment; the reason names the form.
    expect(items).toEqual([expect.objectContaining({ kind: 'assigned', to: ana.user.id, by: (await ts.admin.me.query()).id, reason: 'web form "Demo request" sends its leads to Ana Ruiz' })]);
    const { history } = await teamLead.api.leads.get.query({ id: lead.id });
    expect(history.map((h) => h.action)).toEqual(['created', 'assigned']);
  });

  it('when the owner is at their cap, the lead is still saved and goes to the queue, not a server error', async () => {
    const form = (await ts.admin.forms.list.query()).find((f) => f.name === 'Demo request')!;
    const lead = await submit(form.key);
    expect(lead).toMatchObject({ ownerId: null, status: 'new' });
    expect((await ts.admin.forms.list.query()).find((f) => f.key === form.key)?.submissions).toBe(2);
  });

  it('when the owner is away or full, the team\'s routing rules place it, as they do any capture', async () => {
    const form = await ts.admin.forms.create.mutate({ name: 'Pricing', ownerId: bo.user.id });
    await teamLead.api.routing.setRules.mutate({ autoAssign: true, rules: [{ id: 'all', name: 'Everyone', strategy: 'round-robin' }] });
    await teamLead.api.users.update.mutate({ id: bo.user.id, away: true });
    await teamLead.api.users.update.mutate({ id: ana.user.id, capacity: 5 });
    const lead = await submit(form.key);
    expect(lead).toMatchObject({ ownerId: ana.user.id, status: 'assigned' });
    const { items } = await teamLead.api.routing.log.query({ leadId: lead.id });
    expect(items).toEqual([expect.objectContaining({ kind: 'routed', ruleId: 'all', to: ana.user.id })]);

    // Back from holiday: the form's leads go to its owner again, ahead of the rules.
    await teamLead.api.users.update.mutate({ id: bo.user.id, away: false });
    expect(await submit(form.key)).toMatchObject({ ownerId: bo.user.id, status: 'assigned' });
    // A form without an owner follows the rules.
    const open = await ts.admin.forms.create.mutate({ name: 'Newsletter' });
    expect((await submit(open.key)).ownerId).not.toBeNull();
    await teamLead.api.routing.setRules.mutate({ autoAssign: false, rules: [] });
    expect(await submit(open.key)).toMatchObject({ ownerId: null, status: 'new' });
  });
});

describe('web-to-lead rate limit', () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(async () => {
    await ts?.close();
  });

  it('answers 429 once an IP has posted too often', async () => {
    const form = await ts.admin.forms.create.mutate({ name: 'Flood' });
    const statuses: number[] = [];
    for (let i = 0; i <= FORM_LIMIT_PER_IP; i++) {
      const res = await postJson(`${ts.url}/forms/${form.key}`, { email: 'flood@spam.example' });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.slice(0, FORM_LIMIT_PER_IP).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('web-to-lead rate limits behind a reverse proxy', () => {
  let ts: TestServer;
  beforeAll(async () => {
    // The proxy is on this machine; small limits so that the form's own limit is reached quickly.
    ts = await startTestServer({ settings: { trustProxy: 'loopback', formLimits: { perIp: 3, perForm: 7, windowMs: 600_000 } } });
  });
  afterAll(async () => {
    await ts?.close();
  });

  it('limits each visitor by their own address, and the form by everyone together', async () => {
    const form = await ts.admin.forms.create.mutate({ name: 'Busy' });
    const from = async (ip: string, i: number) => {
      const res = await postJson(`${ts.url}/forms/${form.key}`, { email: `v${i}@visitor.example` }, { 'x-forwarded-for': ip });
      await res.arrayBuffer();
      return res.status;
    };
    // One visitor: three posts, then 429, while the next visitor is still welcome.
    expect([await from('203.0.113.1', 1), await from('203.0.113.1', 2), await from('203.0.113.1', 3), await from('203.0.113.1', 4)]).toEqual([200, 200, 200, 429]);
    expect([await from('203.0.113.2', 5), await from('203.0.113.2', 6), await from('203.0.113.3', 7), await from('203.0.113.3', 8)]).toEqual([200, 200, 200, 200]);
    // Seven accepted in all: the form takes no more, from anyone.
    expect(await from('203.0.113.4', 9)).toBe(429);
    expect((await ts.admin.forms.list.query())[0]).toMatchObject({ submissions: 7 });
  });
});

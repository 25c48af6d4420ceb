import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../server/services/webhook-signature.ts';
import { errorOf, startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  answered: number;
}

/** A real HTTP receiver; `answer` decides each response's status (and may hold it back). */
async function receiver(answer: (r: Received, n: number) => number | Promise<number>) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', async () => {
      const r: Received = { headers: req.headers, body, answered: 0 };
      received.push(r);
      r.answered = await answer(r, received.length);
      res.statusCode = r.answered;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/leadsync`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function until<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const events = (received: Received[]) => received.map((r) => JSON.parse(r.body) as { id: string; type: string; data: Record<string, unknown> });

describe('webhooks', () => {
  let ts: TestServer;
  let rep: TestUser;
  let teamLead: TestUser;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    ts = await startTestServer({ settings: { webhookRetryMs: [50, 100] } });
    rep = await ts.createUser('rep', { name: 'Ana Ruiz' });
    teamLead = await ts.createUser('lead');
  });
  afterAll(async () => {
    await ts?.close();
    for (const close of closers) await close();
  });

  it('only admins register webhooks, and a bad URL or event is named', async () => {
    expect((await errorOf(teamLead.api.webhooks.create.mutate({ url: 'https://x.example/h', events: ['lead.created'] }))).code).toBe('FORBIDDEN');
    expect(await errorOf(ts.admin.webhooks.create.mutate({ url: 'ftp://x.example', events: ['lead.created'] }))).toMatchObject({ code: 'BAD_REQUEST', fields: ['url'] });
    expect(await errorOf(ts.admin.webhooks.create.mutate({ url: 'https://x.example/h', events: [] }))).toMatchObject({ code: 'BAD_REQUEST', fields: ['events'] });
  });

  it('signs each delivery so that it verifies, retries after a 500, logs it, and never holds up the request', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<number>((resolve) => (release = () => resolve(500)));
    // The first delivery is held open, then answered 500; the retry gets 200.
    const hook = await receiver((_r, n) => (n === 1 ? held : 200));
    closers.push(hook.close);
    const { webhook, secret } = await ts.admin.webhooks.create.mutate({ url: hook.url, events: ['lead.created', 'lead.assigned', 'lead.status_changed', 'activity.created'] });
    expect(secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await ts.admin.webhooks.list.query())).not.toContain(secret);

    const { lead } = await rep.api.leads.capture.mutate({ email: 'hook@globex.example', name: 'Hook Lee', source: { kind: 'manual' } });
    // The capture has answered while the receiver still holds the first delivery.
    await until('the first delivery', () => hook.received.length === 1);
    expect(hook.received[0]!.answered).toBe(0);
    release();
    await until('the retry', () => hook.received.length >= 2);

    for (const r of hook.received.slice(0, 2)) {
      const signature = String(r.headers['leadsync-signature']);
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifySignature(secret, r.body, signature, new Date())).toBe(true);
      expect(verifySignature(secret, r.body.replace('Hook Lee', 'Hook Lea'), signature, new Date())).toBe(false);
      expect(verifySignature('whsec_wrong', r.body, signature, new Date())).toBe(false);
      // The scheme the README documents, computed here on its own: HMAC-SHA256 of "<t>.<raw body>".
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature)!;
      expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${r.body}`).digest('hex'));
      expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(300);
    }
    const [first, retry] = events(hook.received);
    expect(first).toMatchObject({ type: 'lead.created', data: { lead: { id: lead.id, email: 'hook@globex.example' } } });
    expect(retry!.id).toBe(first!.id);
    expect(hook.received[1]!.headers['leadsync-delivery']).toBe(hook.received[0]!.headers['leadsync-delivery']);

    const [logged] = await until('the log to show the delivery', async () => {
      const entries = await ts.admin.webhooks.deliveries.query({ webhookId: webhook.id });
      return entries[0]?.status === 'delivered' && entries;
    });
    expect(logged).toMatchObject({ event: 'lead.created', status: 'delivered', attempts: 2, lastStatus: 200, lastError: null });
  });

  it('keeps a delivery log, and sends assignment, status and activity events', async () => {
    const hook = await receiver(() => 204);
    closers.push(hook.close);
    const { webhook } = await ts.admin.webhooks.create.mutate({ url: hook.url, events: ['lead.assigned', 'lead.status_changed', 'activity.created'] });
    const { lead } = await rep.api.leads.capture.mutate({ email: 'flow@initech.example', source: { kind: 'manual' } });
    await teamLead.api.queue.assign.mutate({ leadId: lead.id, userId: rep.user.id });
    await rep.api.activities.add.mutate({ leadId: lead.id, type: 'call', outcome: 'connected', note: 'Talked budgets' });
    await until('three events', () => hook.received.length >= 4);
    const types = events(hook.received).map((e) => e.type).sort();
    expect(types).toEqual(['activity.created', 'lead.assigned', 'lead.status_changed', 'lead.status_changed']);
    const assigned = events(hook.received).find((e) => e.type === 'lead.assigned');
    expect(assigned?.data).toMatchObject({ lead: { id: lead.id, ownerId: rep.user.id }, previousOwnerId: null });

    const entries = await until('four delivered', async () => {
      const log = await ts.admin.webhooks.deliveries.query({ webhookId: webhook.id });
      return log.length === 4 && log.every((d) => d.status === 'delivered') && log;
    });
    expect(entries.every((d) => d.status === 'delivered' && d.attempts === 1 && d.lastStatus === 204)).toBe(true);
  });

  it('gives up after the last retry, and says why in the log', async () => {
    const hook = await receiver(() => 500);
    closers.push(hook.close);
    const { webhook } = await ts.admin.webhooks.create.mutate({ url: hook.url, events: ['lead.created'] });
    await rep.api.leads.capture.mutate({ email: 'down@hooli.example', source: { kind: 'manual' } });
    const entries = await until('the delivery to fail', async () => {
      const log = await ts.admin.webhooks.deliveries.query({ webhookId: webhook.id });
      return log[0]?.status === 'failed' && log;
    });
    expect(entries[0]).toMatchObject({ status: 'failed', attempts: 3, lastStatus: 500, lastError: 'the receiver answered 500', nextAttemptAt: null });
    expect(hook.received).toHaveLength(3);
    await ts.admin.webhooks.disable.mutate({ id: webhook.id });
    await rep.api.leads.capture.mutate({ email: 'after-disable@hooli.example', source: { kind: 'manual' } });
    // A lead.created hook registered after the disabled one proves the event went out, to it only.
    const witness = await receiver(() => 200);
    closers.push(witness.close);
    await ts.admin.webhooks.create.mutate({ url: witness.url, events: ['lead.created'] });
    await rep.api.leads.capture.mutate({ email: 'witnessed@hooli.example', source: { kind: 'manual' } });
    await until('the witness', () => witness.received.length === 1);
    expect(hook.received).toHaveLength(3);
  });
});

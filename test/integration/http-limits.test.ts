import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../server/app.ts';
import { BATCH_MAX } from '../../shared/schemas/api.ts';
import { listAll, randomToken, startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

describe('HTTP limits', () => {
  let ts: TestServer;
  let rep: TestUser;

  beforeAll(async () => {
    ts = await startTestServer();
    rep = await ts.createUser('rep');
  });

  afterAll(async () => {
    await ts?.close();
  });

  const post = (path: string, body: string, token = rep.token) =>
    fetch(`${ts.url}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });

  it('answers 413 to a JSON body over 1 MB, and stores nothing', async () => {
    const body = JSON.stringify({ email: 'big@example.com', source: { kind: 'manual' }, address: 'x'.repeat(MAX_BODY_BYTES + 10) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(1024 * 1024);
    const res = await post('leads.capture', body);
    expect(res.status).toBe(413);
    const json = (await res.json()) as { error: { data: { code: string } } };
    expect(json.error.data.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await listAll(rep.api)).items).toHaveLength(0);
    // The server is still fine afterwards.
    const ok = await post('leads.capture', JSON.stringify({ email: 'small@example.com', source: { kind: 'manual' } }));
    expect(ok.status).toBe(200);
  });

  it('answers 413 to a chunked body over 1 MB that announces no length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"email":"chunked@example.com","source":{"kind":"manual"},"address":"'));
      },
      pull(controller) {
        if (sent > MAX_BODY_BYTES + chunk.length) {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    const res = await fetch(`${ts.url}/trpc/leads.capture`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${rep.token}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await rep.api.leads.lookup.query({ emails: ['chunked@example.com'] })).matches).toEqual([]);
  });

  it('answers a body just under the limit normally (the field limit refuses it, not the body limit)', async () => {
    const body = JSON.stringify({ email: 'under@example.com', source: { kind: 'manual' }, address: 'x'.repeat(MAX_BODY_BYTES - 200) });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const res = await post('leads.capture', body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { message: string; data: { code: string } } };
    expect(json.error.data.code).toBe('BAD_REQUEST');
    expect(json.error.message).toContain('address');
  });

  const batchUrl = (n: number) => {
    const paths = Array.from({ length: n }, () => 'health').join(',');
    const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), {}]));
    return `${ts.url}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
  };

  it(`answers a batch of ${BATCH_MAX} calls`, async () => {
    expect(BATCH_MAX).toBe(20);
    const res = await fetch(batchUrl(20));
    expect(res.status).toBe(200);
    const json = (await res.json()) as { result: { data: { ok: boolean } } }[];
    expect(json).toHaveLength(20);
    expect(json.every((r) => r.result.data.ok === true)).toBe(true);
  });

  it(`refuses a batch of ${BATCH_MAX + 1} calls with a 4xx`, async () => {
    const res = await fetch(batchUrl(21));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(await res.json())).toMatch(/batch/i);
  });

  it.each([
    ['BAD_REQUEST', () => post('leads.capture', JSON.stringify({ email: 'nope', source: { kind: 'manual' } })), 400],
    ['UNAUTHORIZED', () => post('leads.capture', JSON.stringify({ email: 'a@b.example', source: { kind: 'manual' } }), randomToken()), 401],
    ['NOT_FOUND', () => fetch(`${ts.url}/trpc/leads.get?input=${encodeURIComponent(JSON.stringify({ id: 'ld_none' }))}`, { headers: { authorization: `Bearer ${rep.token}` } }), 404],
  ] as const)('answers %s without the server’s stack trace', async (code, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(body.error.data.code).toBe(code);
    expect(body.error.data).not.toHaveProperty('stack');
    expect(JSON.stringify(body)).not.toMatch(/node_modules|\.ts:\d+/);
  });

  it.each([
    ['leads.list', { items: [], nextCursor: null }],
    ['leads.lookup', { matches: [] }],
  ])('answers a bare GET of %s, with no input, as if given {}', async (path, expected) => {
    const fresh = await startTestServer();
    try {
      const res = await fetch(`${fresh.url}/trpc/${path}`, { headers: { authorization: `Bearer ${fresh.adminToken}` } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { result: { data: unknown } }).result.data).toEqual(expected);
    } finally {
      await fresh.close();
    }
  });

  it('lists 50 leads by default', async () => {
    const fresh = await startTestServer();
    try {
      const r = await fresh.createUser('rep');
      await Promise.all(Array.from({ length: 55 }, (_, i) => r.api.leads.capture.mutate({ email: `d${i}@default${i}.example`, source: { kind: 'manual' } })));
      const res = await fetch(`${fresh.url}/trpc/leads.list`, { headers: { authorization: `Bearer ${r.token}` } });
      const page = ((await res.json()) as { result: { data: { items: unknown[]; nextCursor: string | null } } }).result.data;
      expect(page.items).toHaveLength(50);
      expect(page.nextCursor).toEqual(expect.any(String));
    } finally {
      await fresh.close();
    }
  });

  it('answers 404 with JSON off the API', async () => {
    const res = await fetch(`${ts.url}/nowhere`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { message: 'not found' } });
  });

  it('answers an unknown procedure with NOT_FOUND, not a 5xx', async () => {
    const res = await fetch(`${ts.url}/trpc/leads.nothing`, { headers: { authorization: `Bearer ${rep.token}` } });
    expect(res.status).toBe(404);
  });

  it('answers malformed JSON with a 4xx, not a 5xx', async () => {
    const res = await post('leads.capture', '{"email": ');
    expect(res.status).toBe(400);
  });

  it('answers a GET query with unparsable input with a 400', async () => {
    const res = await fetch(`${ts.url}/trpc/leads.list?input=%7Bnot-json`, { headers: { authorization: `Bearer ${rep.token}` } });
    expect(res.status).toBe(400);
  });

  it('lets an extension origin through CORS, and not a web page', async () => {
    const ext = await fetch(`${ts.url}/trpc/health`, { method: 'OPTIONS', headers: { origin: 'chrome-extension://abcdefghijklmnop' } });
    expect(ext.status).toBe(204);
    expect(ext.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop');
    const page = await fetch(`${ts.url}/trpc/health`, { headers: { origin: 'https://evil.example' } });
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage, type HandlerDeps } from '../../extension/background/handlers.ts';
import { extensionMessage, type ExtensionMessage, type ParsedMessage } from '../../shared/schemas/messages.ts';
import type { Lead } from '../../shared/schemas/lead.ts';
import { startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

// The background's message handlers, run in Node against a real server with the real fetch:
// the same code the extension's service worker runs.
describe('extension background handlers', () => {
  let ts: TestServer;
  let rep: TestUser;
  let saved: Lead | null = null;

  const depsFor = (serverUrl: string, token: string): HandlerDeps => ({
    settings: async () => ({ serverUrl, token }),
    saveCurrentLead: async (lead) => {
      saved = lead;
    },
    fetch,
  });
  const send = <T extends ExtensionMessage['type']>(msg: Extract<ExtensionMessage, { type: T }>, deps = depsFor(ts.url, rep.token)) =>
    handleMessage(extensionMessage.parse(msg) as Extract<ParsedMessage, { type: T }>, deps);

  beforeAll(async () => {
    ts = await startTestServer();
    rep = await ts.createUser('rep', { name: 'Ana Ruiz' });
  });
  afterAll(() => ts.close());

  it('says who the token belongs to', async () => {
    const reply = await send({ type: 'whoami' });
    expect(reply).toMatchObject({ ok: true, data: { name: 'Ana Ruiz', role: 'rep', openLeads: 0 } });
  });

  it.each([
    { what: 'no token saved yet', serverUrl: 'http://127.0.0.1:1', token: '', code: 'NOT_CONFIGURED' },
    { what: 'a token the server does not know', serverUrl: '', token: 'ls_not-a-real-token-at-all', code: 'UNAUTHORIZED' },
    { what: 'a server that does not answer', serverUrl: 'http://127.0.0.1:9', token: 'ls_any-token-long-enough', code: 'UNREACHABLE' },
  ])('fails clearly with $what', async ({ serverUrl, token, code }) => {
    const reply = await send({ type: 'whoami' }, depsFor(serverUrl || ts.url, token));
    expect(reply).toMatchObject({ ok: false, code });
    if (!reply.ok) expect(reply.message.length).toBeGreaterThan(10);
  });

  it('captures a contact, then finds it by lookup, even in a lookup of 200 long addresses', async () => {
    const captured = await send({ type: 'capture', lead: { name: 'Maria Lopez', email: 'Maria@Acme.example', source: { kind: 'page', url: 'https://acme.example/team' } } });
    expect(captured).toMatchObject({ ok: true, data: { created: true, lead: { email: 'maria@acme.example' } } });
    const emails = Array.from({ length: 199 }, (_, i) => `${'someone.with.a.long.name'.repeat(3)}${i}@${'subdomain.'.repeat(8)}example.com`);
    const reply = await send({ type: 'lookup', emails: [...emails, 'maria@acme.example'], phones: [] });
    expect(reply).toMatchObject({ ok: true, data: { matches: [{ key: 'maria@acme.example', grade: expect.any(String) }] } });
  });

  it('claims the next lead and keeps it for the popup', async () => {
    const reply = await send({ type: 'next-lead' });
    expect(reply.ok && reply.data.lead?.email).toBe('maria@acme.example');
    expect(saved?.ownerId).toBe(rep.user.id);
    const empty = await send({ type: 'next-lead' });
    expect(empty).toEqual({ ok: true, data: { lead: null } });
  });

  it('tests a connection with the values typed in the options, not the saved ones', async () => {
    const reply = await send({ type: 'test-connection', serverUrl: ts.url, token: ts.adminToken }, depsFor('http://127.0.0.1:9', ''));
    expect(reply).toMatchObject({ ok: true, data: { role: 'admin' } });
  });

  it('rejects a malformed message with the field named', () => {
    const parsed = extensionMessage.safeParse({ type: 'test-connection', serverUrl: 'javascript:alert(1)', token: 'x' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['serverUrl']);
  });
});

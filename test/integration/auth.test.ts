import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../server/routers/_app.ts';
import { createCallerFactory } from '../../server/trpc.ts';
import { errorOf, randomToken, startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

describe('auth and roles over HTTP', () => {
  let ts: TestServer;
  let rep: TestUser;
  let teamLead: TestUser;

  beforeAll(async () => {
    ts = await startTestServer();
    rep = await ts.createUser('rep', { name: 'Ana Ruiz', email: 'ana.ruiz@leadsync.example' });
    teamLead = await ts.createUser('lead', { name: 'Tess Lead' });
  });

  afterAll(async () => {
    await ts?.close();
  });

  it('answers health to anyone', async () => {
    const health = await ts.client().health.query();
    expect(health).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('answers me with the caller, never the token hash', async () => {
    const me = await rep.api.me.query();
    expect(me).toMatchObject({ id: rep.user.id, name: 'Ana Ruiz', email: 'ana.ruiz@leadsync.example', role: 'rep', active: true, openLeads: 0 });
    expect(me).not.toHaveProperty('tokenHash');
    expect(await ts.admin.me.query()).toMatchObject({ role: 'admin', email: 'admin@leadsync.local' });
  });

  it.each([
    ['no token', undefined],
    ['a bad token', randomToken()],
    ['a short token', 'short'],
    ['an empty token', ''],
  ])('answers UNAUTHORIZED with %s', async (_what, token) => {
    const err = await errorOf(ts.client(token).me.query());
    expect(err.code).toBe('UNAUTHORIZED');
    expect(err.httpStatus).toBe(401);
  });

  it.each([
    ['no header', {}],
    ['a Basic header', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
    ['a bearer of another server', { authorization: `Bearer ${randomToken()}` }],
  ])('answers 401 over raw HTTP with %s', async (_what, headers: Record<string, string>) => {
    const res = await fetch(`${ts.url}/trpc/leads.capture`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email: 'anon@nowhere.example', source: { kind: 'manual' } }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { data: { code: string } } };
    expect(body.error.data.code).toBe('UNAUTHORIZED');
  });

  it('accepts the scheme in any case', async () => {
    const res = await fetch(`${ts.url}/trpc/me`, { headers: { authorization: `bearer ${rep.token}` } });
    expect(res.status).toBe(200);
  });

  it('answers FORBIDDEN to a rep calling users.create, and creates nobody', async () => {
    const err = await errorOf(rep.api.users.create.mutate({ name: 'Sneaky', email: 'sneaky@leadsync.example', role: 'admin' }));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.httpStatus).toBe(403);
    expect(err.message).toContain('admin');
    const users = await ts.admin.users.list.query();
    expect(users.map((u) => u.email)).not.toContain('sneaky@leadsync.example');
  });

  it('answers FORBIDDEN to a team lead calling users.create', async () => {
    const err = await errorOf(teamLead.api.users.create.mutate({ name: 'Sneaky', email: 'sneaky2@leadsync.example', role: 'rep' }));
    expect(err.code).toBe('FORBIDDEN');
  });

  it('lets a team lead and an admin list users, not a rep', async () => {
    const err = await errorOf(rep.api.users.list.query());
    expect(err.code).toBe('FORBIDDEN');
    const users = await teamLead.api.users.list.query();
    expect(users.map((u) => u.id)).toEqual(expect.arrayContaining([rep.user.id, teamLead.user.id]));
    expect(users.every((u) => !('tokenHash' in u))).toBe(true);
    expect(await ts.admin.users.list.query()).toHaveLength(users.length);
  });

  it('gives each new user a working token, shown once', async () => {
    const created = await ts.createUser('rep', { name: 'New Rep', capacity: 3 });
    expect(created.token).toMatch(/^ls_[A-Za-z0-9_-]{40,}$/);
    expect(created.user).toMatchObject({ name: 'New Rep', role: 'rep', capacity: 3, active: true });
    expect(await created.api.me.query()).toMatchObject({ id: created.user.id, capacity: 3 });
  });

  it('normalises a new user’s email and refuses a duplicate with CONFLICT', async () => {
    const { user } = await ts.admin.users.create.mutate({ name: '  Dup  User ', email: ' Dup.User@LeadSync.example ', role: 'rep' });
    expect(user).toMatchObject({ name: 'Dup User', email: 'dup.user@leadsync.example', capacity: 25 });
    const err = await errorOf(ts.admin.users.create.mutate({ name: 'Dup Again', email: 'DUP.USER@leadsync.example', role: 'rep' }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('email');
  });

  it.each([
    ['a bad email', { name: 'X', email: 'x', role: 'rep' }, 'email'],
    ['an unknown role', { name: 'X', email: 'x@leadsync.example', role: 'boss' }, 'role'],
    ['an empty name', { name: '   ', email: 'x@leadsync.example', role: 'rep' }, 'name'],
    ['a negative capacity', { name: 'X', email: 'x@leadsync.example', role: 'rep', capacity: -1 }, 'capacity'],
  ])('refuses users.create with %s as BAD_REQUEST naming the field', async (_what, input, field) => {
    const err = await errorOf(ts.admin.users.create.mutate(input as never));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain(`${field}:`);
  });
});

describe('conventions: every procedure but health needs a token', () => {
  const paths = Object.keys(appRouter._def.procedures);

  it('finds the procedures of the contract', () => {
    expect(paths).toEqual(
      expect.arrayContaining(['health', 'me', 'users.create', 'users.list', 'leads.capture', 'leads.lookup', 'leads.get', 'leads.list', 'leads.update', 'queue.next', 'queue.assign', 'activities.add']),
    );
  });

  describe('through createCaller, before input validation', () => {
    let ts: TestServer;
    beforeAll(async () => {
      ts = await startTestServer();
    });
    afterAll(async () => {
      await ts?.close();
    });

    it.each(paths.filter((p) => p !== 'health'))('%s answers UNAUTHORIZED without a token', async (path) => {
      const caller = createCallerFactory(appRouter)({ deps: ts.server.deps, user: undefined });
      const proc = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
      // Both an empty and a nonsense input: the role check runs before input validation.
      for (const input of [{}, { nonsense: true }]) {
        const err = await proc(input).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(TRPCError);
        expect((err as TRPCError).code).toBe('UNAUTHORIZED');
      }
    });

    it('health answers without a token', async () => {
      const caller = createCallerFactory(appRouter)({ deps: ts.server.deps, user: undefined });
      expect(await caller.health()).toMatchObject({ ok: true });
    });
  });
});

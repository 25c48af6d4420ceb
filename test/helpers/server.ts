import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { afterEach } from 'vitest';
import type { AppRouter } from '../../server/routers/_app.ts';
import { createLogger } from '../../server/log.ts';
import { startServer, type RunningServer, type ServerOptions } from '../../server/server.ts';
import type { Role } from '../../shared/roles.ts';
import type { User } from '../../shared/schemas/user.ts';

export type Api = ReturnType<typeof clientFor>;

/** A tRPC client over real HTTP; without a token it sends no Authorization header. */
export function clientFor(url: string, token?: string) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${url}/trpc`, headers: () => (token === undefined ? {} : { authorization: `Bearer ${token}` }) })],
  });
}

export interface TestUser {
  user: User;
  token: string;
  api: Api;
}

export interface TestServer {
  server: RunningServer;
  url: string;
  dataDir: string;
  adminToken: string;
  admin: Api;
  /** A client for any token (or none). */
  client(token?: string): Api;
  /** Creates a user through users.create, as the admin. */
  createUser(role: Role, options?: { name?: string; email?: string; capacity?: number }): Promise<TestUser>;
  /** Closes the server and starts a new one on the same DATA_DIR (and admin token). */
  restart(): Promise<void>;
  /** Closes the server and removes DATA_DIR. */
  close(): Promise<void>;
}

export const silentLog = createLogger('silent');

export const makeDataDir = (): string => mkdtempSync(join(tmpdir(), 'leadsync-it-'));

export const randomToken = (): string => `test_${randomBytes(24).toString('base64url')}`;

/** rm -rf that retries: a folder just released by a server can briefly refuse (ENOTEMPTY, EBUSY). */
export async function removeDir(dir: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      return;
    } catch (err) {
      if (attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}

export function serverOptions(dataDir: string, adminToken: string, extra: Partial<ServerOptions> = {}): ServerOptions {
  return { dataDir, host: '127.0.0.1', port: 0, log: silentLog, adminToken, ...extra };
}

/** A real server on port 0 with a real lowdb store in a fresh temporary folder. */
export async function startTestServer(extra: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = makeDataDir();
  const adminToken = randomToken();
  let server = await startServer(serverOptions(dataDir, adminToken, extra));
  let n = 0;
  const ts: TestServer = {
    get server() {
      return server;
    },
    get url() {
      return server.url;
    },
    dataDir,
    adminToken,
    get admin() {
      return clientFor(server.url, adminToken);
    },
    client: (token) => clientFor(server.url, token),
    async createUser(role, options = {}) {
      n++;
      const tag = randomUUID().slice(0, 8);
      const { user, token } = await clientFor(server.url, adminToken).users.create.mutate({
        name: options.name ?? `Test ${role} ${n}`,
        email: options.email ?? `${role}${n}.${tag}@leadsync.example`,
        role,
        ...(options.capacity !== undefined ? { capacity: options.capacity } : {}),
      });
      return { user, token, api: clientFor(server.url, token) };
    },
    async restart() {
      await server.close();
      server = await startServer(serverOptions(dataDir, adminToken, extra));
    },
    async close() {
      await server.close();
      await removeDir(dataDir);
    },
  };
  return ts;
}

/** The tRPC error code of a failed call (fails the test if the call succeeded). */
/**
 * For a describe block whose tests each need a server of their own: returns the function that
 * starts one, and stops every server it started after each test.
 */
export function freshServers(): (...args: Parameters<typeof startTestServer>) => Promise<TestServer> {
  const servers: TestServer[] = [];
  afterEach(async () => {
    while (servers.length) await servers.pop()!.close();
  });
  return async (...args) => {
    const ts = await startTestServer(...args);
    servers.push(ts);
    return ts;
  };
}

export async function errorOf(call: Promise<unknown>): Promise<{ code: string; message: string; httpStatus: number | undefined; fields: string[] | undefined }> {
  try {
    await call;
  } catch (err) {
    if (err instanceof TRPCClientError) {
      const data = err.data as { code?: string; httpStatus?: number; fields?: string[] } | undefined;
      return { code: data?.code ?? 'UNKNOWN', message: err.message, httpStatus: data?.httpStatus, fields: data?.fields };
    }
    throw err;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Every lead that leads.list shows, paging with the cursor. */
export async function listAll(api: Api, filter: { status?: 'new' | 'assigned' | 'contacted' | 'qualified' | 'converted' | 'lost'; ownerId?: string } = {}, limit = 100) {
  const items: Awaited<ReturnType<Api['leads']['list']['query']>>['items'] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await api.leads.list.query({ ...filter, limit, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    pages++;
    if (!page.nextCursor) return { items, pages };
    cursor = page.nextCursor;
  }
}

import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../routers/_app.ts';

export interface Remote {
  server: string;
  token: string;
}

/** The server and token a data-changing command talks to: flags first, then the environment. */
export function remoteFrom(flags: { server?: string | undefined; token?: string | undefined }, env = process.env): Remote {
  const server = flags.server ?? env.LEADSYNC_URL ?? `http://127.0.0.1:${env.PORT ?? 4400}`;
  const token = flags.token ?? env.LEADSYNC_TOKEN;
  if (!token) throw new Error('no token: pass --token T or set LEADSYNC_TOKEN (an admin token, as printed on the first start)');
  return { server: server.replace(/\/+$/, ''), token };
}

export function apiClient(remote: Remote) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${remote.server}/trpc`, headers: () => ({ authorization: `Bearer ${remote.token}` }) })],
  });
}

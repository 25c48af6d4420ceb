import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/routers/_app.ts';
import { BATCH_MAX } from '../../shared/schemas/api.ts';
import { FAILURE_CODES, type FailureCode, type Reply } from '../../shared/schemas/messages.ts';
import type { Settings } from '../storage/items.ts';

export type Api = ReturnType<typeof createApi>;

export function createApi(settings: Settings, fetchImpl: typeof fetch = fetch) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${settings.serverUrl.replace(/\/+$/, '')}/trpc`,
        maxItems: BATCH_MAX,
        // A page's lookup can carry 200 addresses: too long for a URL, so queries go as POST.
        methodOverride: 'POST',
        headers: () => ({ authorization: `Bearer ${settings.token}` }),
        fetch: (input, init) => fetchImpl(input, init),
      }),
    ],
  });
}

const isFailureCode = (code: unknown): code is FailureCode => FAILURE_CODES.includes(code as FailureCode);

/** Any failure as a reply the UI can show: the server's own message, or why it could not be reached. */
export function toFailure(err: unknown, serverUrl: string): Reply<never> {
  if (err instanceof TRPCClientError) {
    const code = (err.data as { code?: unknown } | undefined)?.code;
    if (isFailureCode(code)) return { ok: false, code, message: err.message };
    if (code === undefined) {
      return { ok: false, code: 'UNREACHABLE', message: `Cannot reach the Leadsync server at ${serverUrl}. Is it running?` };
    }
    return { ok: false, code: 'ERROR', message: err.message };
  }
  return { ok: false, code: 'ERROR', message: err instanceof Error ? err.message : String(err) };
}

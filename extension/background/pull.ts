import type { Settings } from '../storage/items.ts';
import { createApi, toFailure } from '../sync/api.ts';
import { applyPull, emptyCache, type SyncCache } from '../sync/cache-plan.ts';
import type { Reply } from '../../shared/schemas/messages.ts';
import type { SyncStorage } from './sync-types.ts';
import { withTimeout } from './outbox.ts';
import { serial } from './serial.ts';

export interface PullDeps {
  storage: SyncStorage;
  fetch: typeof fetch;
  now(): Date;
  settings(): Promise<Settings>;
}

/** Whose offline copy it is: the server and a digest of the token (the token itself is not repeated). */
export async function accountKey(settings: Settings): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(settings.token));
  const hex = [...new Uint8Array(digest)].slice(0, 12).map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${settings.serverUrl.replace(/\/+$/, '')}#${hex}`;
}

/** The copy for the account in the settings; another account's copy is not shown, it is replaced. */
export async function cacheFor(deps: Pick<PullDeps, 'storage' | 'settings'>): Promise<SyncCache> {
  const key = await accountKey(await deps.settings());
  const cache = await deps.storage.cache.getValue();
  return cache?.account === key ? cache : emptyCache(key);
}

/** Changes the copy of the account in the settings, one change at a time. */
export async function updateCache(deps: Pick<PullDeps, 'storage' | 'settings'>, change: (cache: SyncCache) => SyncCache): Promise<SyncCache> {
  return serial(deps.storage.cache, async () => {
    const next = change(await cacheFor(deps));
    await deps.storage.cache.setValue(next);
    return next;
  });
}

/** At most this many pages in one refresh; a rep with more leads continues at the next one. */
const MAX_PAGES = 50;
const PAGE = 500;

const pulling = new WeakMap<SyncStorage, Promise<Reply<SyncCache>>>();

/** Brings the offline copy up to date through the change feed: only what changed since its cursor. */
export function pullChanges(deps: PullDeps): Promise<Reply<SyncCache>> {
  const prior = pulling.get(deps.storage);
  if (prior) return prior;
  const run = refresh(deps).finally(() => pulling.delete(deps.storage));
  pulling.set(deps.storage, run);
  return run;
}

async function refresh(deps: PullDeps): Promise<Reply<SyncCache>> {
  const settings = await deps.settings();
  if (!settings.token) return { ok: false, code: 'NOT_CONFIGURED', message: 'Leadsync is not connected yet.' };
  let cache = await cacheFor(deps);
  const api = createApi(settings, withTimeout(deps.fetch));
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const asked = cache.cursor;
      const result = await api.sync.pull.query({ ...(asked ? { cursor: asked } : {}), limit: PAGE });
      // Each page is kept as it comes: a connection lost halfway loses nothing already pulled.
      // Only onto the copy it was asked for: another account's, or a newer one, is not touched.
      cache = await updateCache(deps, (latest) => (latest.cursor === asked ? applyPull(latest, result, deps.now()) : latest));
      if (!result.more || cache.cursor !== result.cursor) break;
    }
  } catch (err) {
    const failure = toFailure(err, settings.serverUrl);
    if (!failure.ok && failure.code === 'UNREACHABLE') await deps.storage.state.setValue({ ...(await deps.storage.state.getValue()), offline: true });
    return failure;
  }
  await deps.storage.state.setValue({ offline: false, lastContactAt: deps.now().toISOString() });
  return { ok: true, data: cache };
}

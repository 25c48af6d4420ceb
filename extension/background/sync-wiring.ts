import { browser } from '#imports';
import type { ParsedMessage, Reply } from '../../shared/schemas/messages.ts';
import { settingsItem } from '../storage/items.ts';
import { conflictsItem, outboxItem, rejectedItem, syncCacheItem, syncStateItem } from '../storage/sync.ts';
import { paintBadge } from './badge.ts';
import { handleOffline, type OfflineDeps } from './offline.ts';
import { flushOutbox } from './outbox.ts';
import { pullChanges } from './pull.ts';

/** Wakes the replay after a backoff; an alarm, because the worker may be stopped meanwhile. */
export const OUTBOX_ALARM = 'leadsync-outbox';
/** Refreshes the offline copy and retries what waits, while the browser runs. */
export const SYNC_ALARM = 'leadsync-sync';
const SYNC_MINUTES = 1;

/** The outbox and the offline copy in the extension: browser storage, alarms and the badge around the sync plan. */
export function createSync(base: Omit<OfflineDeps, 'storage' | 'now' | 'random' | 'wakeIn' | 'changed'>) {
  const storage = { outbox: outboxItem, conflicts: conflictsItem, rejected: rejectedItem, cache: syncCacheItem, state: syncStateItem };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deps: OfflineDeps = {
    ...base,
    storage,
    now: () => new Date(),
    random: Math.random,
    wakeIn(ms) {
      // The timer serves while the worker lives; the alarm wakes it if it was stopped.
      clearTimeout(timer);
      timer = setTimeout(() => void flushOutbox(deps), ms);
      void browser.alarms.create(OUTBOX_ALARM, { when: Date.now() + ms });
    },
    async changed({ sent }) {
      if (sent > 0) {
        await pullChanges(deps);
        await base.followUpsChanged?.();
      }
      await paintBadge(new Date());
    },
  };

  /** The pull is the probe: once the server answers it, whatever waits goes at once, whatever its backoff. */
  const catchUp = async () => {
    const pulled = await pullChanges(deps);
    await flushOutbox(deps, pulled.ok);
  };

  return {
    deps,
    handle: (msg: ParsedMessage): Promise<Reply<never>> => handleOffline(msg, deps),
    /** Listeners first, synchronously (MV3); then a replay of whatever waited while the worker slept. */
    register() {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === OUTBOX_ALARM) void flushOutbox(deps);
        if (alarm.name === SYNC_ALARM) void catchUp();
      });
      // Any change to what waits shows on the badge at once, whoever made it.
      for (const item of [outboxItem, conflictsItem, rejectedItem, syncStateItem]) item.watch(() => void paintBadge(new Date()));
      // Another server or token: its own copy, pulled at once.
      settingsItem.watch(() => void catchUp());
      void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_MINUTES, delayInMinutes: SYNC_MINUTES });
      void catchUp();
    },
  };
}

import { storage } from '#imports';
import type { ConflictEntry, SyncState } from '../background/sync-types.ts';
import type { SyncCache } from '../sync/cache-plan.ts';
import type { OutboxEntry, RejectedEntry } from '../sync/outbox-plan.ts';

/** Writes made while the server could not be reached, oldest first. Survives the worker's shutdown and a browser restart. */
export const outboxItem = storage.defineItem<OutboxEntry[]>('local:outbox', { fallback: [], version: 1 });

/** Offline edits that met someone else's change to the same field: the rep chooses. */
export const conflictsItem = storage.defineItem<ConflictEntry[]>('local:syncConflicts', { fallback: [], version: 1 });

/** Writes the server refused for good, with its reason, until the rep has read them. */
export const rejectedItem = storage.defineItem<RejectedEntry[]>('local:syncRejected', { fallback: [], version: 1 });

/** The rep's own leads and recent lookups, for the popup and the badges while offline. */
export const syncCacheItem = storage.defineItem<SyncCache | null>('local:syncCache', { fallback: null, version: 1 });

/** Whether the server answered last time, and when. */
export const syncStateItem = storage.defineItem<SyncState>('local:syncState', { fallback: { offline: false }, version: 1 });

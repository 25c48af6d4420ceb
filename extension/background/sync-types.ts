import type { FieldConflict, FieldValues, Patch } from '../sync/conflict-plan.ts';
import type { SyncCache } from '../sync/cache-plan.ts';
import type { Account, OutboxEntry, RejectedEntry } from '../sync/outbox-plan.ts';

/** An offline edit that met someone else's change to the same field, waiting for the rep's choice. */
export interface ConflictEntry {
  id: string;
  leadId: string;
  leadName: string;
  account: Account;
  /** The version the choice applies to. */
  version: number;
  /** The part of the edit nobody disputed. */
  patch: Patch;
  fields: FieldConflict[];
  /** The lead's values now, for the fields in question: the base of the edit the choice makes. */
  base: FieldValues;
  lostReason?: string;
  at: string;
}

export interface SyncState {
  /** The last call to the server found nobody there. */
  offline: boolean;
  /** When the server last answered (ISO). */
  lastContactAt?: string;
}

/** What the popup shows about syncing. */
export interface SyncStatus {
  offline: boolean;
  waiting: { id: string; text: string; queuedAt: string; attempts: number; nextAt: string; lastError?: string }[];
  conflicts: ConflictEntry[];
  rejected: { id: string; text: string; message: string; at: string }[];
  /** When the offline copy last matched the server. */
  syncedAt: string | null;
}

/** Somewhere to keep a value: a WXT storage item in the extension, a variable in tests. */
export interface Slot<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface SyncStorage {
  outbox: Slot<OutboxEntry[]>;
  conflicts: Slot<ConflictEntry[]>;
  rejected: Slot<RejectedEntry[]>;
  cache: Slot<SyncCache | null>;
  state: Slot<SyncState>;
}

/** An in-memory SyncStorage, for tests and for tools that run the sync outside a browser. */
export function memorySyncStorage(): SyncStorage {
  const slot = <T>(initial: T): Slot<T> => {
    let value = initial;
    return {
      getValue: async () => structuredClone(value),
      setValue: async (v) => {
        value = structuredClone(v);
      },
    };
  };
  return { outbox: slot<OutboxEntry[]>([]), conflicts: slot<ConflictEntry[]>([]), rejected: slot<RejectedEntry[]>([]), cache: slot<SyncCache | null>(null), state: slot<SyncState>({ offline: false }) };
}

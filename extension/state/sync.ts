import { signal } from '@preact/signals';
import type { Reply } from '../../shared/schemas/messages.ts';
import type { SyncStatus } from '../background/sync-types.ts';
import type { Send } from '../content/scanner.ts';
import type { EditableField } from '../sync/conflict-plan.ts';

/** The popup's view of syncing: what waits, what needs the rep's choice, what the server refused. */
export function createSyncModel(deps: { send: Send; afterResolve?(leadId: string): Promise<void> }) {
  const status = signal<SyncStatus | null>(null);
  const busy = signal(false);
  const error = signal<string | null>(null);

  const take = (reply: Reply<SyncStatus>) => {
    if (reply.ok) {
      status.value = reply.data;
      error.value = null;
    } else if (reply.code !== 'NOT_CONFIGURED') {
      error.value = reply.message;
    }
  };

  async function load(): Promise<void> {
    take(await deps.send({ type: 'sync-status' }));
  }

  /** When the popup opens: show what is known at once, then try the server (the rep is looking). */
  async function open(): Promise<void> {
    await load();
    await syncNow();
  }

  async function syncNow(): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    try {
      take(await deps.send({ type: 'sync-now' }));
    } finally {
      busy.value = false;
    }
  }

  async function resolve(id: string, keepMine: EditableField[]): Promise<void> {
    const leadId = status.value?.conflicts.find((c) => c.id === id)?.leadId;
    busy.value = true;
    try {
      take(await deps.send({ type: 'resolve-conflict', id, keepMine }));
      if (leadId) await deps.afterResolve?.(leadId);
    } finally {
      busy.value = false;
    }
  }

  async function dismiss(id: string): Promise<void> {
    take(await deps.send({ type: 'dismiss-rejected', id }));
  }

  return { status, busy, error, load, open, syncNow, resolve, dismiss };
}
export type SyncModel = ReturnType<typeof createSyncModel>;

import type { Lead } from '../../shared/schemas/lead.ts';
import type { Reply } from '../../shared/schemas/messages.ts';
import type { Settings } from '../storage/items.ts';
import { createApi, toFailure } from '../sync/api.ts';
import { baseOf, choose, rebase, type EditableField } from '../sync/conflict-plan.ts';
import { describeEntry, nextToReplay, prepareForReplay, sameAccount, settle, type Account, type Attempt, type OutboxEntry, type OutboxOp } from '../sync/outbox-plan.ts';
import { serial } from './serial.ts';
import type { ConflictEntry, SyncStatus, SyncStorage } from './sync-types.ts';

export interface OutboxDeps {
  storage: SyncStorage;
  fetch: typeof fetch;
  now(): Date;
  random(): number;
  settings(): Promise<Settings>;
  /** Wakes the replay after `ms`, even if the worker is stopped meanwhile (an alarm in the extension). */
  wakeIn(ms: number): void;
  /** Something the rep sees changed: the badge, the follow-ups after a replayed activity. */
  changed?(what: { sent: number }): Promise<void>;
}

/** A hotel Wi-Fi that swallows requests must not hold the replay forever. */
export const REQUEST_TIMEOUT_MS = 15_000;

export function withTimeout(fetchImpl: typeof fetch, ms = REQUEST_TIMEOUT_MS): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal && typeof AbortSignal.any === 'function' ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetchImpl(input, { ...init, signal });
  };
}


export async function enqueue(deps: OutboxDeps, op: OutboxOp, account: Account): Promise<number> {
  const id = op.input.idempotencyKey;
  const at = deps.now().toISOString();
  return serial(deps.storage.outbox, async () => {
    const outbox = await deps.storage.outbox.getValue();
    // The same write queued twice (a double click that raced) is one write.
    if (!outbox.some((e) => e.id === id)) outbox.push({ id, op, account, queuedAt: at, attempts: 0, nextAt: at });
    await deps.storage.outbox.setValue(outbox);
    return outbox.length;
  });
}

async function send(entry: OutboxEntry, op: OutboxOp, deps: OutboxDeps): Promise<Attempt & { lead?: Lead }> {
  const api = createApi(entry.account, withTimeout(deps.fetch));
  try {
    switch (op.kind) {
      case 'capture':
        return { ok: true, lead: (await api.leads.capture.mutate(op.input)).lead };
      case 'activity':
        await api.activities.add.mutate(op.input);
        return { ok: true };
      case 'update':
        return { ok: true, lead: await api.leads.update.mutate(op.input) };
    }
  } catch (err) {
    const failure = toFailure(err, entry.account.serverUrl) as Extract<Reply<never>, { ok: false }>;
    return { ok: false, code: failure.code, message: failure.message };
  }
}

/** An edit that met a newer version: sent again when nobody else touched its fields, else put to the rep. */
async function resolveStale(entry: OutboxEntry, deps: OutboxDeps): Promise<{ kind: 'retry'; entry: OutboxEntry } | { kind: 'conflict'; conflict: ConflictEntry } | { kind: 'noop' } | { kind: 'unreachable'; message: string }> {
  if (entry.op.kind !== 'update') return { kind: 'noop' };
  const { op } = entry;
  let current: Lead;
  try {
    current = (await createApi(entry.account, withTimeout(deps.fetch)).leads.get.query({ id: op.input.id })).lead;
  } catch (err) {
    const failure = toFailure(err, entry.account.serverUrl);
    return { kind: 'unreachable', message: failure.ok ? '' : failure.message };
  }
  const plan = rebase(op.base, op.input.patch, current);
  if (plan.kind === 'noop') return plan;
  if (plan.kind === 'retry') {
    return { kind: 'retry', entry: { ...entry, attempts: 0, op: { ...op, input: { ...op.input, version: plan.version, patch: plan.patch } } } };
  }
  return {
    kind: 'conflict',
    conflict: {
      id: entry.id,
      leadId: current.id,
      leadName: current.name ?? current.email ?? current.phone ?? current.id,
      account: entry.account,
      version: plan.version,
      patch: plan.patch,
      fields: plan.fields,
      base: baseOf(current, { ...op.input.patch }),
      ...(op.input.patch.lostReason !== undefined ? { lostReason: op.input.patch.lostReason } : {}),
      at: deps.now().toISOString(),
    },
  };
}

export interface FlushReport {
  sent: number;
  waiting: number;
  offline: boolean;
}

const running = new WeakMap<SyncStorage, Promise<FlushReport>>();

/**
 * Replays the outbox in order until it is empty or the server stops answering; then sets the
 * wake-up for the next attempt. One replay at a time; `force` skips the current backoff (the
 * rep opened the popup or clicked Sync now).
 */
export function flushOutbox(deps: OutboxDeps, force = false): Promise<FlushReport> {
  const prior = running.get(deps.storage);
  if (prior) return force ? prior.then(() => flushOutbox(deps, true)) : prior;
  const run = replay(deps, force).finally(() => running.delete(deps.storage));
  running.set(deps.storage, run);
  return run;
}

async function replay(deps: OutboxDeps, force: boolean): Promise<FlushReport> {
  let sent = 0;
  let offline = false;
  let skipWait = force;
  for (let guard = 0; guard < 10_000; guard++) {
    const outbox = await deps.storage.outbox.getValue();
    const now = deps.now();
    const next = nextToReplay(skipWait ? outbox.map((e, i) => (i === 0 ? { ...e, nextAt: now.toISOString() } : e)) : outbox, now);
    skipWait = false;
    if (!next.entry) {
      if (next.wait !== undefined) deps.wakeIn(next.wait);
      break;
    }
    const entry = outbox[0] ?? next.entry;
    const attempt = await send(entry, prepareForReplay(entry.op, deps.now()), deps);
    const result = await serial(deps.storage.outbox, async () => {
      const fresh = await deps.storage.outbox.getValue();
      const s = settle(fresh, entry, attempt, deps.now(), deps.random());
      if (s.kind === 'conflict') {
        const stale = await resolveStale(entry, deps);
        if (stale.kind === 'unreachable') {
          // Not resolved yet: the edit keeps its place and is tried again later.
          const again = settle(fresh, entry, { ok: false, code: 'UNREACHABLE', message: stale.message }, deps.now(), deps.random());
          await deps.storage.outbox.setValue(again.outbox);
          return again;
        }
        if (stale.kind === 'retry') {
          await deps.storage.outbox.setValue(fresh.map((e) => (e.id === entry.id ? stale.entry : e)));
          return { kind: 'rebased' as const };
        }
        if (stale.kind === 'conflict') await deps.storage.conflicts.setValue([...(await deps.storage.conflicts.getValue()).filter((c) => c.id !== entry.id), stale.conflict]);
        await deps.storage.outbox.setValue(s.outbox);
        return s;
      }
      if (s.kind === 'rejected') await deps.storage.rejected.setValue([...(await deps.storage.rejected.getValue()), s.rejected]);
      await deps.storage.outbox.setValue(s.outbox);
      return s;
    });
    if (result.kind === 'retry') {
      offline = !attempt.ok && attempt.code === 'UNREACHABLE';
      deps.wakeIn(result.wait);
      break;
    }
    if (result.kind === 'done') sent++;
  }
  const waiting = (await deps.storage.outbox.getValue()).length;
  const state = await deps.storage.state.getValue();
  if (offline && !state.offline) await deps.storage.state.setValue({ ...state, offline: true });
  else if (sent > 0) await deps.storage.state.setValue({ offline: false, lastContactAt: deps.now().toISOString() });
  await deps.changed?.({ sent });
  return { sent, waiting, offline };
}

/** The rep's answer to a conflict: the chosen values go out as a new edit, on the version they were shown. */
export async function resolveConflict(deps: OutboxDeps, id: string, keepMine: readonly EditableField[]): Promise<boolean> {
  const conflicts = await deps.storage.conflicts.getValue();
  const conflict = conflicts.find((c) => c.id === id);
  if (!conflict) return false;
  const patch = choose(conflict, new Set(keepMine));
  await deps.storage.conflicts.setValue(conflicts.filter((c) => c.id !== id));
  if (Object.keys(patch).length > 0) {
    const key = crypto.randomUUID();
    await enqueue(
      deps,
      { kind: 'update', input: { id: conflict.leadId, version: conflict.version, patch, idempotencyKey: key }, base: conflict.base, leadName: conflict.leadName },
      conflict.account,
    );
  }
  await flushOutbox(deps, true);
  return true;
}

export async function dismissRejected(deps: OutboxDeps, id: string): Promise<void> {
  await deps.storage.rejected.setValue((await deps.storage.rejected.getValue()).filter((r) => r.entry.id !== id));
  await deps.changed?.({ sent: 0 });
}

/** What the popup shows: the writes of this account that wait, what needs the rep, and whether the server answers. */
export async function syncStatus(deps: Pick<OutboxDeps, 'storage' | 'settings'>): Promise<SyncStatus> {
  const [settings, outbox, conflicts, rejected, state, cache] = await Promise.all([
    deps.settings(),
    deps.storage.outbox.getValue(),
    deps.storage.conflicts.getValue(),
    deps.storage.rejected.getValue(),
    deps.storage.state.getValue(),
    deps.storage.cache.getValue(),
  ]);
  const mine = (a: Account) => sameAccount(a, settings);
  return {
    offline: state.offline,
    waiting: outbox.filter((e) => mine(e.account)).map((e) => ({ id: e.id, text: describeEntry(e), queuedAt: e.queuedAt, attempts: e.attempts, nextAt: e.nextAt, ...(e.lastError ? { lastError: e.lastError } : {}) })),
    conflicts: conflicts.filter((c) => mine(c.account)),
    rejected: rejected.filter((r) => mine(r.entry.account)).map((r) => ({ id: r.entry.id, text: describeEntry(r.entry), message: r.message, at: r.at })),
    syncedAt: cache?.syncedAt ?? null,
  };
}

import type { z } from 'zod';
import type { activityAddInput } from '../../shared/schemas/activity.ts';
import type { updateInput } from '../../shared/schemas/api.ts';
import type { CaptureInput } from '../../shared/schemas/lead.ts';
import type { FailureCode } from '../../shared/schemas/messages.ts';
import type { FieldValues } from './conflict-plan.ts';

/** Whose write it is: a capture made as Ana replays as Ana, even if the settings change meanwhile. */
export interface Account {
  serverUrl: string;
  token: string;
}

export type OutboxOp =
  | { kind: 'capture'; input: CaptureInput & { idempotencyKey: string } }
  | { kind: 'activity'; input: z.output<typeof activityAddInput> & { idempotencyKey: string }; leadName?: string }
  | {
      kind: 'update';
      input: z.output<typeof updateInput> & { idempotencyKey: string };
      /** The lead's values of the patched fields as the rep saw them: what "changed meanwhile" is measured against. */
      base: FieldValues;
      leadName?: string;
    };

export interface OutboxEntry {
  /** The idempotency key the server deduplicates by. */
  id: string;
  op: OutboxOp;
  account: Account;
  queuedAt: string;
  attempts: number;
  /** Not before this time (ISO): the backoff after a failed attempt. */
  nextAt: string;
  lastError?: string;
}

/** A write the server refused for good (bad input, no right): kept for the rep to read, never retried. */
export interface RejectedEntry {
  entry: OutboxEntry;
  code: FailureCode;
  message: string;
  at: string;
}

/** Waits after the 1st, 2nd … failed attempt; the last one repeats. */
export const BACKOFF_MS = [2_000, 5_000, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000] as const;

/** The wait after `attempts` failures, spread by ±25% (`random` in [0, 1)) so many clients do not return at once. */
export function backoffMs(attempts: number, random: number): number {
  const base = BACKOFF_MS[Math.min(Math.max(attempts, 1), BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0];
  return Math.round(base * (0.75 + random / 2));
}

export const sameAccount = (a: Account, b: Account): boolean => a.serverUrl.replace(/\/+$/, '') === b.serverUrl.replace(/\/+$/, '') && a.token === b.token;

/**
 * What to replay now: the oldest entry, and only when its backoff has passed. Order is kept:
 * an edit after an activity must not overtake it, so a waiting head holds back everything behind it.
 * `wait` says how long until the head is due (undefined when the outbox is empty).
 */
export function nextToReplay(outbox: readonly OutboxEntry[], now: Date): { entry?: OutboxEntry; wait?: number } {
  const head = outbox[0];
  if (!head) return {};
  const wait = Date.parse(head.nextAt) - now.getTime();
  return wait <= 0 ? { entry: head } : { wait };
}

/** Failures that say nothing about the write itself: the server was not reached, or not itself. Retried. */
const TRANSIENT: ReadonlySet<FailureCode> = new Set(['UNREACHABLE', 'ERROR', 'UNAUTHORIZED', 'NOT_CONFIGURED']);

export type Attempt = { ok: true } | { ok: false; code: FailureCode; message: string };

export type Settled =
  | { kind: 'done'; outbox: OutboxEntry[] }
  | { kind: 'retry'; outbox: OutboxEntry[]; wait: number }
  /** A stale version: the caller compares with the lead as it is now (conflict-plan.ts). */
  | { kind: 'conflict'; outbox: OutboxEntry[]; entry: OutboxEntry }
  | { kind: 'rejected'; outbox: OutboxEntry[]; rejected: RejectedEntry };

/** The outbox after one attempt of `entry`. The entry leaves it on success, a conflict or a refusal. */
export function settle(outbox: readonly OutboxEntry[], entry: OutboxEntry, attempt: Attempt, now: Date, random: number): Settled {
  const rest = outbox.filter((e) => e.id !== entry.id);
  if (attempt.ok) return { kind: 'done', outbox: rest };
  if (TRANSIENT.has(attempt.code)) {
    const attempts = entry.attempts + 1;
    const wait = backoffMs(attempts, random);
    const retried: OutboxEntry = { ...entry, attempts, nextAt: new Date(now.getTime() + wait).toISOString(), lastError: attempt.message };
    return { kind: 'retry', outbox: outbox.map((e) => (e.id === entry.id ? retried : e)), wait };
  }
  // Only a stale version is a conflict to resolve; "that email belongs to another lead" is a refusal.
  if (attempt.code === 'CONFLICT' && entry.op.kind === 'update' && /^version/.test(attempt.message)) {
    return { kind: 'conflict', outbox: rest, entry };
  }
  return { kind: 'rejected', outbox: rest, rejected: { entry, code: attempt.code, message: attempt.message, at: now.toISOString() } };
}

/**
 * The op as it is sent now. A follow-up asked for "in 2 hours" from a train three hours ago is
 * due now: the server refuses a follow-up in the past, so it is moved to the moment of replay.
 */
export function prepareForReplay(op: OutboxOp, now: Date): OutboxOp {
  if (op.kind !== 'activity' || op.input.followUpAt === undefined) return op;
  if (Date.parse(op.input.followUpAt) >= now.getTime()) return op;
  return { ...op, input: { ...op.input, followUpAt: now.toISOString() } };
}

/** A line a rep understands for each waiting write. */
export function describeEntry(entry: OutboxEntry): string {
  const { op } = entry;
  switch (op.kind) {
    case 'capture':
      return `Capture ${op.input.name ?? op.input.email ?? op.input.phone ?? 'a contact'}`;
    case 'activity':
      return `${op.input.type[0]?.toUpperCase()}${op.input.type.slice(1)}${op.input.outcome ? ` (${op.input.outcome.replace('_', ' ')})` : ''} on ${op.leadName ?? 'a lead'}`;
    case 'update':
      return `Edit of ${op.leadName ?? 'a lead'}: ${Object.keys(op.input.patch).filter((k) => k !== 'region').join(', ')}`;
  }
}

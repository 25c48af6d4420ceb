import { z } from 'zod';
import type { Activity } from './activity.ts';
import type { Lead } from './lead.ts';

/** Most changes one `sync.pull` answers; the rest follow with `more: true` and the new cursor. */
export const PULL_MAX = 1000;

/** A position in the change feed, as `sync.pull` answered it. Opaque to clients. */
export const syncCursor = z.string().regex(/^\d{1,15}$/, 'is not a cursor from sync.pull');

export const pullInput = z
  .object({
    /** Absent: everything the caller owns, from scratch (`reset: true`). */
    cursor: syncCursor.optional(),
    limit: z.number().int().min(1).max(PULL_MAX).default(200),
  })
  .prefault({});
export type PullInput = z.infer<typeof pullInput>;

/** One change the caller should apply to their copy. */
export type SyncChange =
  /** A lead the caller owns, created, updated or newly assigned to them, with all its activities. */
  | { type: 'lead'; lead: Lead; activities: Activity[] }
  /** A lead the caller owned that now belongs to someone else (or to the queue): drop it. */
  | { type: 'removed'; leadId: string; ownerId: string | null; ownerName?: string };

export interface PullResult {
  cursor: string;
  /** The caller's copy must be emptied before applying these changes (first pull, or a cursor this server cannot continue). */
  reset: boolean;
  /** More changes wait: pull again with `cursor` at once. */
  more: boolean;
  changes: SyncChange[];
}

import { z } from 'zod';

const EDITABLE = ['name', 'email', 'phone', 'title', 'company', 'website', 'address', 'territory', 'status'] as const;

/** The values of a lead's fields as the rep saw them when editing (null: empty). */
export const editBase = z.partialRecord(z.enum(EDITABLE), z.string().max(500).nullable());

/** The popup's questions about the outbox, and its answers to a conflict. */
export const syncMessages = [
  /** What waits, what needs the rep, and whether the server answers; also nudges a sync. */
  z.object({ type: z.literal('sync-status') }),
  /** Replays the outbox now, then refreshes the offline copy. */
  z.object({ type: z.literal('sync-now') }),
  /** The rep's choice for an edit that met someone else's: the fields where their own value wins. */
  z.object({ type: z.literal('resolve-conflict'), id: z.string().min(1).max(128), keepMine: z.array(z.enum(EDITABLE)).max(EDITABLE.length) }),
  /** The rep has read why the server refused a write. */
  z.object({ type: z.literal('dismiss-rejected'), id: z.string().min(1).max(128) }),
] as const;

import { z } from 'zod';
import { id } from './fields.ts';
import { leadPatch, leadStatus, scoreReason } from './lead.ts';
import { LOOKUP_MAX } from './limits.ts';

export { LOOKUP_MAX };
export const LIST_MAX = 100;
export const BATCH_MAX = 20;

export const lookupInput = z.object({
  emails: z.array(z.string().max(254)).max(LOOKUP_MAX).optional(),
  phones: z.array(z.string().max(40)).max(LOOKUP_MAX).optional(),
  region: z.string().regex(/^[A-Za-z]{2}$/).optional(),
})
  // Every field is optional, so no input at all (a bare GET) means an empty lookup.
  .prefault({});

export const lookupMatch = z.object({
  key: z.string(),
  leadId: z.string(),
  score: z.number(),
  grade: z.string(),
  status: leadStatus,
  /** The top reasons up, then down, for the badge's tooltip. */
  reasons: z.array(scoreReason).optional(),
  ownerName: z.string().optional(),
  /** When the lead entered its status (ISO), for "contacted 2 days ago". */
  statusSince: z.string().optional(),
});
export type LookupMatch = z.infer<typeof lookupMatch>;

export const getInput = z.object({ id });

export const listInput = z.object({
  status: leadStatus.optional(),
  /** A user id, `me` for the caller, or `none` for unassigned leads. */
  ownerId: z.union([id, z.literal('me'), z.literal('none')]).optional(),
  q: z.string().max(200).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(LIST_MAX).default(50),
})
  // No input at all (a bare GET) lists the newest leads, like `{}`.
  .prefault({});
export type ListInput = z.infer<typeof listInput>;

export const updateInput = z.object({
  id,
  version: z.number().int().min(1),
  patch: leadPatch,
  /** A client's key: a retried or replayed update takes effect once and answers as the first did. */
  idempotencyKey: z.string().min(8).max(128).optional(),
});

export const nextInput = z
  .object({ requestId: z.string().min(8).max(128).optional() })
  .default({});

export const assignInput = z.object({ leadId: id, userId: id });

import { z } from 'zod';

/** How many of the queue's best leads a team lead sees, to pick one to push to a rep. */
export const QUEUE_PEEK_MAX = 50;
export const queuePeekInput = z
  .object({ limit: z.number().int().min(1).max(QUEUE_PEEK_MAX).default(20) })
  .prefault({});

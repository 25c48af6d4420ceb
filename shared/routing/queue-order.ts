/** What the queue orders leads by. */
export interface QueueKey {
  id: string;
  score: number;
  createdAt: string;
}

/**
 * Next lead order: score descending, then oldest first. Leads captured in the same millisecond
 * fall back to their ids, which sort in capture order: first in, first out, never by rep.
 */
export const compareQueue = (a: QueueKey, b: QueueKey): number =>
  b.score - a.score || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

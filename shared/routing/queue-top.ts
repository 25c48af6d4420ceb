import { compareQueue, type QueueKey } from './queue-order.ts';

/**
 * The first `limit` keys in Next lead order, in one pass that keeps only `limit` of them sorted:
 * a team lead's view of the queue costs the queue's length, never a sort of all of it.
 */
export function topOfQueue<K extends QueueKey>(keys: Iterable<K>, limit: number): K[] {
  const top: K[] = [];
  if (limit <= 0) return top;
  for (const key of keys) {
    const last = top.at(-1);
    if (top.length === limit && last && compareQueue(key, last) >= 0) continue;
    let i = top.length;
    while (i > 0 && compareQueue(key, top[i - 1]!) < 0) i--;
    top.splice(i, 0, key);
    if (top.length > limit) top.pop();
  }
  return top;
}

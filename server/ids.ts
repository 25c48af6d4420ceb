import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * Ids that sort in creation order within one server (time, then a counter), with random bits
 * so that they cannot be guessed from one another.
 */
export function newId(prefix: string, now: Date): string {
  const ms = Math.max(now.getTime(), lastMs);
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  return `${prefix}_${ms.toString(36).padStart(9, '0')}${counter.toString(36).padStart(3, '0')}${randomBytes(4).toString('hex')}`;
}

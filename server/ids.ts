import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

// Random bytes drawn in blocks: one crypto call per 1,024 ids instead of one per id.
const POOL = 4096;
let pool = randomBytes(POOL);
let offset = 0;
function random4(): string {
  if (offset + 4 > POOL) {
    pool = randomBytes(POOL);
    offset = 0;
  }
  offset += 4;
  return pool.toString('hex', offset - 4, offset);
}

/**
 * Ids that sort in creation order within one server (time, then a counter), with random bits
 * so that they cannot be guessed from one another.
 */
export function newId(prefix: string, now: Date): string {
  const ms = Math.max(now.getTime(), lastMs);
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  return `${prefix}_${ms.toString(36).padStart(9, '0')}${counter.toString(36).padStart(3, '0')}${random4()}`;
}

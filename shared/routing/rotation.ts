import type { Rep } from './types.ts';

/**
 * The first rep after `last` in id order, wrapping around, among those `accept` allows. Reps
 * are sorted by id, so the rotation stays fair when reps join, leave or go away: nobody is
 * skipped twice and nobody who comes back is owed a backlog.
 */
export function nextInRotation(reps: readonly Rep[], last: string | undefined, accept: (rep: Rep) => boolean = () => true): { rep: Rep; position: number } | null {
  if (reps.length === 0) return null;
  let start = 0;
  if (last !== undefined) {
    const after = reps.findIndex((r) => r.id > last);
    start = after === -1 ? 0 : after;
  }
  for (let i = 0; i < reps.length; i++) {
    const position = (start + i) % reps.length;
    const rep = reps[position];
    if (rep && accept(rep)) return { rep, position };
  }
  return null;
}

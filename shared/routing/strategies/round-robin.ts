import { nextInRotation } from '../rotation.ts';
import type { Strategy } from '../types.ts';

/** Each eligible rep in turn. */
export const roundRobin: Strategy = {
  id: 'round-robin',
  label: 'Round-robin',
  pick(reps, _lead, state) {
    const next = nextInRotation(reps, state.last);
    if (!next) return null;
    return { repId: next.rep.id, state: { last: next.rep.id }, position: next.position, why: `round-robin, position ${next.position + 1} of ${reps.length}` };
  },
};

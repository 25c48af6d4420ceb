import { nextInRotation } from '../rotation.ts';
import type { Rep, Strategy } from '../types.ts';

const load = (rep: Rep): number => (rep.capacity > 0 ? rep.open / rep.capacity : 1);

/**
 * The rep with the lowest load against their cap; ties go round in id order. A rep back from
 * being away is the least loaded for a while, so no rep gets two leads in a row while another
 * eligible rep has room: the returning rep catches up at most every other lead, not in a flood.
 */
export const leastLoaded: Strategy = {
  id: 'least-loaded',
  label: 'Least loaded',
  pick(reps, _lead, state) {
    const pool = reps.length > 1 ? reps.filter((r) => r.id !== state.last) : reps;
    const lowest = Math.min(...pool.map(load));
    const next = nextInRotation(pool, state.last, (r) => load(r) === lowest);
    if (!next) return null;
    return {
      repId: next.rep.id,
      state: { last: next.rep.id },
      position: next.position,
      why: `least loaded: ${next.rep.open} open of ${next.rep.capacity}`,
    };
  },
};

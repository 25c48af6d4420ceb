import type { Strategy } from '../types.ts';

/**
 * Smooth weighted round-robin (as in nginx): every pick, each eligible rep earns their weight
 * in credit; the richest rep gets the lead and pays back the total. Shares match the weights
 * and the picks interleave (weights 2:1 give A B A, not A A B). Credit is kept only for reps
 * who are eligible now, so a rep back from being away starts from zero: no catch-up flood.
 */
export const weightedRoundRobin: Strategy = {
  id: 'weighted-round-robin',
  label: 'Weighted round-robin',
  pick(reps, _lead, state) {
    const pool = reps.filter((r) => r.weight > 0);
    if (pool.length === 0) return null;
    const total = pool.reduce((sum, r) => sum + r.weight, 0);
    const credit: Record<string, number> = {};
    let best: { id: string; credit: number; position: number } | undefined;
    pool.forEach((rep, position) => {
      const c = (state.credit?.[rep.id] ?? 0) + rep.weight;
      credit[rep.id] = c;
      // Equal credit: the one after the last pick in id order, so ties rotate.
      const beatsTie = best !== undefined && c === best.credit && state.last !== undefined && best.id <= state.last && rep.id > state.last;
      if (!best || c > best.credit || beatsTie) best = { id: rep.id, credit: c, position };
    });
    if (!best) return null;
    credit[best.id] = best.credit - total;
    const rep = pool[best.position];
    return {
      repId: best.id,
      state: { last: best.id, credit },
      position: best.position,
      why: `weighted round-robin, weight ${rep?.weight ?? 0} of ${total}`,
    };
  },
};

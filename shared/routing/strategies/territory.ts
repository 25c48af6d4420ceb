import { nextInRotation } from '../rotation.ts';
import type { Strategy } from '../types.ts';

/**
 * Reps who name the lead's territory, in turn. Generalists (no territories) are left to the
 * next rule, and so is a lead without a territory or one nobody covers.
 */
export const territoryMatch: Strategy = {
  id: 'territory',
  label: 'Territory match',
  pick(reps, lead, state) {
    const territory = lead.territory;
    if (territory === undefined) return null;
    const covering = reps.filter((r) => r.territories.includes(territory));
    const next = nextInRotation(covering, state.last);
    if (!next) return null;
    return { repId: next.rep.id, state: { last: next.rep.id }, position: next.position, why: `territory ${territory}, rep ${next.position + 1} of ${covering.length} covering it` };
  },
};

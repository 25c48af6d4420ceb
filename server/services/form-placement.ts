import { isAwayAt } from '../../shared/routing/eligibility.ts';
import { repSettingsOf } from '../../shared/schemas/user.ts';
import type { Deps } from '../deps.ts';
import type { FormRecord, LeadRecord, Tx } from '../store/types.ts';
import { autoRoute } from './routing.ts';
import { moveLead } from './routing-moves.ts';

/**
 * Where a new lead from a form goes, in the capture's own transaction: to the form's owner while
 * they can take it; when they are inactive, away or at their cap, to the team's routing rules
 * (or the queue), as any other capture. A valid submission is never refused for it.
 */
export function placeFormLead(deps: Deps, tx: Tx, form: FormRecord, lead: LeadRecord, now: Date): LeadRecord {
  if (!form.ownerId) return autoRoute(deps, tx, lead, now);
  const owner = deps.repos.users.get(form.ownerId);
  const why = !owner?.active
    ? 'is not active'
    : isAwayAt(repSettingsOf(owner), now)
      ? 'is away'
      : deps.repos.leads.openCount(owner.id) >= owner.capacity
        ? 'is at their cap'
        : null;
  if (!owner || why) {
    deps.log.info('form owner cannot take the lead; routing it as any capture', { form: form.key, ownerId: form.ownerId, why });
    return autoRoute(deps, tx, lead, now);
  }
  return moveLead(deps, tx, lead, { to: owner.id, by: 'system', kind: 'routed', reason: `the form "${form.name}" sends its leads to ${owner.name}` }, now);
}

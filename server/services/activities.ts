import { CONTACT_TYPES, type Activity } from '../../shared/schemas/activity.ts';
import type { FieldChange } from '../../shared/merge.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../ids.ts';
import { IdempotencyRepo } from '../repos/idempotency.ts';
import type { LeadRecord, UserRecord } from '../store/types.ts';
import { addHistory, assertCanEdit, getLead, rescore } from './leads.ts';

export interface ActivityInput {
  leadId: string;
  type: Activity['type'];
  outcome?: string | undefined;
  note?: string | undefined;
  followUpAt?: string | undefined;
  idempotencyKey?: string | undefined;
}

/**
 * Logs a call, email, meeting or note. Reaching out (call, email, meeting) meets the contact-by
 * deadline and moves an assigned lead to contacted.
 */
export function addActivity(deps: Deps, user: UserRecord, input: ActivityInput): Promise<Activity> {
  const now = deps.now();
  const at = now.toISOString();
  return deps.store.transact((tx) => {
    const idemKey = input.idempotencyKey ? IdempotencyRepo.keyOf(user.id, 'activities.add', input.idempotencyKey) : undefined;
    const prior = idemKey ? deps.repos.idempotency.get(idemKey) : undefined;
    if (prior) return prior.response as Activity;
    const lead = getLead(deps, input.leadId);
    assertCanEdit(user, lead);
    const activity: Activity = {
      id: newId('act', now),
      leadId: lead.id,
      userId: user.id,
      type: input.type,
      ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.followUpAt !== undefined ? { followUpAt: input.followUpAt } : {}),
      at,
    };
    deps.repos.activities.add(tx, activity);
    const next: LeadRecord = { ...lead, version: lead.version + 1, updatedAt: at };
    const changes: FieldChange[] = [];
    if (CONTACT_TYPES.has(input.type)) {
      if (lead.contactBy) changes.push({ field: 'contactBy', from: lead.contactBy, to: null });
      next.contactBy = null;
      if (lead.status === 'assigned') {
        next.status = 'contacted';
        changes.push({ field: 'status', from: lead.status, to: 'contacted' });
      }
    }
    // The new activity reaches the repository's index only when the transaction lands.
    deps.repos.leads.put(tx, rescore(deps, next, now, [activity]));
    addHistory(deps, tx, now, { leadId: lead.id, by: user.id, action: 'activity', changes, note: `${input.type}${input.outcome ? ` (${input.outcome})` : ''}` });
    if (idemKey) deps.repos.idempotency.put(tx, { id: idemKey, userId: user.id, at, response: activity });
    return activity;
  });
}

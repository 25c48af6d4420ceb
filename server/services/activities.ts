import { TRPCError } from '@trpc/server';
import { OPEN_STATUSES } from '../../shared/pipeline.ts';
import { CONTACT_TYPES, type Activity } from '../../shared/schemas/activity.ts';
import type { FollowUp } from '../../shared/schemas/team.ts';
import type { FieldChange } from '../../shared/merge.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../ids.ts';
import { IDEMPOTENCY_TTL_MS, IdempotencyRepo } from '../repos/idempotency.ts';
import type { LeadRecord, UserRecord } from '../store/types.ts';
import { addHistory, assertCanEdit, getLead, rescore, scoreChange } from './leads.ts';

export interface ActivityInput {
  leadId: string;
  type: Activity['type'];
  outcome?: string | undefined;
  note?: string | undefined;
  followUpAt?: string | undefined;
  idempotencyKey?: string | undefined;
  at?: string | undefined;
}

/**
 * When an activity happened: the client's time for one logged offline, but never later than now
 * (a clock that runs ahead) nor earlier than the idempotency window (a replay that old is suspect).
 */
export function occurredAt(claimed: string | undefined, now: Date): string {
  const t = claimed === undefined ? NaN : Date.parse(claimed);
  if (Number.isNaN(t)) return now.toISOString();
  return new Date(Math.min(now.getTime(), Math.max(t, now.getTime() - IDEMPOTENCY_TTL_MS))).toISOString();
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
    // A minute of grace for clocks that disagree; an hour ago is a typo, not a reminder.
    if (input.followUpAt !== undefined && Date.parse(input.followUpAt) < now.getTime() - 60_000) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: `followUpAt: ${input.followUpAt} is in the past` });
    }
    const activity: Activity = {
      id: newId('act', now),
      leadId: lead.id,
      userId: user.id,
      type: input.type,
      ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.followUpAt !== undefined ? { followUpAt: input.followUpAt } : {}),
      at: occurredAt(input.at, now),
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
    const saved = rescore(deps, next, now, [activity]);
    deps.repos.leads.put(tx, saved);
    changes.push(...scoreChange(lead, saved));
    addHistory(deps, tx, now, { leadId: lead.id, by: user.id, action: 'activity', changes, note: `${input.type}${input.outcome ? ` (${input.outcome})` : ''}` });
    if (idemKey) deps.repos.idempotency.put(tx, { id: idemKey, userId: user.id, at, response: activity });
    return activity;
  });
}

/** The caller's pending follow-ups on the open leads they own, soonest first (optionally only those due before `before`). */
export function followUpsFor(deps: Deps, user: UserRecord, before?: string): FollowUp[] {
  const due: FollowUp[] = [];
  for (const activity of deps.repos.activities.pendingFollowUps()) {
    if (!activity.followUpAt || (before !== undefined && activity.followUpAt > before)) continue;
    const lead = deps.repos.leads.get(activity.leadId);
    if (!lead || lead.ownerId !== user.id || !OPEN_STATUSES.has(lead.status)) continue;
    due.push({
      activityId: activity.id,
      leadId: lead.id,
      leadName: lead.name ?? lead.email ?? lead.phone ?? lead.id,
      ...(lead.company ? { company: lead.company } : {}),
      type: activity.type,
      followUpAt: activity.followUpAt,
    });
  }
  return due.sort((a, b) => a.followUpAt.localeCompare(b.followUpAt));
}

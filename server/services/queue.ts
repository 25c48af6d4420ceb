import { TRPCError } from '@trpc/server';
import { OPEN_STATUSES } from '../../shared/pipeline.ts';
import { repSettingsOf } from '../../shared/schemas/user.ts';
import type { Lead } from '../../shared/schemas/lead.ts';
import type { Deps } from '../deps.ts';
import { IdempotencyRepo } from '../repos/idempotency.ts';
import { publicLead } from '../repos/leads.ts';
import type { LeadRecord, UserRecord } from '../store/types.ts';
import { addHistory, getLead } from './leads.ts';
import { moveLead, routingConfigOf } from './routing-moves.ts';

const atCapacity = (open: number, capacity: number) =>
  new TRPCError({
    code: 'PRECONDITION_FAILED',
    message: `You have ${open} open lead${open === 1 ? '' : 's'} and your cap is ${capacity}; close some first.`,
  });

/**
 * Next lead: claims the best eligible lead for the caller (unassigned, not snoozed, in the
 * caller's territories when it has one; best score, then oldest). The claim is one synchronous
 * transaction, so two reps can never receive the same lead, and the queue index answers it
 * without a scan. A retried request id replays the first answer.
 */
export function claimNext(deps: Deps, user: UserRecord, requestId: string | undefined): Promise<{ lead: Lead | null }> {
  const now = deps.now();
  return deps.store.transact((tx) => {
    const idemKey = requestId ? IdempotencyRepo.keyOf(user.id, 'queue.next', requestId) : undefined;
    const prior = idemKey ? deps.repos.idempotency.get(idemKey) : undefined;
    if (prior) return prior.response as { lead: Lead | null };
    const open = deps.repos.leads.openCount(user.id);
    if (open >= user.capacity) throw atCapacity(open, user.capacity);
    const best = deps.repos.queue.best(repSettingsOf(user).territories, now);
    const result = {
      lead: best ? publicLead(moveLead(deps, tx, best, { to: user.id, by: user.id, kind: 'claimed', reason: `${user.name} pulled it with Next lead` }, now)) : null,
    };
    // An empty answer is remembered too: a retry must not claim a lead that arrived since.
    if (idemKey) deps.repos.idempotency.put(tx, { id: idemKey, userId: user.id, at: now.toISOString(), response: result });
    return result;
  });
}

/** A team lead pushes a lead to a rep by hand. Capacity is the rep's own promise, so it holds here too. */
export function assignLead(deps: Deps, by: UserRecord, leadId: string, userId: string): Promise<Lead> {
  const now = deps.now();
  return deps.store.transact((tx) => {
    const lead = getLead(deps, leadId);
    const owner = deps.repos.users.get(userId);
    if (!owner || !owner.active) throw new TRPCError({ code: 'BAD_REQUEST', message: `userId: no active user ${userId}` });
    if (lead.status === 'converted' || lead.status === 'lost') {
      throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `leadId: the lead is ${lead.status}; reopen it before assigning it` });
    }
    if (lead.ownerId === owner.id) return publicLead(lead);
    const open = deps.repos.leads.openCount(owner.id);
    if (open >= owner.capacity) {
      throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `userId: ${owner.name} has ${open} open leads and a cap of ${owner.capacity}` });
    }
    const kind = lead.ownerId ? 'reassigned' : 'assigned';
    const previous = lead.ownerId ? deps.repos.users.get(lead.ownerId)?.name ?? lead.ownerId : undefined;
    const reason = previous ? `${by.name} moved it from ${previous} to ${owner.name}` : `${by.name} assigned it to ${owner.name}`;
    return publicLead(moveLead(deps, tx, lead, { to: owner.id, by: by.id, kind, reason }, now));
  });
}

/** Keeps an unassigned lead out of the queue until a moment (null wakes it now). */
export function snoozeLead(deps: Deps, by: UserRecord, leadId: string, until: string | null): Promise<Lead> {
  const now = deps.now();
  return deps.store.transact((tx) => {
    const lead = getLead(deps, leadId);
    if (until !== null && (lead.ownerId || lead.status !== 'new')) {
      throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'leadId: only a lead waiting in the queue can be snoozed' });
    }
    if (until !== null && Date.parse(until) <= now.getTime()) throw new TRPCError({ code: 'BAD_REQUEST', message: 'until: must be in the future' });
    if ((lead.snoozedUntil ?? null) === until) return publicLead(lead);
    const next: LeadRecord = { ...lead, version: lead.version + 1, updatedAt: now.toISOString() };
    if (until === null) delete next.snoozedUntil;
    else next.snoozedUntil = until;
    deps.repos.leads.put(tx, next);
    addHistory(deps, tx, now, {
      leadId: lead.id,
      by: by.id,
      action: 'snoozed',
      changes: [{ field: 'snoozedUntil', from: lead.snoozedUntil, to: until ?? undefined }],
      note: until ? `${by.name} snoozed it until ${until}` : `${by.name} woke it`,
    });
    return publicLead(next);
  });
}

export const isOpen = (lead: LeadRecord): boolean => OPEN_STATUSES.has(lead.status);

/** The caller's contact-by deadlines, soonest first, and how early the team wants a warning. */
export function myDeadlines(deps: Deps, user: UserRecord): { warnMinutes: number; items: { leadId: string; name: string; contactBy: string }[] } {
  return {
    warnMinutes: routingConfigOf(deps).sla.warnMinutes,
    items: deps.repos.deadlines.forOwner(user.id).map((l) => ({ leadId: l.id, name: l.name ?? l.email ?? l.phone ?? l.id, contactBy: l.contactBy ?? '' })),
  };
}

import { TRPCError } from '@trpc/server';
import { OPEN_STATUSES } from '../../shared/pipeline.ts';
import type { Lead } from '../../shared/schemas/lead.ts';
import type { Deps } from '../deps.ts';
import { IdempotencyRepo } from '../repos/idempotency.ts';
import { publicLead } from '../repos/leads.ts';
import type { LeadRecord, Tx, UserRecord } from '../store/types.ts';
import { addHistory, getLead } from './leads.ts';

const contactByFrom = (deps: Deps, now: Date): string => new Date(now.getTime() + deps.settings.contactByHours * 3600_000).toISOString();

function giveTo(deps: Deps, tx: Tx, lead: LeadRecord, owner: UserRecord, by: UserRecord, now: Date, action: 'claimed' | 'assigned'): LeadRecord {
  const at = now.toISOString();
  const next: LeadRecord = {
    ...lead,
    ownerId: owner.id,
    status: lead.status === 'new' ? 'assigned' : lead.status,
    contactBy: contactByFrom(deps, now),
    version: lead.version + 1,
    updatedAt: at,
  };
  deps.repos.leads.put(tx, next);
  const changes = [{ field: 'ownerId', from: lead.ownerId, to: owner.id }];
  if (next.status !== lead.status) changes.push({ field: 'status', from: lead.status, to: next.status });
  const note = action === 'claimed' ? `${owner.name} pulled it with Next lead` : `${by.name} assigned it to ${owner.name}`;
  addHistory(deps, tx, now, { leadId: lead.id, by: by.id, action, changes, note });
  return next;
}

/**
 * Next lead: claims the best unassigned lead for the caller. The whole claim happens in one
 * synchronous transaction, so two reps can never receive the same lead.
 */
export function claimNext(deps: Deps, user: UserRecord, requestId: string | undefined): Promise<{ lead: Lead | null }> {
  const now = deps.now();
  return deps.store.transact((tx) => {
    const idemKey = requestId ? IdempotencyRepo.keyOf(user.id, 'queue.next', requestId) : undefined;
    const prior = idemKey ? deps.repos.idempotency.get(idemKey) : undefined;
    if (prior) return prior.response as { lead: Lead | null };
    const open = deps.repos.leads.openCount(user.id);
    if (open >= user.capacity) {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: `You have ${open} open lead${open === 1 ? '' : 's'} and your cap is ${user.capacity}; close some first.`,
      });
    }
    const best = deps.repos.leads.bestUnassigned();
    const result = { lead: best ? publicLead(giveTo(deps, tx, best, user, user, now, 'claimed')) : null };
    if (idemKey && result.lead) deps.repos.idempotency.put(tx, { id: idemKey, userId: user.id, at: now.toISOString(), response: result });
    return result;
  });
}

/** A team lead pushes a lead to a rep by hand. */
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
    return publicLead(giveTo(deps, tx, lead, owner, by, now, 'assigned'));
  });
}

export const isOpen = (lead: LeadRecord): boolean => OPEN_STATUSES.has(lead.status);

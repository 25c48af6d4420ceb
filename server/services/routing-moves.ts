import { contactByFor } from '../../shared/routing/sla.ts';
import { routingConfig, type RoutingConfig, type RoutingLogEntry } from '../../shared/schemas/routing.ts';
import type { FieldChange } from '../../shared/merge.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../ids.ts';
import type { HistoryEntry, LeadRecord, Tx } from '../store/types.ts';
import { addHistory } from './leads.ts';

export const ROUTING_CONFIG_KEY = 'routing';
export const DEFAULT_ROUTING: RoutingConfig = routingConfig.parse({});

export const routingConfigOf = (deps: Deps): RoutingConfig => deps.repos.config.get(ROUTING_CONFIG_KEY, routingConfig, DEFAULT_ROUTING);

export interface Move {
  /** The new owner, or null to return the lead to the queue. */
  to: string | null;
  /** A user id, or `system`. */
  by: string;
  kind: RoutingLogEntry['kind'];
  reason: string;
  ruleId?: string | undefined;
  strategy?: string | undefined;
  position?: number | undefined;
  /** Whether the new owner gets a contact-by deadline (a team lead receiving an escalation does not). */
  deadline?: boolean;
}

const HISTORY_ACTION: Record<RoutingLogEntry['kind'], HistoryEntry['action']> = {
  claimed: 'claimed',
  assigned: 'assigned',
  reassigned: 'assigned',
  routed: 'routed',
  returned: 'returned',
  escalated: 'assigned',
};

/**
 * The one place a lead changes hands: owner, status and deadline change together, and the
 * lead's history and the routing log both say who or what moved it and why.
 */
export function moveLead(deps: Deps, tx: Tx, lead: LeadRecord, move: Move, now: Date): LeadRecord {
  const at = now.toISOString();
  const sla = routingConfigOf(deps).sla;
  const status = move.to === null ? 'new' : lead.status === 'new' ? 'assigned' : lead.status;
  const contactBy = move.to !== null && move.deadline !== false ? contactByFor(sla, lead.score.grade, now, deps.settings.contactByHours) : null;
  const next: LeadRecord = { ...lead, ownerId: move.to, status, contactBy, version: lead.version + 1, updatedAt: at };
  // Taking a lead out of the queue ends its snooze.
  delete next.snoozedUntil;
  deps.repos.leads.put(tx, next);
  const changes: FieldChange[] = [{ field: 'ownerId', from: lead.ownerId, to: move.to }];
  if (status !== lead.status) changes.push({ field: 'status', from: lead.status, to: status });
  if (contactBy !== lead.contactBy) changes.push({ field: 'contactBy', from: lead.contactBy, to: contactBy });
  addHistory(deps, tx, now, { leadId: lead.id, by: move.by, action: HISTORY_ACTION[move.kind], changes, note: move.reason });
  deps.repos.routingLog.add(tx, {
    id: newId('rte', now),
    at,
    leadId: lead.id,
    kind: move.kind,
    from: lead.ownerId,
    to: move.to,
    by: move.by,
    ...(move.ruleId !== undefined ? { ruleId: move.ruleId } : {}),
    ...(move.strategy !== undefined ? { strategy: move.strategy } : {}),
    ...(move.position !== undefined ? { position: move.position } : {}),
    reason: move.reason,
  });
  return next;
}

import type { ImportedStatus } from '../../shared/import/lead-status.ts';
import type { Deps } from '../deps.ts';
import type { LeadRecord, Tx, UserRecord } from '../store/types.ts';
import { addHistory } from './leads.ts';
import { recordOutcome } from './pipeline.ts';

/**
 * A new lead from an import whose file says it ended (converted or lost): it is stored ended, in
 * the capture's transaction, and its outcome is kept, so a team moving in brings its won and lost
 * leads for the predictive model to learn from. The old tool's status is the reason it was lost.
 */
export function closeImported(deps: Deps, tx: Tx, lead: LeadRecord, closed: ImportedStatus, by: Pick<UserRecord, 'id'>, now: Date): LeadRecord {
  const next: LeadRecord = {
    ...lead,
    status: closed.status,
    ...(closed.status === 'lost' ? { lostReason: closed.label } : {}),
    version: lead.version + 1,
    updatedAt: now.toISOString(),
  };
  deps.repos.leads.put(tx, next);
  addHistory(deps, tx, now, {
    leadId: lead.id,
    by: by.id,
    action: 'updated',
    changes: [{ field: 'status', from: lead.status, to: closed.status }],
    note: `imported as "${closed.label}"`,
  });
  recordOutcome(deps, tx, next, by.id, now);
  return next;
}

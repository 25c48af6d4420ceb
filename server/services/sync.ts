import type { PullInput, PullResult, SyncChange } from '../../shared/schemas/sync.ts';
import type { Deps } from '../deps.ts';
import { publicLead } from '../repos/leads.ts';
import type { UserRecord } from '../store/types.ts';

/**
 * What changed for the caller since their cursor: the leads they own that changed (with their
 * activities; every activity bumps its lead), and the leads that left them. Paged by `limit`.
 */
export function pullChanges(deps: Deps, user: Pick<UserRecord, 'id'>, input: PullInput): PullResult {
  const feed = deps.repos.changeFeed;
  let from = input.cursor === undefined ? undefined : Number(input.cursor);
  // A cursor ahead of this store was issued by another one (a restored backup, another server).
  if (from !== undefined && from > feed.latest) from = undefined;
  const reset = from === undefined;
  let at = from ?? 0;
  const changes: SyncChange[] = [];
  let more = false;
  // From nothing, the caller's own leads are all there is to send; later, every change is read,
  // to see the leads taken away too.
  const entries = reset ? feed.ownedSince(user.id, 0) : feed.changedSince(at);
  for (const entry of entries) {
    if (changes.length >= input.limit) {
      more = true;
      break;
    }
    at = entry.seq;
    const lead = deps.repos.leads.get(entry.id);
    if (!lead) continue;
    if (lead.ownerId === user.id) {
      changes.push({ type: 'lead', lead: publicLead(lead), activities: deps.repos.activities.forLead(lead.id) });
    } else if (!reset && feed.wasOwner(user.id, lead.id)) {
      const owner = lead.ownerId ? deps.repos.users.get(lead.ownerId) : undefined;
      changes.push({ type: 'removed', leadId: lead.id, ownerId: lead.ownerId, ...(owner ? { ownerName: owner.name } : {}) });
    }
  }
  return { cursor: String(more ? at : Math.max(at, feed.latest)), reset, more, changes };
}

import type { PullInput, PullResult, SyncChange } from '../../shared/schemas/sync.ts';
import type { Deps } from '../deps.ts';
import { publicLead } from '../repos/leads.ts';
import type { UserRecord } from '../store/types.ts';

function parseCursor(cursor: string | undefined): { start: number; at: number } | undefined {
  if (cursor === undefined) return undefined;
  const [a, b] = cursor.split('-');
  const start = Number(a);
  return { start, at: b === undefined ? start : Number(b) };
}

/**
 * What changed for the caller since their cursor: the leads they own that changed (with their
 * activities; every activity bumps its lead), and the leads that left them. Paged by `limit`.
 */
export function pullChanges(deps: Deps, user: Pick<UserRecord, 'id'>, input: PullInput): PullResult {
  const feed = deps.repos.changeFeed;
  let cursor = parseCursor(input.cursor);
  // A cursor ahead of this store was issued by another one (a restored backup, another server).
  if (cursor && (cursor.at > feed.latest || cursor.start > cursor.at)) cursor = undefined;
  const reset = cursor === undefined;
  const start = cursor?.start ?? 0;
  let at = cursor?.at ?? 0;
  const changes: SyncChange[] = [];
  let more = false;
  for (const entry of feed.changedSince(at)) {
    if (changes.length >= input.limit) {
      more = true;
      break;
    }
    at = entry.seq;
    const lead = deps.repos.leads.get(entry.id);
    if (!lead) continue;
    if (lead.ownerId === user.id) {
      changes.push({ type: 'lead', lead: publicLead(lead), activities: deps.repos.activities.forLead(lead.id) });
    } else if (start > 0 && feed.wasOwner(user.id, lead.id)) {
      // A round that began from nothing (start 0) has nothing to remove from.
      const owner = lead.ownerId ? deps.repos.users.get(lead.ownerId) : undefined;
      changes.push({ type: 'removed', leadId: lead.id, ownerId: lead.ownerId, ...(owner ? { ownerName: owner.name } : {}) });
    }
  }
  if (!more) at = Math.max(at, feed.latest);
  return { cursor: more ? `${start}-${at}` : String(at), reset, more, changes };
}

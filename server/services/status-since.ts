import type { HistoryEntry } from '../store/types.ts';

/**
 * When a lead entered the status it has now: the latest change of its status in its history,
 * or its creation when the status never changed. For the badge's "contacted 2 days ago".
 */
export function statusSince(history: readonly Pick<HistoryEntry, 'at' | 'changes'>[], status: string, createdAt: string): string {
  let since: string | undefined;
  for (const entry of history) {
    if (entry.changes.some((c) => c.field === 'status' && c.to === status) && (since === undefined || entry.at > since)) since = entry.at;
  }
  return since ?? createdAt;
}

import type { RoutingLogEntry } from '../../shared/schemas/routing.ts';
import type { Store, Tx } from '../store/types.ts';

export interface RoutingLogFilter {
  leadId?: string | undefined;
  userId?: string | undefined;
  kind?: RoutingLogEntry['kind'] | undefined;
}

/** Every assignment, reassignment and return, newest first on read. Ids sort by time. */
export class RoutingLogRepo {
  private ordered: string[] = [];

  constructor(private readonly store: Store) {
    const loading: string[] = [];
    let loaded = false;
    store.onChange('routingLog', (prev, next) => {
      if (!prev && next) (loaded ? this.ordered : loading).push(next.id);
    });
    this.ordered = loading.sort();
    loaded = true;
  }

  add(tx: Tx, entry: RoutingLogEntry): void {
    tx.put('routingLog', entry);
  }

  list(filter: RoutingLogFilter, limit: number, cursor?: string): { items: RoutingLogEntry[]; nextCursor: string | null } {
    const items: RoutingLogEntry[] = [];
    let i = this.ordered.length - 1;
    if (cursor !== undefined) while (i >= 0 && (this.ordered[i] ?? '') >= cursor) i--;
    for (; i >= 0 && items.length < limit; i--) {
      const e = this.store.get('routingLog', this.ordered[i] ?? '');
      if (!e) continue;
      if (filter.leadId && e.leadId !== filter.leadId) continue;
      if (filter.userId && e.from !== filter.userId && e.to !== filter.userId && e.by !== filter.userId) continue;
      if (filter.kind && e.kind !== filter.kind) continue;
      items.push(e);
    }
    const last = items.at(-1);
    return { items, nextCursor: items.length === limit && i >= 0 && last ? last.id : null };
  }
}

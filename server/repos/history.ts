import type { HistoryEntry, Store, Tx } from '../store/types.ts';

export class HistoryRepo {
  private readonly byLead = new Map<string, string[]>();

  constructor(private readonly store: Store) {
    store.onChange('history', (prev, next) => {
      if (!prev && next) {
        const list = this.byLead.get(next.leadId) ?? [];
        list.push(next.id);
        this.byLead.set(next.leadId, list);
      }
    });
  }

  /** Oldest first. */
  forLead(leadId: string): HistoryEntry[] {
    return (this.byLead.get(leadId) ?? [])
      .map((id) => this.store.get('history', id))
      .filter((e): e is HistoryEntry => e !== undefined)
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  add(tx: Tx, entry: HistoryEntry): void {
    tx.put('history', entry);
  }
}

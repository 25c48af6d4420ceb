import type { HistoryEntry, Store, Tx } from '../store/types.ts';

export class HistoryRepo {
  private readonly byLead = new Map<string, string[]>();

  constructor(private readonly store: Store) {
    store.onChange('history', (prev, next) => {
      if (!prev && next) {
        // Most leads have one entry: a literal holds exactly it, where push() would reserve 16 slots.
        const list = this.byLead.get(next.leadId);
        if (list) list.push(next.id);
        else this.byLead.set(next.leadId, [next.id]);
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

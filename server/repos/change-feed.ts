import type { Store } from '../store/types.ts';

interface Entry {
  seq: number;
  id: string;
}

/**
 * The leads in the order they last changed, for `sync.pull`. Every put of a lead takes the next
 * value of the store's sequence, so "changed since the cursor" is a tail of this log. Former
 * owners come from the history (which keeps every change of owner), so they survive a restart.
 */
export class ChangeFeed {
  /** Ascending by seq; an entry whose lead changed again later is stale and skipped. */
  private log: Entry[] = [];
  private readonly current = new Map<string, number>();
  /** User id → leads that were taken from them at some point. */
  private readonly formerOwners = new Map<string, Set<string>>();
  private top = 0;

  constructor(store: Store) {
    let loaded = false;
    store.onChange('leads', (_prev, next) => {
      if (!next) return;
      this.current.set(next.id, next.seq);
      this.log.push({ seq: next.seq, id: next.id });
      if (next.seq > this.top) this.top = next.seq;
      if (loaded && this.log.length > 2 * this.current.size + 1024) this.compact();
    });
    store.onChange('history', (prev, next) => {
      if (prev || !next) return;
      for (const change of next.changes) {
        if (change.field !== 'ownerId' || typeof change.from !== 'string' || change.from === change.to) continue;
        let leads = this.formerOwners.get(change.from);
        if (!leads) this.formerOwners.set(change.from, (leads = new Set()));
        leads.add(next.leadId);
      }
    });
    // At load the records arrive in no particular order.
    this.log.sort((a, b) => a.seq - b.seq);
    this.compact();
    loaded = true;
  }

  private compact(): void {
    this.log = this.log.filter((e) => this.current.get(e.id) === e.seq);
  }

  /** The highest seq a lead carries: a cursor beyond it comes from another store. */
  get latest(): number {
    return this.top;
  }

  /** Each lead that changed after `seq`, once, oldest change first. */
  *changedSince(seq: number): Generator<Entry> {
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.log[mid]?.seq ?? 0) <= seq) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.log.length; i++) {
      const entry = this.log[i];
      if (entry && this.current.get(entry.id) === entry.seq) yield entry;
    }
  }

  wasOwner(userId: string, leadId: string): boolean {
    return this.formerOwners.get(userId)?.has(leadId) ?? false;
  }
}

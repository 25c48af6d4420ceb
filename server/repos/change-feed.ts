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
  /** Owner id → their leads, so a first pull reads the rep's leads, not the whole store. */
  private readonly byOwner = new Map<string, Set<string>>();

  constructor(store: Store) {
    let loaded = false;
    store.onChange('leads', (prev, next) => {
      if (prev?.ownerId && prev.ownerId !== next?.ownerId) this.byOwner.get(prev.ownerId)?.delete(prev.id);
      if (next?.ownerId) {
        let owned = this.byOwner.get(next.ownerId);
        if (!owned) this.byOwner.set(next.ownerId, (owned = new Set()));
        owned.add(next.id);
      }
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

  /** The leads `ownerId` owns that changed after `seq`, oldest change first. */
  ownedSince(ownerId: string, seq: number): Entry[] {
    const out: Entry[] = [];
    for (const id of this.byOwner.get(ownerId) ?? []) {
      const at = this.current.get(id);
      if (at !== undefined && at > seq) out.push({ seq: at, id });
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  wasOwner(userId: string, leadId: string): boolean {
    return this.formerOwners.get(userId)?.has(leadId) ?? false;
  }
}

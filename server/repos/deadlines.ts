import { OPEN_STATUSES } from '../../shared/pipeline.ts';
import { Heap } from '../../shared/routing/heap.ts';
import type { LeadRecord, Store } from '../store/types.ts';

interface Due {
  id: string;
  at: number;
  contactBy: string;
}

/** Owned, open leads by contact-by deadline, so the SLA timer finds lapses without a scan. */
export class DeadlinesRepo {
  private readonly current = new Map<string, string>();
  private readonly heap = new Heap<Due>((a, b) => a.at - b.at);

  constructor(private readonly store: Store) {
    store.onChange('leads', (_prev, next) => {
      if (next) this.update(next);
    });
  }

  private update(lead: LeadRecord): void {
    const due = lead.ownerId && lead.contactBy && OPEN_STATUSES.has(lead.status) ? lead.contactBy : undefined;
    if (due === this.current.get(lead.id)) return;
    if (due === undefined) {
      this.current.delete(lead.id);
      return;
    }
    this.current.set(lead.id, due);
    this.heap.push({ id: lead.id, at: Date.parse(due), contactBy: due });
  }

  /** Leads whose deadline has passed at `now`, earliest first. */
  lapsed(now: Date, limit = 500): LeadRecord[] {
    const out: LeadRecord[] = [];
    const t = now.getTime();
    const keep: Due[] = [];
    for (let top = this.heap.peek(); top && top.at <= t && out.length < limit; top = this.heap.peek()) {
      this.heap.pop();
      if (this.current.get(top.id) !== top.contactBy) continue;
      const lead = this.store.get('leads', top.id);
      if (lead) {
        out.push(lead);
        // It stays indexed until the change that clears its deadline lands.
        keep.push(top);
      }
    }
    for (const k of keep) this.heap.push(k);
    return out;
  }

  /** The ids of one owner's leads that carry a deadline (a walk over deadlines, not over all leads). */
  forOwner(ownerId: string): LeadRecord[] {
    const out: LeadRecord[] = [];
    for (const id of this.current.keys()) {
      const lead = this.store.get('leads', id);
      if (lead?.ownerId === ownerId) out.push(lead);
    }
    return out.sort((a, b) => (a.contactBy ?? '').localeCompare(b.contactBy ?? ''));
  }

  /** Open leads past their deadline now. */
  breaches(now: Date): number {
    const t = now.getTime();
    let n = 0;
    for (const due of this.current.values()) if (Date.parse(due) <= t) n++;
    return n;
  }
}

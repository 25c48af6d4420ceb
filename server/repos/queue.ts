import { coversTerritory } from '../../shared/routing/eligibility.ts';
import { Heap } from '../../shared/routing/heap.ts';
import { compareQueue, type QueueKey } from '../../shared/routing/queue-order.ts';
import type { LeadRecord, Store } from '../store/types.ts';

interface Entry extends QueueKey {
  territory: string | undefined;
  /** The lead's generation when this entry was pushed: older entries are stale and skipped. */
  gen: number;
}

interface Sleeper {
  id: string;
  until: number;
  gen: number;
}

const NONE = '';

/**
 * The queue of unassigned leads, kept ordered as leads change so that Next lead never scans:
 * one heap over all waiting leads (for reps who cover every territory), one per territory
 * (for reps with territories), and one of snoozed leads by wake-up time. Entries are never
 * removed in place; a changed lead gets a new generation and stale entries are dropped when
 * they reach the top. Each pull costs O(t · log n) for a rep with t territories.
 */
export class QueueRepo {
  private readonly gen = new Map<string, number>();
  private readonly ready = new Set<string>();
  private counter = 0;
  private readonly all = new Heap<Entry>(compareQueue);
  private readonly byTerritory = new Map<string, Heap<Entry>>();
  private readonly snoozed = new Heap<Sleeper>((a, b) => a.until - b.until);
  private readonly keyOf = new Map<string, string>();

  constructor(private readonly store: Store) {
    store.onChange('leads', (_prev, next) => {
      if (next) this.update(next);
    });
  }

  private update(lead: LeadRecord): void {
    const waiting = !lead.ownerId && lead.status === 'new';
    const key = waiting ? `${lead.score.total}|${lead.territory ?? ''}|${lead.snoozedUntil ?? ''}` : undefined;
    if (key === this.keyOf.get(lead.id)) return;
    if (key === undefined) {
      this.keyOf.delete(lead.id);
      this.gen.delete(lead.id);
      this.ready.delete(lead.id);
      return;
    }
    this.keyOf.set(lead.id, key);
    const gen = ++this.counter;
    this.gen.set(lead.id, gen);
    this.ready.delete(lead.id);
    if (lead.snoozedUntil) this.snoozed.push({ id: lead.id, until: Date.parse(lead.snoozedUntil), gen });
    else this.enqueue({ id: lead.id, score: lead.score.total, createdAt: lead.createdAt, territory: lead.territory, gen });
  }

  private enqueue(entry: Entry): void {
    this.ready.add(entry.id);
    this.all.push(entry);
    const t = entry.territory ?? NONE;
    let heap = this.byTerritory.get(t);
    if (!heap) this.byTerritory.set(t, (heap = new Heap<Entry>(compareQueue)));
    heap.push(entry);
  }

  /** Snoozed leads whose time has come join the queue. */
  private wake(now: Date): void {
    const t = now.getTime();
    for (let top = this.snoozed.peek(); top && top.until <= t; top = this.snoozed.peek()) {
      this.snoozed.pop();
      if (this.gen.get(top.id) !== top.gen) continue;
      const lead = this.store.get('leads', top.id);
      if (lead) this.enqueue({ id: lead.id, score: lead.score.total, createdAt: lead.createdAt, territory: lead.territory, gen: top.gen });
    }
  }

  private top(heap: Heap<Entry> | undefined): Entry | undefined {
    if (!heap) return undefined;
    for (let e = heap.peek(); e; e = heap.peek()) {
      if (this.gen.get(e.id) === e.gen && this.ready.has(e.id)) return e;
      heap.pop();
    }
    return undefined;
  }

  /** The best waiting lead a rep with these territories may take (none: every territory). */
  best(territories: readonly string[], now: Date, skip?: ReadonlySet<string>): LeadRecord | undefined {
    this.wake(now);
    const candidates =
      territories.length === 0 ? [this.top(this.all)] : [NONE, ...new Set(territories)].map((t) => this.top(this.byTerritory.get(t)));
    let best: Entry | undefined;
    for (const c of candidates) if (c && !skip?.has(c.id) && coversTerritory(territories, c.territory) && (!best || compareQueue(c, best) < 0)) best = c;
    return best ? this.store.get('leads', best.id) : undefined;
  }

  /** The best `limit` leads waiting now, in the order Next lead would give them out, without taking them. */
  peek(limit: number, now: Date): LeadRecord[] {
    this.wake(now);
    const out: LeadRecord[] = [];
    const seen = new Set<string>();
    // Walks the heap in order without popping, skipping stale entries: the cost follows `limit`, not the queue.
    for (const e of this.all.inOrder()) {
      if (out.length >= limit) break;
      if (this.gen.get(e.id) !== e.gen || !this.ready.has(e.id) || seen.has(e.id)) continue;
      seen.add(e.id);
      const lead = this.store.get('leads', e.id);
      if (lead) out.push(lead);
    }
    return out;
  }

  /** Leads waiting now (snoozed ones not counted). */
  depth(now: Date): number {
    this.wake(now);
    return this.ready.size;
  }
}

import { dedupeKeys } from '../../shared/dedupe.ts';
import { OPEN_STATUSES } from '../../shared/pipeline.ts';
import type { Lead, LeadStatus } from '../../shared/schemas/lead.ts';
import type { LeadRecord, Store, Tx } from '../store/types.ts';

export interface LeadFilter {
  status?: LeadStatus | undefined;
  /** A user id, or null for unassigned leads. */
  ownerId?: string | null | undefined;
  q?: string | undefined;
}

const searchable = (lead: LeadRecord): string =>
  [lead.name, lead.email, lead.phone, lead.company, lead.title].filter(Boolean).join(' ').toLowerCase();

/** Leads, with the indexes that dedupe, pagination, the queue and capacity checks read. */
export class LeadsRepo {
  /** Dedupe key (email:…, phone:…, name:…) → lead id. */
  private readonly byKey = new Map<string, string>();
  /** Lead ids in creation order (ids sort by time). */
  private ordered: string[] = [];
  private readonly openByOwner = new Map<string, number>();
  /** Unassigned new leads; the queue repository keeps their order. */
  private unassigned = 0;

  constructor(private readonly store: Store) {
    const loading: string[] = [];
    let loaded = false;
    store.onChange('leads', (prev, next) => {
      if (prev) this.unindex(prev);
      if (next) this.index(next);
      if (!prev && next) (loaded ? this.ordered : loading).push(next.id);
      if (prev && !next) this.ordered = this.ordered.filter((id) => id !== prev.id);
    });
    this.ordered = loading.sort();
    loaded = true;
  }

  private index(lead: LeadRecord): void {
    for (const key of dedupeKeys(lead)) if (!this.byKey.has(key)) this.byKey.set(key, lead.id);
    if (lead.ownerId && OPEN_STATUSES.has(lead.status)) this.openByOwner.set(lead.ownerId, (this.openByOwner.get(lead.ownerId) ?? 0) + 1);
    if (!lead.ownerId && lead.status === 'new') this.unassigned++;
  }

  private unindex(lead: LeadRecord): void {
    for (const key of dedupeKeys(lead)) if (this.byKey.get(key) === lead.id) this.byKey.delete(key);
    if (lead.ownerId && OPEN_STATUSES.has(lead.status)) this.openByOwner.set(lead.ownerId, (this.openByOwner.get(lead.ownerId) ?? 1) - 1);
    if (!lead.ownerId && lead.status === 'new') this.unassigned--;
  }

  get(id: string): LeadRecord | undefined {
    return this.store.get('leads', id);
  }

  /** The lead that any of these dedupe keys points to, strongest key first. */
  findByKeys(keys: readonly string[]): LeadRecord | undefined {
    for (const key of keys) {
      const id = this.byKey.get(key);
      if (id !== undefined) return this.get(id);
    }
    return undefined;
  }

  idForKey(key: string): string | undefined {
    return this.byKey.get(key);
  }

  openCount(ownerId: string): number {
    return this.openByOwner.get(ownerId) ?? 0;
  }

  queueDepth(): number {
    return this.unassigned;
  }

  /** Newest first, `limit` leads after the cursor (a lead id), with the next cursor if there are more. */
  list(filter: LeadFilter, limit: number, cursor?: string): { items: LeadRecord[]; nextCursor: string | null } {
    let end = this.ordered.length;
    if (cursor !== undefined) {
      let lo = 0;
      let hi = this.ordered.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((this.ordered[mid] ?? '') < cursor) lo = mid + 1;
        else hi = mid;
      }
      end = lo;
    }
    const q = filter.q?.trim().toLowerCase();
    const items: LeadRecord[] = [];
    let i = end - 1;
    for (; i >= 0 && items.length < limit; i--) {
      const lead = this.get(this.ordered[i] ?? '');
      if (!lead) continue;
      if (filter.status !== undefined && lead.status !== filter.status) continue;
      if (filter.ownerId !== undefined && lead.ownerId !== filter.ownerId) continue;
      if (q && !searchable(lead).includes(q)) continue;
      items.push(lead);
    }
    const last = items.at(-1);
    return { items, nextCursor: items.length === limit && i >= 0 && last ? last.id : null };
  }

  put(tx: Tx, lead: LeadRecord): void {
    tx.put('leads', { ...lead, seq: tx.nextSeq() });
  }
}

/** A lead as the API shows it. */
export function publicLead({ seq: _seq, ...lead }: LeadRecord): Lead {
  return lead;
}

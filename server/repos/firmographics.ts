import type { Firmographics } from '../../shared/schemas/scoring.ts';
import type { FirmographicsRecord, Store, Tx } from '../store/types.ts';

/** Companies loaded from the firmographics CSV, looked up by domain (or a parent domain). */
export class FirmographicsRepo {
  constructor(private readonly store: Store) {}

  get(domain: string): FirmographicsRecord | undefined {
    // eu.acme.com falls back to acme.com: a subsidiary's mail domain often sits under the parent's.
    const parts = domain.toLowerCase().split('.');
    for (let i = 0; i < parts.length - 1; i++) {
      const hit = this.store.get('firmographics', parts.slice(i).join('.'));
      if (hit) return hit;
    }
    return undefined;
  }

  count(): number {
    return this.store.size('firmographics');
  }

  put(tx: Tx, row: Firmographics, now: Date): void {
    tx.put('firmographics', { ...row, id: row.domain, loadedAt: now.toISOString() });
  }

  clear(tx: Tx): void {
    for (const r of this.store.values('firmographics')) tx.delete('firmographics', r.id);
  }
}

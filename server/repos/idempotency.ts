import type { IdempotencyRecord, Store, Tx } from '../store/types.ts';

/** Keys are kept at least this long, so an offline client's late replay still takes effect once. */
export const IDEMPOTENCY_TTL_MS = 48 * 3600_000;

/** The first answer to each (user, procedure, key), replayed on retries. */
export class IdempotencyRepo {
  constructor(private readonly store: Store) {}

  static keyOf(userId: string, scope: string, key: string): string {
    return `${userId}:${scope}:${key}`;
  }

  get(id: string): IdempotencyRecord | undefined {
    return this.store.get('idempotency', id);
  }

  put(tx: Tx, record: IdempotencyRecord): void {
    tx.put('idempotency', record);
  }

  /** Drops keys older than the TTL. */
  prune(tx: Tx, now: Date): number {
    const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString();
    let n = 0;
    for (const record of tx.values('idempotency')) {
      if (record.at < cutoff) {
        tx.delete('idempotency', record.id);
        n++;
      }
    }
    return n;
  }
}

import type { z } from 'zod';
import type { Store, Tx } from '../store/types.ts';

/**
 * Team configuration, one record per key, each validated by its own zod schema on the way in and
 * on the way out (a value written by an older version still parses, or falls back to the default).
 */
export class ConfigRepo {
  constructor(private readonly store: Store) {}

  get<S extends z.ZodType>(key: string, schema: S, fallback: z.output<S>): z.output<S> {
    const record = this.store.get('config', key);
    if (!record) return fallback;
    const parsed = schema.safeParse(record.value);
    return parsed.success ? parsed.data : fallback;
  }

  put(tx: Tx, key: string, value: unknown, by: string, now: Date): void {
    tx.put('config', { id: key, value, updatedAt: now.toISOString(), updatedBy: by });
  }
}

import type { FormRecord, Store, Tx } from '../store/types.ts';

export class FormsRepo {
  constructor(private readonly store: Store) {}

  get(key: string): FormRecord | undefined {
    return this.store.get('forms', key);
  }

  /** Oldest first. */
  list(): FormRecord[] {
    return [...this.store.values('forms')].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  put(tx: Tx, form: FormRecord): void {
    tx.put('forms', form);
  }
}

import type { OutcomeRecord, Store, Tx } from '../store/types.ts';

/** Won and lost leads as training examples for the predictive model, one per lead. */
export class OutcomesRepo {
  constructor(private readonly store: Store) {}

  get(leadId: string): OutcomeRecord | undefined {
    return this.store.get('outcomes', leadId);
  }

  all(): OutcomeRecord[] {
    return [...this.store.values('outcomes')];
  }

  put(tx: Tx, record: OutcomeRecord): void {
    tx.put('outcomes', record);
  }
}

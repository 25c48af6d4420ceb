import type { Activity } from '../../shared/schemas/activity.ts';
import type { Store, Tx } from '../store/types.ts';

export class ActivitiesRepo {
  private readonly byLead = new Map<string, string[]>();

  constructor(private readonly store: Store) {
    store.onChange('activities', (prev, next) => {
      if (!prev && next) {
        const list = this.byLead.get(next.leadId) ?? [];
        list.push(next.id);
        this.byLead.set(next.leadId, list);
      }
    });
  }

  /** Oldest first. */
  forLead(leadId: string): Activity[] {
    return (this.byLead.get(leadId) ?? [])
      .map((id) => this.store.get('activities', id))
      .filter((a): a is Activity => a !== undefined)
      .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  }

  add(tx: Tx, activity: Activity): void {
    tx.put('activities', activity);
  }
}

import type { Activity } from '../../shared/schemas/activity.ts';
import type { Store, Tx } from '../store/types.ts';

export class ActivitiesRepo {
  private readonly byLead = new Map<string, string[]>();
  private readonly latest = new Map<string, Activity>();
  /** Lead id → its latest activity, where that activity asks for a follow-up (a later one settles it). */
  private readonly followUps = new Map<string, Activity>();

  constructor(private readonly store: Store) {
    store.onChange('activities', (prev, next) => {
      if (!prev && next) {
        // A literal holds exactly one id, where push() on [] would reserve 16 slots.
        const list = this.byLead.get(next.leadId);
        if (list) list.push(next.id);
        else this.byLead.set(next.leadId, [next.id]);
        const latest = this.latest.get(next.leadId);
        if (!latest || latest.at <= next.at) {
          this.latest.set(next.leadId, next);
          if (next.followUpAt) this.followUps.set(next.leadId, next);
          else this.followUps.delete(next.leadId);
        }
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

  /** Every lead's pending follow-up: the follow-up its latest activity asked for. */
  pendingFollowUps(): Iterable<Activity> {
    return this.followUps.values();
  }

  add(tx: Tx, activity: Activity): void {
    tx.put('activities', activity);
  }
}

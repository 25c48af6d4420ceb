import type { WebhookDelivery, WebhookEvent } from '../../shared/schemas/webhooks.ts';
import type { Store, Tx, WebhookRecord } from '../store/types.ts';

/** Registered webhooks, and the log of their deliveries. */
export class WebhooksRepo {
  /** Delivery ids in creation order (ids sort by time). */
  private deliveries: string[] = [];

  constructor(private readonly store: Store) {
    store.onChange('webhookDeliveries', (prev, next) => {
      if (!prev && next) this.deliveries.push(next.id);
      if (prev && !next) this.deliveries = this.deliveries.filter((id) => id !== prev.id);
    });
    this.deliveries.sort();
  }

  get(id: string): WebhookRecord | undefined {
    return this.store.get('webhooks', id);
  }

  list(): WebhookRecord[] {
    return [...this.store.values('webhooks')].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The active webhooks that listen to an event. */
  subscribed(event: WebhookEvent): WebhookRecord[] {
    return this.list().filter((w) => w.active && w.events.includes(event));
  }

  put(tx: Tx, webhook: WebhookRecord): void {
    tx.put('webhooks', webhook);
  }

  delivery(id: string): WebhookDelivery | undefined {
    return this.store.get('webhookDeliveries', id);
  }

  /** Newest first. */
  recentDeliveries(limit: number, webhookId?: string): WebhookDelivery[] {
    const out: WebhookDelivery[] = [];
    for (let i = this.deliveries.length - 1; i >= 0 && out.length < limit; i--) {
      const d = this.store.get('webhookDeliveries', this.deliveries[i] ?? '');
      if (d && (webhookId === undefined || d.webhookId === webhookId)) out.push(d);
    }
    return out;
  }

  /** Deliveries still waiting for an attempt (after a restart, for instance). */
  pending(): WebhookDelivery[] {
    return this.deliveries.map((id) => this.store.get('webhookDeliveries', id)).filter((d): d is WebhookDelivery => d?.status === 'pending');
  }

  /** Finished deliveries beyond the newest `keep`, oldest first: the log stays bounded. */
  overflow(keep: number): string[] {
    const finished = this.deliveries.filter((id) => this.store.get('webhookDeliveries', id)?.status !== 'pending');
    return finished.slice(0, Math.max(0, finished.length - keep));
  }

  putDelivery(tx: Tx, delivery: WebhookDelivery): void {
    tx.put('webhookDeliveries', delivery);
  }

  deleteDelivery(tx: Tx, id: string): void {
    tx.delete('webhookDeliveries', id);
  }
}

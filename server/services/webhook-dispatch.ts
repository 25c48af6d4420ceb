import type { Activity } from '../../shared/schemas/activity.ts';
import { SIGNATURE_HEADER, type WebhookDelivery, type WebhookEvent } from '../../shared/schemas/webhooks.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../ids.ts';
import { publicLead } from '../repos/leads.ts';
import type { LeadRecord } from '../store/types.ts';
import { VERSION } from '../version.ts';
import { signatureHeader } from './webhook-signature.ts';

/** 10 s, 1 min, 5 min, 30 min, 2 h, 6 h: a receiver that is down for an afternoon still gets everything. */
export const DEFAULT_RETRY_MS = [10_000, 60_000, 300_000, 1_800_000, 7_200_000, 21_600_000] as const;
const TIMEOUT_MS = 10_000;
const SENDING = 8;
/** Finished deliveries kept in the log. */
const LOG_KEEP = 5_000;

interface Event {
  type: WebhookEvent;
  data: Record<string, unknown>;
}

/** The events one change of a lead raises. */
export function leadEvents(prev: LeadRecord | undefined, next: LeadRecord | undefined): Event[] {
  if (!next) return [];
  const lead = publicLead(next);
  // A lead placed as it is created (by the routing rules, or a form's owner) is assigned too.
  if (!prev) return next.ownerId ? [{ type: 'lead.created', data: { lead } }, { type: 'lead.assigned', data: { lead, previousOwnerId: null } }] : [{ type: 'lead.created', data: { lead } }];
  const events: Event[] = [];
  if (next.ownerId && next.ownerId !== prev.ownerId) events.push({ type: 'lead.assigned', data: { lead, previousOwnerId: prev.ownerId } });
  if (next.status !== prev.status) events.push({ type: 'lead.status_changed', data: { lead, previousStatus: prev.status } });
  return events;
}

export interface WebhookDispatchOptions {
  fetch?: typeof fetch;
  retryMs?: readonly number[];
}

/**
 * Delivers events to the registered webhooks, off the request that caused them: a change is
 * noticed as the store applies it, its deliveries are logged in a transaction of their own (so an
 * event is sent only once the change that raised it is on disk), then each is posted, signed,
 * and retried with backoff until it succeeds or the retries run out. Pending deliveries resume
 * after a restart.
 */
export function startWebhooks(deps: Deps, options: WebhookDispatchOptions = {}): () => void {
  const send = options.fetch ?? fetch;
  const retryMs = options.retryMs ?? deps.settings.webhookRetryMs ?? DEFAULT_RETRY_MS;
  const timers = new Set<NodeJS.Timeout>();
  let queued: Event[] = [];
  let loading = true;
  let stopped = false;

  const enqueue = (events: Event[]) => {
    if (loading || stopped || events.length === 0) return;
    if (queued.length === 0) setImmediate(flush);
    queued.push(...events);
  };
  deps.store.onChange('leads', (prev, next) => {
    if (!loading) enqueue(leadEvents(prev, next));
  });
  deps.store.onChange('activities', (prev, next) => {
    if (!loading && !prev && next) enqueue([{ type: 'activity.created', data: { activity: next satisfies Activity } }]);
  });
  loading = false;

  // At most SENDING deliveries travel at once: an import of 100k leads must not open 100k sockets.
  const ready: string[] = [];
  let sending = 0;
  function pump(): void {
    while (sending < SENDING && ready.length > 0 && !stopped) {
      const id = ready.shift() ?? '';
      sending++;
      void attempt(id).finally(() => {
        sending--;
        pump();
      });
    }
  }

  function schedule(delivery: WebhookDelivery): void {
    if (stopped) return;
    const wait = Math.max(0, new Date(delivery.nextAttemptAt ?? 0).getTime() - deps.now().getTime());
    const timer = setTimeout(() => {
      timers.delete(timer);
      ready.push(delivery.id);
      pump();
    }, wait);
    timer.unref();
    timers.add(timer);
  }

  /** Logs the deliveries of the events raised since the last flush, then sends them. */
  function flush(): void {
    const events = queued;
    queued = [];
    const now = deps.now();
    const at = now.toISOString();
    const deliveries: WebhookDelivery[] = [];
    for (const event of events) {
      const hooks = deps.repos.webhooks.subscribed(event.type);
      if (hooks.length === 0) continue;
      const body = JSON.stringify({ id: newId('evt', now), type: event.type, createdAt: at, data: event.data });
      for (const hook of hooks) {
        deliveries.push({ id: newId('dlv', now), webhookId: hook.id, event: event.type, body, status: 'pending', attempts: 0, nextAttemptAt: at, lastStatus: null, lastError: null, createdAt: at, updatedAt: at });
      }
    }
    if (deliveries.length === 0 || stopped) return;
    deps.store
      .transact((tx) => {
        for (const d of deliveries) deps.repos.webhooks.putDelivery(tx, d);
        for (const id of deps.repos.webhooks.overflow(LOG_KEEP)) deps.repos.webhooks.deleteDelivery(tx, id);
      })
      .then(() => deliveries.forEach(schedule))
      .catch((err: unknown) => deps.log.error('webhook deliveries not logged', { err: String(err) }));
  }

  async function attempt(id: string): Promise<void> {
    const delivery = deps.repos.webhooks.delivery(id);
    const hook = delivery ? deps.repos.webhooks.get(delivery.webhookId) : undefined;
    if (!delivery || delivery.status !== 'pending' || stopped) return;
    let status: number | null = null;
    let error: string | null = null;
    if (!hook?.active) error = 'the webhook was disabled';
    else {
      try {
        const res = await send(hook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': `Leadsync-Webhooks/${VERSION}`,
            'leadsync-event': delivery.event,
            'leadsync-delivery': delivery.id,
            [SIGNATURE_HEADER]: signatureHeader(hook.secret, delivery.body, deps.now()),
          },
          body: delivery.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        status = res.status;
        await res.body?.cancel();
        if (status < 200 || status >= 300) error = `the receiver answered ${status}`;
      } catch (err) {
        error = err instanceof Error ? (err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message) : String(err);
      }
    }
    if (stopped) return;
    const attempts = delivery.attempts + 1;
    const wait = error && hook?.active ? retryMs[attempts - 1] : undefined;
    const now = deps.now();
    const next: WebhookDelivery = {
      ...delivery,
      attempts,
      lastStatus: status,
      lastError: error,
      status: error === null ? 'delivered' : wait === undefined ? 'failed' : 'pending',
      nextAttemptAt: error !== null && wait !== undefined ? new Date(now.getTime() + wait).toISOString() : null,
      updatedAt: now.toISOString(),
    };
    try {
      await deps.store.transact((tx) => deps.repos.webhooks.putDelivery(tx, next));
    } catch (err) {
      deps.log.error('webhook delivery not logged', { err: String(err) });
      return;
    }
    if (next.status === 'pending') schedule(next);
    else if (next.status === 'failed') deps.log.warn('webhook delivery failed for good', { delivery: next.id, url: hook?.url, error });
  }

  // Deliveries left pending by the last run.
  for (const delivery of deps.repos.webhooks.pending()) schedule(delivery);

  return () => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
}

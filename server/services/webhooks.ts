import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { Webhook, WebhookCreateInput, WebhookDelivery } from '../../shared/schemas/webhooks.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../ids.ts';
import type { UserRecord, WebhookRecord } from '../store/types.ts';

const publicWebhook = ({ secret: _secret, ...webhook }: WebhookRecord): Webhook => webhook;

/** Registers a URL for events. The signing secret is in this answer only; store it on the receiver. */
export async function createWebhook(deps: Deps, user: UserRecord, input: WebhookCreateInput): Promise<{ webhook: Webhook; secret: string }> {
  const now = deps.now();
  const record: WebhookRecord = {
    id: newId('whk', now),
    url: input.url,
    events: [...new Set(input.events)],
    ...(input.description ? { description: input.description } : {}),
    active: true,
    createdAt: now.toISOString(),
    createdBy: user.id,
    secret: `whsec_${randomBytes(24).toString('base64url')}`,
  };
  await deps.store.transact((tx) => deps.repos.webhooks.put(tx, record));
  return { webhook: publicWebhook(record), secret: record.secret };
}

export const listWebhooks = (deps: Deps): Webhook[] => deps.repos.webhooks.list().map(publicWebhook);

/** Stops deliveries to a webhook; its log stays. */
export async function disableWebhook(deps: Deps, id: string): Promise<Webhook> {
  return deps.store.transact((tx) => {
    const webhook = deps.repos.webhooks.get(id);
    if (!webhook) throw new TRPCError({ code: 'NOT_FOUND', message: `id: no webhook ${id}` });
    const next = { ...webhook, active: false };
    deps.repos.webhooks.put(tx, next);
    return publicWebhook(next);
  });
}

export function listDeliveries(deps: Deps, input: { webhookId?: string | undefined; limit: number }): WebhookDelivery[] {
  return deps.repos.webhooks.recentDeliveries(input.limit, input.webhookId);
}

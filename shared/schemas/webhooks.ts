import { z } from 'zod';
import { id } from './fields.ts';

export const WEBHOOK_EVENTS = ['lead.created', 'lead.assigned', 'lead.status_changed', 'activity.created'] as const;
export const webhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof webhookEvent>;

/** The header that carries `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'Leadsync-Signature';

export const webhookCreateInput = z.object({
  url: z
    .string()
    .max(2048)
    .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'must be an absolute http(s) URL'),
  events: z.array(webhookEvent).min(1, 'name at least one event').max(WEBHOOK_EVENTS.length),
  description: z.string().max(200).optional(),
});
export type WebhookCreateInput = z.infer<typeof webhookCreateInput>;

export const webhook = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(webhookEvent),
  description: z.string().optional(),
  active: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Webhook = z.infer<typeof webhook>;

export const webhookDelivery = z.object({
  id: z.string(),
  webhookId: z.string(),
  event: webhookEvent,
  /** The exact body sent, so that every retry carries the same bytes. */
  body: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

export const webhookIdInput = z.object({ id });
export const deliveriesInput = z.object({ webhookId: id.optional(), limit: z.number().int().min(1).max(200).default(50) }).prefault({});

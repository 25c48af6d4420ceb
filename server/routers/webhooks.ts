import { deliveriesInput, webhookCreateInput, webhookIdInput } from '../../shared/schemas/webhooks.ts';
import { createWebhook, disableWebhook, listDeliveries, listWebhooks } from '../services/webhooks.ts';
import { adminProcedure, router } from '../trpc.ts';

export const webhooksRouter = router({
  create: adminProcedure.input(webhookCreateInput).mutation(({ ctx, input }) => createWebhook(ctx.deps, ctx.user, input)),
  list: adminProcedure.query(({ ctx }) => listWebhooks(ctx.deps)),
  disable: adminProcedure.input(webhookIdInput).mutation(({ ctx, input }) => disableWebhook(ctx.deps, input.id)),
  /** The delivery log, newest first. */
  deliveries: adminProcedure.input(deliveriesInput).query(({ ctx, input }) => listDeliveries(ctx.deps, input)),
});

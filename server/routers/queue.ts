import { assignInput, nextInput } from '../../shared/schemas/api.ts';
import { assignLead, claimNext } from '../services/queue.ts';
import { leadProcedure, repProcedure, router } from '../trpc.ts';

export const queueRouter = router({
  next: repProcedure.input(nextInput).mutation(({ ctx, input }) => claimNext(ctx.deps, ctx.user, input.requestId)),
  assign: leadProcedure.input(assignInput).mutation(({ ctx, input }) => assignLead(ctx.deps, ctx.user, input.leadId, input.userId)),
});

import { assignInput, nextInput } from '../../shared/schemas/api.ts';
import { queuePeekInput } from '../../shared/schemas/queue-peek.ts';
import { snoozeInput } from '../../shared/schemas/routing.ts';
import { assignLead, claimNext, myDeadlines, snoozeLead } from '../services/queue.ts';
import { queuePeek } from '../services/queue-peek.ts';
import { leadProcedure, repProcedure, router } from '../trpc.ts';

export const queueRouter = router({
  next: repProcedure.input(nextInput).mutation(({ ctx, input }) => claimNext(ctx.deps, ctx.user, input.requestId)),
  assign: leadProcedure.input(assignInput).mutation(({ ctx, input }) => assignLead(ctx.deps, ctx.user, input.leadId, input.userId)),
  deadlines: repProcedure.query(({ ctx }) => myDeadlines(ctx.deps, ctx.user)),
  peek: leadProcedure.input(queuePeekInput).query(({ ctx, input }) => queuePeek(ctx.deps, input.limit)),
  snooze: leadProcedure.input(snoozeInput).mutation(({ ctx, input }) => snoozeLead(ctx.deps, ctx.user, input.leadId, input.until)),
});

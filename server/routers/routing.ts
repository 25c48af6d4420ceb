import { routingConfig, routingLogInput } from '../../shared/schemas/routing.ts';
import { getRules, routingLog, setRules } from '../services/routing.ts';
import { leadProcedure, router } from '../trpc.ts';

export const routingRouter = router({
  getRules: leadProcedure.query(({ ctx }) => getRules(ctx.deps)),
  setRules: leadProcedure.input(routingConfig).mutation(({ ctx, input }) => setRules(ctx.deps, ctx.user, input)),
  log: leadProcedure.input(routingLogInput).query(({ ctx, input }) => routingLog(ctx.deps, input)),
});

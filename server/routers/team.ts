import { setLostReasonsInput } from '../../shared/schemas/team.ts';
import { lostReasons, setLostReasons } from '../services/pipeline.ts';
import { teamSummary } from '../services/summary.ts';
import { leadProcedure, repProcedure, router } from '../trpc.ts';

export const teamRouter = router({
  summary: leadProcedure.query(({ ctx }) => teamSummary(ctx.deps)),
  /** Every rep needs the list to lose a lead; only a team lead changes it. */
  lostReasons: repProcedure.query(({ ctx }) => lostReasons(ctx.deps)),
  setLostReasons: leadProcedure.input(setLostReasonsInput).mutation(({ ctx, input }) => setLostReasons(ctx.deps, ctx.user, input.reasons)),
});

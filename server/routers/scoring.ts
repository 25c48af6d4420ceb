import { firmographicsLoadInput, scoringRules, trainInput } from '../../shared/schemas/scoring.ts';
import { getRules, loadFirmographics, modelStatus, setRules, trainModel } from '../services/scoring.ts';
import { adminProcedure, leadProcedure, router } from '../trpc.ts';

export const scoringRouter = router({
  getRules: leadProcedure.query(({ ctx }) => getRules(ctx.deps)),
  setRules: leadProcedure.input(scoringRules).mutation(({ ctx, input }) => setRules(ctx.deps, ctx.user, input)),
  train: leadProcedure.input(trainInput).mutation(({ ctx }) => trainModel(ctx.deps, ctx.user.id)),
  model: leadProcedure.query(({ ctx }) => modelStatus(ctx.deps)),
  loadFirmographics: adminProcedure.input(firmographicsLoadInput).mutation(({ ctx, input }) => loadFirmographics(ctx.deps, ctx.user, input)),
});

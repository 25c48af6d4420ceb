import { pullInput } from '../../shared/schemas/sync.ts';
import { pullChanges } from '../services/sync.ts';
import { repProcedure, router } from '../trpc.ts';

export const syncRouter = router({
  /** The change feed the extension keeps its offline copy with. */
  pull: repProcedure.input(pullInput).query(({ ctx, input }) => pullChanges(ctx.deps, ctx.user, input)),
});

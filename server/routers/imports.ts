import { importRowsInput } from '../../shared/schemas/imports.ts';
import { importRows } from '../services/import.ts';
import { leadProcedure, router } from '../trpc.ts';

export const importsRouter = router({
  /** One batch of up to 500 rows; the CLI and the options page stream a file through it. */
  rows: leadProcedure.input(importRowsInput).mutation(({ ctx, input }) => importRows(ctx.deps, ctx.user, input)),
});

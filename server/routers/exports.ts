import { exportLeadsInput, vcardInput } from '../../shared/schemas/exports.ts';
import { exportLeads, exportVcard } from '../services/export.ts';
import { leadProcedure, repProcedure, router } from '../trpc.ts';

export const exportsRouter = router({
  /** CSV pages of the whole team's leads: team leads and admins. */
  leads: leadProcedure.input(exportLeadsInput).query(({ ctx, input }) => exportLeads(ctx.deps, ctx.user, input)),
  /** A vCard of one lead, for whoever can open its card. */
  vcard: repProcedure.input(vcardInput).query(({ ctx, input }) => exportVcard(ctx.deps, input.id)),
});

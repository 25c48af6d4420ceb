import { getInput, listInput, lookupInput, updateInput } from '../../shared/schemas/api.ts';
import { captureInput } from '../../shared/schemas/lead.ts';
import { captureLead, leadDetail, listLeads, lookupLeads, updateLead } from '../services/leads.ts';
import { repProcedure, router } from '../trpc.ts';

export const leadsRouter = router({
  capture: repProcedure.input(captureInput).mutation(({ ctx, input }) => captureLead(ctx.deps, ctx.user, input)),
  lookup: repProcedure.input(lookupInput).query(({ ctx, input }) => lookupLeads(ctx.deps, input)),
  get: repProcedure.input(getInput).query(({ ctx, input }) => leadDetail(ctx.deps, input.id)),
  list: repProcedure.input(listInput).query(({ ctx, input }) => listLeads(ctx.deps, ctx.user, input)),
  update: repProcedure.input(updateInput).mutation(({ ctx, input }) => updateLead(ctx.deps, ctx.user, input)),
});

import { publicProcedure, repProcedure } from '../trpc.ts';
import { publicUser } from '../repos/users.ts';
import { VERSION } from '../version.ts';

export const health = publicProcedure.query(() => ({ ok: true as const, version: VERSION }));

export const me = repProcedure.query(({ ctx }) => ({
  ...publicUser(ctx.user),
  openLeads: ctx.deps.repos.leads.openCount(ctx.user.id),
}));

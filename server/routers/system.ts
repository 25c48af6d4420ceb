import { z } from 'zod';
import { adminProcedure, publicProcedure, repProcedure } from '../trpc.ts';
import { publicUser } from '../repos/users.ts';
import { VERSION } from '../version.ts';

export const health = publicProcedure.query(() => ({ ok: true as const, version: VERSION }));

export const me = repProcedure.query(({ ctx }) => ({
  ...publicUser(ctx.user),
  openLeads: ctx.deps.repos.leads.openCount(ctx.user.id),
}));

/** Process and store figures for whoever runs the server. */
export const stats = adminProcedure.input(z.object({ reset: z.boolean().default(false) }).prefault({})).query(({ ctx, input }) => ({
  ...ctx.deps.metrics.stats(input.reset),
  leads: ctx.deps.store.size('leads'),
  users: ctx.deps.store.size('users'),
  queueDepth: ctx.deps.repos.leads.queueDepth(),
}));

import { userCreateInput, userUpdateInput } from '../../shared/schemas/user.ts';
import { publicUser } from '../repos/users.ts';
import { createUser } from '../services/users.ts';
import { updateUser } from '../services/rep-settings.ts';
import { adminProcedure, leadProcedure, router } from '../trpc.ts';

export const usersRouter = router({
  create: adminProcedure.input(userCreateInput).mutation(({ ctx, input }) => createUser(ctx.deps, input)),
  update: leadProcedure.input(userUpdateInput).mutation(({ ctx, input }) => updateUser(ctx.deps, ctx.user, input)),
  list: leadProcedure.query(({ ctx }) =>
    ctx.deps.repos.users.list().map((u) => ({ ...publicUser(u), openLeads: ctx.deps.repos.leads.openCount(u.id) })),
  ),
});

import { formCreateInput } from '../../shared/schemas/forms.ts';
import { createForm, listForms } from '../services/forms.ts';
import { adminProcedure, leadProcedure, router } from '../trpc.ts';

export const formsRouter = router({
  create: adminProcedure.input(formCreateInput).mutation(({ ctx, input }) => createForm(ctx.deps, ctx.user, input)),
  // Team leads see the forms (and their snippets) too: they place them on campaign pages.
  list: leadProcedure.query(({ ctx }) => listForms(ctx.deps)),
});

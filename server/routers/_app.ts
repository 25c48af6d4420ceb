import { router } from '../trpc.ts';
import { activitiesRouter } from './activities.ts';
import { exportsRouter } from './exports.ts';
import { formsRouter } from './forms.ts';
import { importsRouter } from './imports.ts';
import { leadsRouter } from './leads.ts';
import { queueRouter } from './queue.ts';
import { health, me } from './system.ts';
import { usersRouter } from './users.ts';
import { webhooksRouter } from './webhooks.ts';

export const appRouter = router({
  health,
  me,
  users: usersRouter,
  leads: leadsRouter,
  queue: queueRouter,
  activities: activitiesRouter,
  forms: formsRouter,
  imports: importsRouter,
  exports: exportsRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;

import { router } from '../trpc.ts';
import { activitiesRouter } from './activities.ts';
import { exportsRouter } from './exports.ts';
import { formsRouter } from './forms.ts';
import { importsRouter } from './imports.ts';
import { leadsRouter } from './leads.ts';
import { queueRouter } from './queue.ts';
import { scoringRouter } from './scoring.ts';
import { health, me, stats } from './system.ts';
import { teamRouter } from './team.ts';
import { routingRouter } from './routing.ts';
import { usersRouter } from './users.ts';
import { webhooksRouter } from './webhooks.ts';
import { syncRouter } from './sync.ts';

export const appRouter = router({
  health,
  me,
  system: router({ stats }),
  users: usersRouter,
  leads: leadsRouter,
  queue: queueRouter,
  activities: activitiesRouter,
  scoring: scoringRouter,
  team: teamRouter,
  forms: formsRouter,
  imports: importsRouter,
  exports: exportsRouter,
  webhooks: webhooksRouter,
  routing: routingRouter,
  sync: syncRouter,
});

export type AppRouter = typeof appRouter;

import { router } from '../trpc.ts';
import { activitiesRouter } from './activities.ts';
import { leadsRouter } from './leads.ts';
import { queueRouter } from './queue.ts';
import { scoringRouter } from './scoring.ts';
import { health, me, stats } from './system.ts';
import { teamRouter } from './team.ts';
import { usersRouter } from './users.ts';

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
});

export type AppRouter = typeof appRouter;

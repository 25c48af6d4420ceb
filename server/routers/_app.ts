import { router } from '../trpc.ts';
import { activitiesRouter } from './activities.ts';
import { leadsRouter } from './leads.ts';
import { queueRouter } from './queue.ts';
import { teamRouter } from './team.ts';
import { health, me } from './system.ts';
import { usersRouter } from './users.ts';

export const appRouter = router({
  health,
  me,
  users: usersRouter,
  leads: leadsRouter,
  queue: queueRouter,
  activities: activitiesRouter,
  team: teamRouter,
});

export type AppRouter = typeof appRouter;

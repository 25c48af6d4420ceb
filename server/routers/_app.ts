import { router } from '../trpc.ts';
import { activitiesRouter } from './activities.ts';
import { leadsRouter } from './leads.ts';
import { queueRouter } from './queue.ts';
import { routingRouter } from './routing.ts';
import { health, me } from './system.ts';
import { usersRouter } from './users.ts';

export const appRouter = router({
  health,
  me,
  users: usersRouter,
  leads: leadsRouter,
  queue: queueRouter,
  activities: activitiesRouter,
  routing: routingRouter,
});

export type AppRouter = typeof appRouter;

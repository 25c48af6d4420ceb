import { activityAddInput } from '../../shared/schemas/activity.ts';
import { getInput } from '../../shared/schemas/api.ts';
import { followUpsInput } from '../../shared/schemas/team.ts';
import { addActivity, followUpsFor } from '../services/activities.ts';
import { getLead } from '../services/leads.ts';
import { repProcedure, router } from '../trpc.ts';

export const activitiesRouter = router({
  add: repProcedure.input(activityAddInput).mutation(({ ctx, input }) => addActivity(ctx.deps, ctx.user, input)),
  list: repProcedure.input(getInput).query(({ ctx, input }) => ctx.deps.repos.activities.forLead(getLead(ctx.deps, input.id).id)),
  /** The caller's pending follow-ups, soonest first: what the extension schedules reminders for. */
  followUps: repProcedure.input(followUpsInput).query(({ ctx, input }) => followUpsFor(ctx.deps, ctx.user, input.before)),
});

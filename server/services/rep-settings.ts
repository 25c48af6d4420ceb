import { TRPCError } from '@trpc/server';
import type { User, UserUpdateInput } from '../../shared/schemas/user.ts';
import type { Deps } from '../deps.ts';
import { OPEN_STATUSES } from '../../shared/pipeline.ts';
import { publicUser } from '../repos/users.ts';
import type { Tx, UserRecord } from '../store/types.ts';
import { moveLead } from './routing-moves.ts';

/** A team lead or admin changes a user's availability, cap, weight, territories or tags. */
export function updateUser(deps: Deps, by: UserRecord, input: UserUpdateInput): Promise<User> {
  return deps.store.transact((tx) => {
    const user = deps.repos.users.get(input.id);
    if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: `id: no user ${input.id}` });
    // A team lead manages reps; only an admin changes team leads and admins.
    if (by.role !== 'admin' && user.role !== 'rep' && user.id !== by.id) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'only an admin can change a team lead or admin' });
    }
    if (input.active === false && user.id === by.id) throw new TRPCError({ code: 'BAD_REQUEST', message: 'active: you cannot deactivate yourself' });
    const { id: _id, ...patch } = input;
    const next: UserRecord = { ...user, ...patch };
    // Coming back clears the end date; going away without one means until further notice.
    if (input.away === false) next.awayUntil = null;
    // An end date already past would make a new "away" a no-op: without a new date it is until further notice.
    if (input.away === true && input.awayUntil === undefined && next.awayUntil && Date.parse(next.awayUntil) <= deps.now().getTime()) next.awayUntil = null;
    deps.repos.users.put(tx, next);
    if (input.active === false && user.active) handOverLeads(deps, tx, user, by);
    return publicUser(next);
  });
}

/**
 * A user switched off keeps no open leads, or they would wait on nobody: those not contacted yet
 * go back to the queue for anyone to pull; those already being worked go to the team lead who
 * switched the user off, with their status, to hand on. A rare act, so one walk over the leads.
 */
function handOverLeads(deps: Deps, tx: Tx, user: UserRecord, by: UserRecord): void {
  const now = deps.now();
  const why = `${user.name} was deactivated by ${by.name}`;
  let cursor: string | undefined;
  do {
    const page = deps.repos.leads.list({ ownerId: user.id }, 1000, cursor);
    for (const lead of page.items) {
      if (!OPEN_STATUSES.has(lead.status)) continue;
      if (lead.status === 'assigned') moveLead(deps, tx, lead, { to: null, by: by.id, kind: 'returned', reason: `${why}; back in the queue` }, now);
      else moveLead(deps, tx, lead, { to: by.id, by: by.id, kind: 'reassigned', reason: `${why}; to ${by.name} to hand on`, deadline: false }, now);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

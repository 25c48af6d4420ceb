import { TRPCError } from '@trpc/server';
import type { User, UserUpdateInput } from '../../shared/schemas/user.ts';
import type { Deps } from '../deps.ts';
import { publicUser } from '../repos/users.ts';
import type { UserRecord } from '../store/types.ts';

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
    return publicUser(next);
  });
}

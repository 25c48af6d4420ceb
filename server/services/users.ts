import { TRPCError } from '@trpc/server';
import { DEFAULT_CAPACITY, type User, type UserCreateInput } from '../../shared/schemas/user.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../ids.ts';
import { publicUser } from '../repos/users.ts';
import { hashToken, newToken } from './auth.ts';

export async function createUser(deps: Deps, input: UserCreateInput, token: string = newToken()): Promise<{ user: User; token: string }> {
  const now = deps.now();
  const user = await deps.store.transact((tx) => {
    if (deps.repos.users.byEmailAddress(input.email)) {
      throw new TRPCError({ code: 'CONFLICT', message: `email: a user with ${input.email} already exists` });
    }
    const record = {
      id: newId('usr', now),
      name: input.name,
      email: input.email,
      role: input.role,
      capacity: input.capacity ?? DEFAULT_CAPACITY,
      active: true,
      createdAt: now.toISOString(),
      tokenHash: hashToken(token),
    };
    deps.repos.users.put(tx, record);
    return record;
  });
  return { user: publicUser(user), token };
}

/**
 * On an empty store, creates the first admin. Its token is LEADSYNC_ADMIN_TOKEN when set;
 * otherwise a new one, returned so that the caller prints it once.
 */
export async function bootstrapAdmin(deps: Deps, adminToken: string | undefined): Promise<{ token: string; generated: boolean } | null> {
  if (deps.repos.users.count() > 0) return null;
  const token = adminToken ?? newToken();
  await createUser(deps, { name: 'Admin', email: 'admin@leadsync.local', role: 'admin' }, token);
  return { token, generated: adminToken === undefined };
}

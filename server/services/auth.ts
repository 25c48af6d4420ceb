import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { UsersRepo } from '../repos/users.ts';
import type { UserRecord } from '../store/types.ts';

/** A new bearer token: 256 random bits. Only its hash is ever stored. */
export const newToken = (): string => `ls_${randomBytes(32).toString('base64url')}`;

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** The user a bearer header belongs to, or undefined. */
export function authenticate(users: UsersRepo, header: string | undefined): UserRecord | undefined {
  const match = /^Bearer\s+(\S{16,512})\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const hash = hashToken(match[1]);
  const user = users.byTokenHash(hash);
  // The index finds the candidate; the final comparison does not leak timing.
  if (!user || !timingSafeEqual(Buffer.from(user.tokenHash, 'hex'), Buffer.from(hash, 'hex'))) return undefined;
  return user.active ? user : undefined;
}

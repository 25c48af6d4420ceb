import type { Store, Tx, UserRecord } from '../store/types.ts';
import type { User } from '../../shared/schemas/user.ts';

/** Users and the indexes to find them by token hash and by email. */
export class UsersRepo {
  private readonly byHash = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();

  constructor(private readonly store: Store) {
    store.onChange('users', (prev, next) => {
      if (prev) {
        this.byHash.delete(prev.tokenHash);
        this.byEmail.delete(prev.email);
      }
      if (next) {
        this.byHash.set(next.tokenHash, next.id);
        this.byEmail.set(next.email, next.id);
      }
    });
  }

  get(id: string): UserRecord | undefined {
    return this.store.get('users', id);
  }

  byTokenHash(hash: string): UserRecord | undefined {
    const id = this.byHash.get(hash);
    return id === undefined ? undefined : this.get(id);
  }

  byEmailAddress(email: string): UserRecord | undefined {
    const id = this.byEmail.get(email);
    return id === undefined ? undefined : this.get(id);
  }

  list(): UserRecord[] {
    return [...this.store.values('users')].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  count(): number {
    return this.store.size('users');
  }

  put(tx: Tx, user: UserRecord): void {
    tx.put('users', user);
  }
}

/** A user as the API shows it: never the token hash. */
export function publicUser({ tokenHash: _hash, ...user }: UserRecord): User {
  return user;
}

import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { hasRole, type Role } from '../shared/roles.ts';
import type { Deps } from './deps.ts';
import type { UserRecord } from './store/types.ts';
import { describeIssues } from '../shared/schemas/describe.ts';

export { describeIssues };

export interface Context {
  deps: Deps;
  user: UserRecord | undefined;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    if (error.code === 'BAD_REQUEST' && error.cause instanceof ZodError) {
      const { message, fields } = describeIssues(error.cause);
      return { ...shape, message, data: { ...shape.data, fields, stack: undefined } };
    }
    // Internal details never reach the caller; the log has them.
    if (error.code === 'INTERNAL_SERVER_ERROR') return { ...shape, message: 'internal error', data: { ...shape.data, stack: undefined } };
    return { ...shape, data: { ...shape.data, stack: undefined } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure;

/** The builder every other procedure starts from: the caller must hold at least `role`. */
export function procedureFor(role: Role) {
  return t.procedure.use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'a valid bearer token is required' });
    if (!hasRole(ctx.user.role, role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `this needs the ${role} role; you are a ${ctx.user.role}` });
    }
    return next({ ctx: { deps: ctx.deps, user: ctx.user } });
  });
}

export const repProcedure = procedureFor('rep');
export const leadProcedure = procedureFor('lead');
export const adminProcedure = procedureFor('admin');

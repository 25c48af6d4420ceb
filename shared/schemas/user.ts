import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { emailField, isoDate, text } from './fields.ts';

export const role = z.enum(ROLES);

export const DEFAULT_CAPACITY = 25;

export const user = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role,
  capacity: z.number().int(),
  active: z.boolean(),
  createdAt: isoDate,
});
export type User = z.infer<typeof user>;

export const userCreateInput = z.object({
  name: text(120).pipe(z.string({ message: 'is required' })),
  email: emailField,
  role,
  capacity: z.number().int().min(0).max(10_000).optional(),
});
export type UserCreateInput = z.output<typeof userCreateInput>;

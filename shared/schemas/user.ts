import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { emailField, id, isoDate, text } from './fields.ts';
import { tagField, territoryField } from './territory.ts';

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
  // Rep settings for distribution; absent on users created before them (see repSettingsOf).
  away: z.boolean().optional(),
  awayUntil: isoDate.nullable().optional(),
  weight: z.number().optional(),
  territories: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
});
export type User = z.infer<typeof user>;

export const userCreateInput = z.object({
  name: text(120).pipe(z.string({ message: 'is required' })),
  email: emailField,
  role,
  capacity: z.number().int().min(0).max(10_000).optional(),
});
export type UserCreateInput = z.output<typeof userCreateInput>;

export const DEFAULT_WEIGHT = 1;

/** What a team lead or admin may change on a user: availability, cap, weight, territories, tags. */
export const userUpdateInput = z
  .object({
    id,
    active: z.boolean().optional(),
    away: z.boolean().optional(),
    /** Back automatically at this moment; null clears it. */
    awayUntil: isoDate.nullable().optional(),
    capacity: z.number().int().min(0).max(10_000).optional(),
    weight: z.number().min(0).max(100).optional(),
    territories: z.array(territoryField).max(100).optional(),
    tags: z.array(tagField).max(50).optional(),
  })
  .strict();
export type UserUpdateInput = z.output<typeof userUpdateInput>;

/** A user's distribution settings with their defaults filled in. */
export const repSettingsOf = (u: User) => ({
  away: u.away ?? false,
  awayUntil: u.awayUntil ?? null,
  weight: u.weight ?? DEFAULT_WEIGHT,
  territories: u.territories ?? [],
  tags: u.tags ?? [],
});

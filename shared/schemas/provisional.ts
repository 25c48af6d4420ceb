import { z } from 'zod';
import { scoreReason } from './lead.ts';
import { fieldCheck, qualityField } from './scoring.ts';

/**
 * A contact the rep is still reviewing, as typed: unlike a capture nothing is refused, because
 * a half-typed or wrong address is exactly what the provisional score should point out.
 */
export const provisionalContact = z.object({
  name: z.string().max(800).optional(),
  email: z.string().max(254).optional(),
  phone: z.string().max(40).optional(),
  title: z.string().max(800).optional(),
  company: z.string().max(800).optional(),
  website: z.string().max(2048).optional(),
  address: z.string().max(2000).optional(),
  /** The page's country, for a phone number written without a country code. */
  region: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
    .optional(),
});
export type ProvisionalContact = z.infer<typeof provisionalContact>;

/**
 * Whose fit rules the provisional score used: the team's; the defaults because the rep may not
 * read the team's; or the defaults because the server could not be asked (not connected, away).
 */
export const PROVISIONAL_RULES = ['team', 'default', 'offline'] as const;

export const provisionalScore = z.object({
  total: z.number().min(0).max(100),
  grade: z.enum(['A', 'B', 'C', 'D']),
  quality: z.number(),
  fit: z.number(),
  engagement: z.number(),
  /** The reasons that raise it most and those that lower it most. */
  up: z.array(scoreReason),
  down: z.array(scoreReason),
  checks: z.partialRecord(qualityField, fieldCheck),
  rules: z.enum(PROVISIONAL_RULES),
});
export type ProvisionalScore = z.infer<typeof provisionalScore>;

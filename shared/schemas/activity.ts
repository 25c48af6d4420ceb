import { z } from 'zod';
import { id, isoDate, text } from './fields.ts';

export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'note'] as const;
export const activityType = z.enum(ACTIVITY_TYPES);
export const CALL_OUTCOMES = ['connected', 'no_answer', 'voicemail', 'wrong_number'] as const;
export const callOutcome = z.enum(CALL_OUTCOMES);

/** Types that count as reaching out: they clear a contact-by deadline. */
export const CONTACT_TYPES: ReadonlySet<string> = new Set(['call', 'email', 'meeting']);

export const activityAddInput = z
  .object({
    leadId: id,
    type: activityType,
    outcome: z.string().max(40).optional(),
    note: text(5000).optional(),
    followUpAt: isoDate.optional(),
    idempotencyKey: z.string().min(8).max(128).optional(),
    /** When it happened, for an activity logged offline and sent later; the server keeps it within the last 48 hours and never in the future. */
    at: isoDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'call' && v.outcome !== undefined && !callOutcome.safeParse(v.outcome).success) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: `must be one of ${CALL_OUTCOMES.join(', ')}` });
    }
  });

export const activity = z.object({
  id: z.string(),
  leadId: z.string(),
  userId: z.string(),
  type: activityType,
  outcome: z.string().optional(),
  note: z.string().optional(),
  followUpAt: isoDate.optional(),
  at: isoDate,
});
export type Activity = z.infer<typeof activity>;

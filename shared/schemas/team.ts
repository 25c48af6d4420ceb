import { z } from 'zod';
import { text } from './fields.ts';
import { grade, LEAD_STATUSES, SOURCE_KINDS } from './lead.ts';

/** The team's list of reasons for losing a lead (config key `lostReasons`). */
export const lostReasonsValue = z
  .array(text(80).pipe(z.string({ message: 'must not be empty' })))
  .min(1, 'must name at least one reason')
  .max(30, 'may name at most 30 reasons')
  .refine((list) => new Set(list.map((r) => r.toLowerCase())).size === list.length, 'must not repeat a reason');

export const setLostReasonsInput = z.object({ reasons: lostReasonsValue });

/** A rep's follow-ups: due before `before` (default: all still pending). */
export const followUpsInput = z
  .object({ before: z.iso.datetime({ offset: true }).optional() })
  .prefault({});

export const followUp = z.object({
  activityId: z.string(),
  leadId: z.string(),
  leadName: z.string(),
  company: z.string().optional(),
  type: z.string(),
  followUpAt: z.string(),
});
export type FollowUp = z.infer<typeof followUp>;

const statusCounts = z.object(Object.fromEntries(LEAD_STATUSES.map((s) => [s, z.number()])) as Record<(typeof LEAD_STATUSES)[number], z.ZodNumber>);

export const repSummary = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.string(),
  openLeads: z.number(),
  capacity: z.number(),
  contactedToday: z.number(),
  conversions: z.number(),
  /** Over the rep's most recent first contacts; null before the first one. */
  medianMinutesToFirstContact: z.number().nullable(),
  /** Away now, as routing sees it (an away-until in the past means back). */
  away: z.boolean(),
  /** When an away rep is back; null when away until further notice, or not away. */
  awayUntil: z.string().nullable(),
});
export type RepSummary = z.infer<typeof repSummary>;

export const teamSummary = z.object({
  at: z.string(),
  queue: z.object({
    depth: z.number(),
    /** Age of the oldest unassigned lead, in minutes (to the hour); null when the queue is empty. */
    oldestMinutes: z.number().nullable(),
    /** Unassigned leads by how long they have waited. */
    age: z.object({ underHour: z.number(), underDay: z.number(), underWeek: z.number(), older: z.number() }),
  }),
  newLeads: z.object({ today: z.number(), week: z.number() }),
  sla: z.object({
    /** Open leads whose contact-by deadline has passed without contact. */
    breachedNow: z.number(),
    /** Deadlines that lapsed in each of the last 7 days, oldest first (today last). */
    lastSevenDays: z.array(z.object({ day: z.string(), count: z.number() })),
    weekTotal: z.number(),
  }),
  reps: z.array(repSummary),
  funnel: z.object({
    byStatus: statusCounts,
    /** How many leads reached each stage (or went past it), and the share of them that went on to the next. */
    stages: z.array(z.object({ stage: z.string(), reached: z.number(), toNext: z.number().nullable() })),
  }),
  scoreMix: z.object({
    /** Leads created in the last 7 days, by grade and by source. */
    byGrade: z.object(Object.fromEntries(grade.options.map((g) => [g, z.number()])) as Record<'A' | 'B' | 'C' | 'D', z.ZodNumber>),
    bySource: z.object(Object.fromEntries(SOURCE_KINDS.map((k) => [k, z.number()])) as Record<(typeof SOURCE_KINDS)[number], z.ZodNumber>),
  }),
});
export type TeamSummary = z.infer<typeof teamSummary>;

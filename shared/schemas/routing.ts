import { z } from 'zod';
import { STRATEGY_IDS } from '../routing/registry.ts';
import { id, isoDate, text } from './fields.ts';
import { grade, sourceKind } from './lead.ts';
import { tagField, territoryField } from './territory.ts';

export { tagField, territoryField };

const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

export const routingRule = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 lower-case letters, digits or -'),
  name: text(80).pipe(z.string({ message: 'is required' })),
  enabled: z.boolean().default(true),
  /** Which leads the rule takes; an empty condition matches every lead. */
  when: z
    .object({
      grades: z.array(grade).max(4).optional(),
      minScore: z.number().min(0).max(100).optional(),
      sources: z.array(sourceKind).max(7).optional(),
      territories: z.array(territoryField).max(100).optional(),
    })
    .strict()
    .default({}),
  strategy: z.enum(STRATEGY_IDS),
  /** Which reps the rule may pick from; nothing named means every rep. */
  reps: z
    .object({
      userIds: z.array(id).max(500).optional(),
      tags: z.array(tagField).max(50).optional(),
    })
    .strict()
    .default({}),
});
export type RoutingRule = z.output<typeof routingRule>;

const hours = z.number().positive().max(24 * 90);

/** The contact-by deadline: hours after assignment, per grade if wanted, and what a lapse does. */
export const slaSettings = z
  .object({
    /** Unset: the server's CONTACT_BY_HOURS. */
    hours: hours.optional(),
    byGrade: z.partialRecord(grade, hours).default({}),
    onLapse: z.enum(['queue', 'lead']).default('queue'),
    /** The team lead who receives lapsed leads when onLapse is `lead`. */
    escalateTo: id.optional(),
    /** How long before the deadline the extension warns the owner. */
    warnMinutes: z.number().int().min(1).max(24 * 60).default(60),
  })
  .strict()
  .refine((v) => v.onLapse !== 'lead' || v.escalateTo !== undefined, { message: 'is required when onLapse is lead', path: ['escalateTo'] });
export type SlaSettings = z.output<typeof slaSettings>;

export const routingConfig = z
  .object({
    /** When on, new captures and imports are routed by the rules as they arrive. */
    autoAssign: z.boolean().default(false),
    rules: z.array(routingRule).max(50).default([]),
    sla: slaSettings.default({ byGrade: {}, onLapse: 'queue', warnMinutes: 60 }),
  })
  .strict()
  .refine((v) => unique(v.rules.map((r) => r.id)), { message: 'rule ids must be unique', path: ['rules'] });
export type RoutingConfig = z.output<typeof routingConfig>;

export const ROUTING_KINDS = ['claimed', 'assigned', 'reassigned', 'routed', 'returned', 'escalated'] as const;

/** One line of the routing log: who or what moved a lead, and why. */
export const routingLogEntry = z.object({
  id: z.string(),
  at: isoDate,
  leadId: z.string(),
  kind: z.enum(ROUTING_KINDS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** A user id, or `system` for rules and timers. */
  by: z.string(),
  ruleId: z.string().optional(),
  strategy: z.string().optional(),
  position: z.number().int().optional(),
  reason: z.string(),
});
export type RoutingLogEntry = z.infer<typeof routingLogEntry>;

export const routingLogInput = z
  .object({
    leadId: id.optional(),
    userId: id.optional(),
    kind: z.enum(ROUTING_KINDS).optional(),
    cursor: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .prefault({});

export const snoozeInput = z.object({ leadId: id, until: isoDate.nullable() });

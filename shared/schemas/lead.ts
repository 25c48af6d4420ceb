import { z } from 'zod';
import { territoryField } from './territory.ts';
import { emailField, id, isoDate, normaliseOtherPhonesIn, normalisePhoneIn, phoneField, regionField, text, websiteField } from './fields.ts';
import { fieldCheck, prediction, qualityField } from './scoring.ts';
import { OTHER_PHONES_MAX } from './limits.ts';

export const SOURCE_KINDS = ['page', 'email', 'selection', 'form', 'import', 'manual', 'api'] as const;
export const sourceKind = z.enum(SOURCE_KINDS);

/** Campaign parameters (utm_*) a web form or a landing page carried. */
export const utm = z.object({
  source: z.string().max(200).optional(),
  medium: z.string().max(200).optional(),
  campaign: z.string().max(200).optional(),
  term: z.string().max(200).optional(),
  content: z.string().max(200).optional(),
});
export type Utm = z.infer<typeof utm>;

export const source = z.object({
  kind: sourceKind,
  url: z.string().max(2048).optional(),
  /** The web form or imported file the lead came from. */
  name: z.string().max(200).optional(),
  referrer: z.string().max(2048).optional(),
  utm: utm.optional(),
});
export type Source = z.infer<typeof source>;

export const LEAD_STATUSES = ['new', 'assigned', 'contacted', 'qualified', 'converted', 'lost'] as const;
export const leadStatus = z.enum(LEAD_STATUSES);
export type LeadStatus = z.infer<typeof leadStatus>;

export const CONTACT_FIELDS = ['name', 'email', 'phone', 'title', 'company', 'website', 'address'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Where a field's value came from and how sure the capturing side was. */
export const fieldProvenance = z.object({
  kind: sourceKind,
  url: z.string().max(2048).optional(),
  extractor: z.string().max(40).optional(),
  confidence: z.number().min(0).max(1),
  at: isoDate,
  by: z.string().max(64).optional(),
});
export type FieldProvenance = z.infer<typeof fieldProvenance>;

const provenanceHint = z.object({
  extractor: z.string().max(40).optional(),
  confidence: z.number().min(0).max(1).optional(),
});

/** The raw shape a client sends; `captureInput` normalises it. */
const captureShape = z.object({
  name: text(200).optional(),
  email: z.union([emailField, z.literal('').transform(() => undefined)]).optional(),
  phone: phoneField.optional(),
  /** Further numbers of the same contact ("Telephone: +34 983 878 011, +34 659 843 463"). */
  otherPhones: z.array(phoneField).max(OTHER_PHONES_MAX).optional(),
  region: regionField.optional(),
  title: text(200).optional(),
  company: text(200).optional(),
  website: websiteField.optional(),
  address: text(500).optional(),
  source,
  provenance: z.partialRecord(z.enum(CONTACT_FIELDS), provenanceHint).optional(),
  idempotencyKey: z.string().min(8).max(128).optional(),
  territory: territoryField.optional(),
});

export const captureInput = captureShape
  .transform(normalisePhoneIn)
  .transform(normaliseOtherPhonesIn)
  .refine((v) => v.email !== undefined || v.phone !== undefined, {
    message: 'at least one of email or phone is required',
    path: ['email'],
  });
export type CaptureInput = z.output<typeof captureInput>;

export const scoreReason = z.object({
  label: z.string(),
  points: z.number(),
  group: z.enum(['quality', 'fit', 'engagement', 'predicted']),
});
export type ScoreReason = z.infer<typeof scoreReason>;

export const grade = z.enum(['A', 'B', 'C', 'D']);
export type Grade = z.infer<typeof grade>;

export const score = z.object({
  total: z.number().min(0).max(100),
  grade,
  quality: z.number(),
  fit: z.number(),
  engagement: z.number(),
  /** The model's probability that the lead converts, once a model is trained. */
  predicted: z.number().min(0).max(1).optional(),
  /** The points of the reasons add up to `total`, caps included. */
  reasons: z.array(scoreReason),
  /** Verification of each contact field. */
  checks: z.partialRecord(qualityField, fieldCheck).optional(),
  /** The model's view, or why there is none yet. */
  prediction: prediction.optional(),
  version: z.number().int(),
  scoredAt: isoDate,
});
export type Score = z.infer<typeof score>;

export const lead = z.object({
  id,
  name: z.string().optional(),
  email: z.string().optional(),
  otherEmails: z.array(z.string()),
  phone: z.string().optional(),
  otherPhones: z.array(z.string()),
  title: z.string().optional(),
  company: z.string().optional(),
  website: z.string().optional(),
  address: z.string().optional(),
  provenance: z.partialRecord(z.enum(CONTACT_FIELDS), fieldProvenance),
  source,
  status: leadStatus,
  lostReason: z.string().optional(),
  ownerId: z.string().nullable(),
  contactBy: isoDate.nullable(),
  /** The sales territory (EMEA, US-CA …) that decides which reps may take it. */
  territory: z.string().optional(),
  /** Kept out of the queue until then. */
  snoozedUntil: isoDate.optional(),
  capturedBy: z.string().optional(),
  score,
  version: z.number().int().min(1),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Lead = z.infer<typeof lead>;

/** What `leads.update` may change. Ownership moves through the queue, never through a patch. */
export const leadPatch = z
  .object({
    name: text(200).nullable().optional(),
    email: emailField.nullable().optional(),
    phone: phoneField.nullable().optional(),
    region: regionField.optional(),
    title: text(200).nullable().optional(),
    company: text(200).nullable().optional(),
    website: websiteField.nullable().optional(),
    address: text(500).nullable().optional(),
    status: leadStatus.optional(),
    lostReason: text(200).optional(),
    territory: territoryField.nullable().optional(),
  })
  .strict()
  .transform((v, ctx) => (v.phone === null ? v : normalisePhoneIn({ ...v, phone: v.phone ?? undefined }, ctx)));
export type LeadPatch = z.output<typeof leadPatch>;

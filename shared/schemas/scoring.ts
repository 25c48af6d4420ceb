import { z } from 'zod';
import { isoDate } from './fields.ts';

/** How sure a contact field is: checked and fine, checked and wrong, doubtful, or not checkable. */
export const CHECK_STATUSES = ['valid', 'invalid', 'risky', 'unknown'] as const;
export const checkStatus = z.enum(CHECK_STATUSES);
export type CheckStatus = z.infer<typeof checkStatus>;

export const QUALITY_FIELDS = ['email', 'phone', 'name', 'title', 'address'] as const;
export const qualityField = z.enum(QUALITY_FIELDS);
export type QualityField = z.infer<typeof qualityField>;

export const fieldCheck = z.object({ status: checkStatus, label: z.string() });
export type FieldCheck = z.infer<typeof fieldCheck>;

const points = z.number().int().min(-50).max(50);
const words = z.array(z.string().trim().min(1).max(200)).max(500);

/** What the team configures about fit and engagement; read and written by scoring.getRules/setRules. */
export const fitRules = z.object({
  seniority: z
    .object({ cLevel: points, vp: points, headOrDirector: points, manager: points, individual: points })
    .default({ cLevel: 22, vp: 18, headOrDirector: 14, manager: 8, individual: 3 }),
  targetCompanies: z.object({ names: words, domains: words, points }).default({ names: [], domains: [], points: 12 }),
  targetIndustries: z.object({ values: words, points }).default({ values: [], points: 10 }),
  /** Countries as ISO codes; regions as words found in the address (a state, a county, a city). */
  territories: z
    .object({ countries: z.array(z.string().regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code').transform((c) => c.toUpperCase())).max(250), regions: words, points, outsidePoints: points })
    .default({ countries: [], regions: [], points: 8, outsidePoints: 0 }),
  /** Employee bands, largest first; the first whose minimum a company reaches decides. */
  companySize: z
    .array(z.object({ min: z.number().int().min(0), points }))
    .max(20)
    .default([
      { min: 1000, points: 10 },
      { min: 200, points: 8 },
      { min: 50, points: 5 },
      { min: 1, points: 2 },
    ]),
  revenueBands: z.record(z.string().max(40), points).default({ '100M+': 6, '10M-100M': 4, '1M-10M': 2 }),
  creditRatings: z.record(z.string().max(10), points).default({ A: 6, B: 3, C: 0, D: -6 }),
});
export type FitRules = z.infer<typeof fitRules>;

export const engagementRules = z.object({
  /** Days after which an activity's points have halved. */
  halfLifeDays: z.number().min(0.5).max(365).default(14),
  points: z
    .object({ meeting: points, callConnected: points, callOther: points, email: points, emailReplied: points, note: points })
    .default({ meeting: 10, callConnected: 6, callOther: 2, email: 3, emailReplied: 8, note: 1 }),
  /** After this many days without an activity, engagement loses `inactivityPoints` (never below 0). */
  inactivityDays: z.number().int().min(1).max(365).default(30),
  inactivityPoints: z.number().int().min(0).max(20).default(5),
});
export type EngagementRules = z.infer<typeof engagementRules>;

export const scoringRules = z.object({
  fit: fitRules.prefault({}),
  engagement: engagementRules.prefault({}),
});
export type ScoringRules = z.infer<typeof scoringRules>;
export const DEFAULT_SCORING_RULES: ScoringRules = scoringRules.parse({});

/** What an enrichment provider knows about a company. */
export const firmographics = z.object({
  domain: z.string().min(3).max(253).transform((d) => d.trim().toLowerCase().replace(/^www\./, '')).pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'is not a domain')),
  employees: z.number().int().min(0).max(10_000_000).optional(),
  revenueBand: z.string().trim().min(1).max(40).optional(),
  creditRating: z.string().trim().min(1).max(10).optional(),
  industry: z.string().trim().min(1).max(100).optional(),
});
export type Firmographics = z.infer<typeof firmographics>;

/** One row of a firmographics CSV, as text: empty cells are absent. */
export const firmographicsCsvRow = z
  .object({
    domain: z.string(),
    employees: z.string().optional(),
    revenue_band: z.string().optional(),
    credit_rating: z.string().optional(),
    industry: z.string().optional(),
  })
  .transform((r, ctx) => {
    const employees = r.employees?.trim() ? Number(r.employees.replace(/[,_\s]/g, '')) : undefined;
    if (employees !== undefined && !Number.isInteger(employees)) {
      ctx.addIssue({ code: 'custom', path: ['employees'], message: 'must be a whole number' });
      return z.NEVER;
    }
    const opt = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
    return {
      domain: r.domain,
      ...(employees !== undefined ? { employees } : {}),
      ...(opt(r.revenue_band) ? { revenueBand: opt(r.revenue_band) } : {}),
      ...(opt(r.credit_rating) ? { creditRating: opt(r.credit_rating)?.toUpperCase() } : {}),
      ...(opt(r.industry) ? { industry: opt(r.industry) } : {}),
    };
  })
  .pipe(firmographics);

export const firmographicsLoadInput = z.object({
  rows: z.array(firmographics).min(1).max(5000),
  /** Drop every row loaded before (the first batch of a new file). */
  replace: z.boolean().default(false),
  /** Rescore every lead afterwards; a multi-batch load asks for it on its last batch only. */
  rescore: z.boolean().default(true),
});

/** Naive Bayes over discretised features: per feature, per value, the counts of [lost, won]. */
export const naiveBayesModel = z.object({
  kind: z.literal('naive-bayes'),
  trainedAt: isoDate,
  alpha: z.number().positive(),
  classes: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
  features: z.record(z.string(), z.record(z.string(), z.tuple([z.number().int().min(0), z.number().int().min(0)]))),
});
export type NaiveBayesModel = z.infer<typeof naiveBayesModel>;

export const MIN_OUTCOMES = 50;

export const predictionFactor = z.object({ label: z.string(), weight: z.number() });
export const prediction = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ready'), probability: z.number().min(0).max(1), up: z.array(predictionFactor), down: z.array(predictionFactor), trainedAt: isoDate, outcomes: z.number().int() }),
  z.object({ status: z.literal('insufficient'), needed: z.number().int(), message: z.string() }),
]);
export type Prediction = z.infer<typeof prediction>;

export const trainInput = z.object({}).prefault({});

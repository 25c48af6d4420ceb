import { z } from 'zod';
import { contactPart } from './contact-parts.ts';
import { regionField } from './fields.ts';

/** Rows per imports.rows call: small enough for one quick transaction, large enough for 100k rows in a minute. */
export const IMPORT_BATCH_MAX = 500;
export const IMPORT_COLUMNS_MAX = 200;

/** A column's target: a contact part, the lead status (closed statuses only) and why it was lost, or `ignore` to leave it out. */
export const columnTarget = z.union([contactPart, z.literal('status'), z.literal('lost_reason'), z.literal('ignore')]);
export type ColumnTarget = z.infer<typeof columnTarget>;

export const importRowsInput = z.object({
  /** The file's name, kept as the leads' source. */
  file: z.string().min(1).max(200),
  /** Client-chosen id of the whole import, so a dry run knows the rows earlier batches would create. */
  importId: z.string().min(8).max(64),
  columns: z.array(z.string().max(200)).min(1).max(IMPORT_COLUMNS_MAX),
  /** Column header → target, over the recognised HubSpot, Salesforce and plain headers. */
  mapping: z.record(z.string().max(200), columnTarget).optional(),
  /** The number of the first row in the file (1 = the first data row), for the report. */
  firstRow: z.number().int().min(1),
  rows: z.array(z.array(z.string().max(4000)).max(IMPORT_COLUMNS_MAX)).max(IMPORT_BATCH_MAX),
  dryRun: z.boolean().default(false),
  region: regionField.optional(),
});
export type ImportRowsInput = z.output<typeof importRowsInput>;

export const rowOutcome = z.enum(['created', 'merged', 'rejected']);
export type RowOutcome = z.infer<typeof rowOutcome>;

export const rowResult = z.object({
  row: z.number().int(),
  outcome: rowOutcome,
  leadId: z.string().optional(),
  reason: z.string().optional(),
});
export type RowResult = z.infer<typeof rowResult>;

export interface ImportRowsResult {
  created: number;
  merged: number;
  rejected: number;
  results: RowResult[];
}

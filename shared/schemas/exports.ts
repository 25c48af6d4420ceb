import { z } from 'zod';
import { EXPORT_FORMATS } from '../export/columns.ts';
import { id } from './fields.ts';
import { listInput } from './api.ts';

export const EXPORT_PAGE_MAX = 1000;

/** The filters of leads.list, a column set, and pages of up to 1,000 leads. */
export const exportLeadsInput = z
  .object({
    format: z.enum(EXPORT_FORMATS).default('leadsync'),
    status: listInput.unwrap().shape.status,
    ownerId: listInput.unwrap().shape.ownerId,
    q: listInput.unwrap().shape.q,
    cursor: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(EXPORT_PAGE_MAX).default(EXPORT_PAGE_MAX),
  })
  .prefault({});
export type ExportLeadsInput = z.output<typeof exportLeadsInput>;

export const vcardInput = z.object({ id });

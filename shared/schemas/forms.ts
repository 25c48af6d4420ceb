import { z } from 'zod';
import { id, text } from './fields.ts';

import { contactPart } from './contact-parts.ts';

export const formTarget = contactPart;
export type FormTarget = z.infer<typeof formTarget>;

const origin = z
  .string()
  .max(300)
  .transform((v, ctx) => {
    try {
      const url = new URL(v.trim());
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
      return url.origin;
    } catch {
      ctx.addIssue({ code: 'custom', message: `${v} is not an http(s) origin such as https://www.example.com` });
      return z.NEVER;
    }
  });

const httpUrl = z
  .string()
  .max(2048)
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'must be an absolute http(s) URL');

export const formCreateInput = z.object({
  name: text(120).pipe(z.string({ message: 'is required' })),
  /** Sites allowed to post the form. Empty: any site. */
  allowedOrigins: z.array(origin).max(20).optional(),
  /** Where a browser goes after a successful post; without one the endpoint answers JSON. */
  redirectUrl: httpUrl.optional(),
  /** The rep who receives every new lead of this form; without one they go to the queue. */
  ownerId: id.optional(),
  /** Posted field name → lead field, on top of the Salesforce Web-to-Lead names. */
  mapping: z.record(z.string().min(1).max(80), formTarget).optional(),
});
export type FormCreateInput = z.infer<typeof formCreateInput>;

export const form = z.object({
  key: z.string(),
  name: z.string(),
  allowedOrigins: z.array(z.string()),
  redirectUrl: z.string().nullable(),
  ownerId: z.string().nullable(),
  mapping: z.record(z.string(), formTarget),
  createdAt: z.string(),
  createdBy: z.string(),
  submissions: z.number().int(),
  lastSubmissionAt: z.string().nullable(),
});
export type Form = z.infer<typeof form>;

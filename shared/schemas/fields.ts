import { z } from 'zod';
import { cleanText, normaliseEmail, normalisePhone, normaliseWebsite } from '../normalize.ts';

/** Trimmed, single-spaced text of bounded length; empty becomes undefined. */
export const text = (max: number) =>
  z.string().max(max * 4).transform((v) => cleanText(v)).pipe(z.string().max(max).optional());

export const emailField = z
  .string()
  .max(254)
  .transform(normaliseEmail)
  .pipe(z.email({ message: 'is not a valid email address' }));

/**
 * A phone in any common notation, parsed with the region given beside it. It is normalised
 * in a refinement of the whole object (see `withPhone`), because the region is a sibling field.
 */
export const phoneField = z.string().max(40);

export const websiteField = z
  .string()
  .max(2048)
  .transform((v, ctx) => {
    const site = normaliseWebsite(v);
    if (site === undefined) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid http(s) website' });
      return z.NEVER;
    }
    return site;
  });

export const regionField = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
  .transform((v) => v.toUpperCase());

export const isoDate = z.iso.datetime({ offset: true });

export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'is not a valid id');

/** Normalises `phone` to E.164 using `region`, reporting a bad number on the phone field. */
export function normalisePhoneIn<T extends { phone?: string | undefined; region?: string | undefined }>(
  value: T,
  ctx: z.RefinementCtx,
): T {
  if (value.phone === undefined || value.phone.trim() === '') return { ...value, phone: undefined };
  const result = normalisePhone(value.phone, value.region ?? 'US');
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', path: ['phone'], message: result.reason });
    return value;
  }
  return { ...value, phone: result.e164 };
}

/** Each further number to E.164 in the same region as the phone; one that is no phone is refused by its place. */
export function normaliseOtherPhonesIn<T extends { phone?: string | undefined; otherPhones?: string[] | undefined; region?: string | undefined }>(
  value: T,
  ctx: z.RefinementCtx,
): T {
  if (!value.otherPhones) return value;
  const out: string[] = [];
  value.otherPhones.forEach((raw, i) => {
    const result = normalisePhone(raw, value.region ?? 'US');
    if (!result.ok) ctx.addIssue({ code: 'custom', path: ['otherPhones', i], message: result.reason });
    else if (result.e164 !== value.phone && !out.includes(result.e164)) out.push(result.e164);
  });
  return { ...value, otherPhones: out };
}

import { z } from 'zod';
import { LOG_LEVELS } from './log.ts';

/** A port in decimal; empty means unset (z.coerce would read '' and '  ' as 0: any free port). */
const port = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return 4400;
    const n = /^\d{1,5}$/.test(v) ? Number(v) : Number.NaN;
    if (n >= 0 && n <= 65535) return n;
    ctx.addIssue({ code: 'custom', message: 'must be a whole number from 0 to 65535' });
    return z.NEVER;
  });

/**
 * Express's `trust proxy`: which hops' X-Forwarded-For to believe, so the form rate limits see each
 * visitor's address behind a reverse proxy. A hop count or named proxies (`loopback`, addresses,
 * subnets); never `true`, which would let any visitor pick the address they are limited by.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): false | number | string => {
    const value = v?.trim() ?? '';
    if (value === '' || value === 'false') return false;
    if (/^\d{1,2}$/.test(value)) return Number(value);
    const items = value.split(',').map((i) => i.trim());
    if (value !== 'true' && items.every((i) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(i))) return items.join(', ');
    ctx.addIssue({ code: 'custom', message: 'must be a number of proxy hops, or loopback, linklocal, uniquelocal, addresses or subnets, comma separated' });
    return z.NEVER;
  });

const envSchema = z.object({
  PORT: port,
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  LEADSYNC_ADMIN_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .max(512)
    .regex(/^\S+$/, 'must not contain spaces')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DURABILITY: z.enum(['rename', 'fsync']).default('rename'),
  CONTACT_BY_HOURS: z.coerce.number().positive().max(24 * 90).default(24),
  DEFAULT_REGION: z.string().regex(/^[A-Za-z]{2}$/).default('US').transform((v) => v.toUpperCase()),
  TRUST_PROXY: trustProxy,
});
export type Env = z.infer<typeof envSchema>;

/** Reads the environment once at start-up; a bad value stops the server with a clear message. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid environment: ${problems}`);
  }
  return parsed.data;
}

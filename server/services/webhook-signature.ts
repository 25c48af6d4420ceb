import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature header of a delivery, the way Stripe signs its events: `t=<unix seconds>,v1=<hex>`
 * where the hex is HMAC-SHA256, keyed with the webhook's secret, of `<t>.<raw body>`. Signing the
 * timestamp with the body lets a receiver refuse replays of an old delivery.
 */
export function signatureHeader(secret: string, body: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** What a receiver does (the README shows the same): recompute, compare in constant time, check the age. */
export function verifySignature(secret: string, body: string, header: string, now: Date, toleranceS = 300): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceS) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(v1);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { WEBHOOK_TOLERANCE_S } from '../../../common/domain/integrations';

/**
 * `Wasl-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the subscription secret>`.
 * The time is inside what is signed, so a captured delivery cannot be replayed later with a fresh time.
 */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/**
 * The receiver's check (docs/integrations.md shows the same in plain Node): the signature matches the body, and
 * its time is within the tolerance of the receiver's clock. Used by the tests as a receiver would.
 */
export function verifyWebhook(
  secret: string,
  body: string,
  header: string | undefined,
  now = new Date(),
  toleranceS = WEBHOOK_TOLERANCE_S,
): { ok: true } | { ok: false; reason: 'malformed' | 'bad_signature' | 'too_old' } {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || typeof parts.v1 !== 'string' || !/^[0-9a-f]{64}$/.test(parts.v1)) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'))) return { ok: false, reason: 'bad_signature' };
  if (Math.abs(Math.floor(now.getTime() / 1000) - t) > toleranceS) return { ok: false, reason: 'too_old' };
  return { ok: true };
}

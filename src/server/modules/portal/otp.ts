import { createHash, randomInt } from 'node:crypto';
import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { otpCodes } from '../../db/tables/index';
import { AppError } from '../../errors';
import { enqueueNotification } from '../notifications/outbox';

export const OTP_TTL_MINUTES = 10;
const MAX_VERIFY_ATTEMPTS = 5;
/** Issued codes allowed per mobile and per address in a 10-minute window, and per mobile in a day. */
export const OTP_LIMITS = { perMobile10m: 3, perIp10m: 10, perMobileDay: 10 };

export type OtpPurpose = 'apply' | 'track';

const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

/**
 * Issues a 6-digit code for a purpose and reference, sent by SMS through the outbox. Rate-limited per number
 * and per address; the caller answers the same way whether or not the reference exists.
 */
export async function issueOtp(
  db: Db,
  p: { orgId: string; purpose: OtpPurpose; reference: string; mobile: string; ip: string | null },
) {
  const tenMinutes = new Date(Date.now() - 10 * 60_000);
  const day = new Date(Date.now() - 86_400_000);
  const [byMobile] = await db
    .select({ n: count() })
    .from(otpCodes)
    .where(and(eq(otpCodes.mobile, p.mobile), gt(otpCodes.createdAt, tenMinutes)));
  const [byMobileDay] = await db
    .select({ n: count() })
    .from(otpCodes)
    .where(and(eq(otpCodes.mobile, p.mobile), gt(otpCodes.createdAt, day)));
  const [byIp] = p.ip
    ? await db
        .select({ n: count() })
        .from(otpCodes)
        .where(and(eq(otpCodes.ip, p.ip), gt(otpCodes.createdAt, tenMinutes)))
    : [{ n: 0 }];
  if (
    Number(byMobile?.n) >= OTP_LIMITS.perMobile10m ||
    Number(byMobileDay?.n) >= OTP_LIMITS.perMobileDay ||
    Number(byIp?.n) >= OTP_LIMITS.perIp10m
  ) {
    throw new AppError('otp.rate_limited');
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(otpCodes)
      .values({
        orgId: p.orgId,
        purpose: p.purpose,
        reference: p.reference,
        mobile: p.mobile,
        codeHash: 'pending',
        expiresAt: new Date(Date.now() + OTP_TTL_MINUTES * 60_000),
        ip: p.ip,
      })
      .returning({ id: otpCodes.id });
    await tx
      .update(otpCodes)
      .set({ codeHash: hashCode(row!.id, code) })
      .where(eq(otpCodes.id, row!.id));
    await enqueueNotification(tx, {
      orgId: p.orgId,
      channel: 'sms',
      recipient: p.mobile,
      templateKey: 'otp',
      variables: { code, minutes: String(OTP_TTL_MINUTES) },
      idempotencyKey: `otp:${row!.id}`,
      entityType: 'otp',
      entityId: row!.id,
    });
  });
}

/**
 * Checks a code for a purpose and reference. Single use, expires after 10 minutes, at most five tries; an
 * unknown reference and a wrong code give the same error.
 */
export async function consumeOtp(
  db: Db,
  p: { orgId: string; purpose: OtpPurpose; reference: string; code: string },
): Promise<{ mobile: string }> {
  const [row] = await db
    .select()
    .from(otpCodes)
    .where(
      and(
        eq(otpCodes.orgId, p.orgId),
        eq(otpCodes.purpose, p.purpose),
        eq(otpCodes.reference, p.reference),
        isNull(otpCodes.usedAt),
      ),
    )
    .orderBy(desc(otpCodes.createdAt))
    .limit(1);
  if (!row || row.expiresAt < new Date() || row.attempts >= MAX_VERIFY_ATTEMPTS) throw new AppError('otp.invalid');
  if (!/^\d{6}$/.test(p.code) || hashCode(row.id, p.code) !== row.codeHash) {
    await db
      .update(otpCodes)
      .set({ attempts: row.attempts + 1 })
      .where(eq(otpCodes.id, row.id));
    throw new AppError('otp.invalid');
  }
  const used = await db
    .update(otpCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(otpCodes.id, row.id), isNull(otpCodes.usedAt)))
    .returning({ id: otpCodes.id });
  if (used.length === 0) throw new AppError('otp.invalid');
  return { mobile: row.mobile };
}

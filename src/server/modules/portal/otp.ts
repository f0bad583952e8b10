import { createHash, randomInt } from 'node:crypto';
import { and, count, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { otpCodes } from '../../db/tables/index';
import { AppError } from '../../errors';
import { enqueueNotification } from '../notifications';

export const OTP_TTL_MINUTES = 10;
export const MAX_VERIFY_ATTEMPTS = 5;

export type OtpPurpose = 'apply' | 'track' | 'follow';

/**
 * Each purpose has its own budget, so a typo while applying does not use up tracking. Counted per mobile (ten
 * minutes and a day), per address (ten minutes), and for tracking and follow-up per reference a day: a stranger
 * cannot make one person's phone ring more than a few times, known reference or not.
 */
export const OTP_LIMITS: Record<
  OtpPurpose,
  { perMobile10m: number; perMobileDay: number; perIp10m: number; perReferenceDay: number }
> = {
  apply: { perMobile10m: 5, perMobileDay: 15, perIp10m: 15, perReferenceDay: 15 },
  track: { perMobile10m: 5, perMobileDay: 10, perIp10m: 15, perReferenceDay: 6 },
  follow: { perMobile10m: 5, perMobileDay: 10, perIp10m: 15, perReferenceDay: 6 },
};

const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

async function countSince(db: Db, where: ReturnType<typeof and>) {
  const [row] = await db.select({ n: count() }).from(otpCodes).where(where);
  return Number(row?.n ?? 0);
}

/**
 * Issues a 6-digit code for a purpose and reference, sent by SMS through the outbox. A new code replaces any
 * earlier one for the same purpose and reference (the old one stops working, and its wrong tries are forgotten).
 *
 * `mobile: null` is a reference that does not exist: the same rows are counted and written (a code nobody
 * receives), so the answer, the limits and the work are the same as for a real one. When a real number has
 * spent its own budget the code is recorded but not sent, for the same reason; the person sees the usual
 * answer and can try again later.
 */
export async function issueOtp(
  db: Db,
  p: { orgId: string; purpose: OtpPurpose; reference: string; mobile: string | null; ip: string | null },
): Promise<{ sent: boolean }> {
  const limits = OTP_LIMITS[p.purpose];
  const now = Date.now();
  const tenMinutes = new Date(now - 10 * 60_000);
  const day = new Date(now - 86_400_000);
  const mine = and(eq(otpCodes.orgId, p.orgId), eq(otpCodes.purpose, p.purpose));
  const [byReference, byIp, byMobile, byMobileDay] = await Promise.all([
    countSince(db, and(mine, eq(otpCodes.reference, p.reference), gt(otpCodes.createdAt, day))),
    p.ip ? countSince(db, and(mine, eq(otpCodes.ip, p.ip), gt(otpCodes.createdAt, tenMinutes))) : 0,
    countSince(
      db,
      and(mine, eq(otpCodes.mobile, p.mobile ?? ''), ne(otpCodes.mobile, ''), gt(otpCodes.createdAt, tenMinutes)),
    ),
    countSince(
      db,
      and(mine, eq(otpCodes.mobile, p.mobile ?? ''), ne(otpCodes.mobile, ''), gt(otpCodes.createdAt, day)),
    ),
  ]);
  if (byReference >= limits.perReferenceDay || byIp >= limits.perIp10m) throw new AppError('otp.rate_limited');
  const mobileSpent = byMobile >= limits.perMobile10m || byMobileDay >= limits.perMobileDay;
  // Applying names the number itself, so saying its budget is spent tells nothing new.
  if (mobileSpent && p.purpose === 'apply') throw new AppError('otp.rate_limited');
  const send = p.mobile !== null && !mobileSpent;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.transaction(async (tx) => {
    // The new code replaces the old ones: they expire now.
    await tx
      .update(otpCodes)
      .set({ expiresAt: new Date(now) })
      .where(
        and(mine, eq(otpCodes.reference, p.reference), isNull(otpCodes.usedAt), gt(otpCodes.expiresAt, new Date(now))),
      );
    const [row] = await tx
      .insert(otpCodes)
      .values({
        orgId: p.orgId,
        purpose: p.purpose,
        reference: p.reference,
        mobile: send ? p.mobile! : '',
        codeHash: 'pending',
        expiresAt: new Date(now + OTP_TTL_MINUTES * 60_000),
        ip: p.ip,
      })
      .returning({ id: otpCodes.id });
    await tx
      .update(otpCodes)
      .set({ codeHash: hashCode(row!.id, code) })
      .where(eq(otpCodes.id, row!.id));
    if (send) {
      // A one-time code is waited for: it is sent at once, whatever the hour (never held for quiet hours).
      await enqueueNotification(tx, {
        orgId: p.orgId,
        channel: 'sms',
        recipient: p.mobile!,
        templateKey: 'otp',
        variables: { code, minutes: String(OTP_TTL_MINUTES) },
        idempotencyKey: `otp:${row!.id}`,
        entityType: 'otp',
        entityId: row!.id,
      });
    }
  });
  return { sent: send };
}

/**
 * Checks a code for a purpose and reference. Single use, expires after ten minutes, at most five wrong tries.
 * The answers say what to do next: a wrong code says how many tries are left; the last wrong try, an expired
 * code or a replaced one say "ask for a new code". A reference without a code gives the wrong-code answer.
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
  if (!row) throw new AppError('otp.invalid', { triesLeft: MAX_VERIFY_ATTEMPTS - 1 });
  if (row.attempts >= MAX_VERIFY_ATTEMPTS) throw new AppError('otp.too_many_tries');
  if (row.expiresAt <= new Date()) throw new AppError('otp.expired');
  if (!/^\d{6}$/.test(p.code) || !row.mobile || hashCode(row.id, p.code) !== row.codeHash) {
    const attempts = row.attempts + 1;
    await db.update(otpCodes).set({ attempts }).where(eq(otpCodes.id, row.id));
    if (attempts >= MAX_VERIFY_ATTEMPTS) throw new AppError('otp.too_many_tries');
    throw new AppError('otp.invalid', { triesLeft: MAX_VERIFY_ATTEMPTS - attempts });
  }
  const used = await db
    .update(otpCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(otpCodes.id, row.id), isNull(otpCodes.usedAt)))
    .returning({ id: otpCodes.id });
  if (used.length === 0) throw new AppError('otp.invalid', { triesLeft: MAX_VERIFY_ATTEMPTS - 1 });
  return { mobile: row.mobile };
}

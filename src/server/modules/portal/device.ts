import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { portalDevices, portalSigningKeys } from '../../db/tables/index';

/**
 * A phone remembered for tracking. The device keeps a cookie `<device id>.<expiry>.<signature>`: the signature
 * (HMAC-SHA256 with the association's key) means a forged or edited cookie is refused without a lookup; the row
 * means it can be revoked. It is only issued after a correct one-time code and only for the number that code
 * went to; it stops working when revoked, when it expires, or when the file's number is no longer that one.
 */
const PLAIN = 'wasl_portal_device';
const SECURE = '__Host-wasl_portal_device';

async function signingKey(db: Db, orgId: string): Promise<Buffer> {
  const [row] = await db.select().from(portalSigningKeys).where(eq(portalSigningKeys.orgId, orgId));
  if (row) return Buffer.from(row.secret, 'base64url');
  await db
    .insert(portalSigningKeys)
    .values({ orgId, secret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [created] = await db.select().from(portalSigningKeys).where(eq(portalSigningKeys.orgId, orgId));
  return Buffer.from(created!.secret, 'base64url');
}

const sign = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

export async function rememberDevice(
  db: Db,
  p: { orgId: string; mobile: string; days: number; userAgent: string | null },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + p.days * 86_400_000);
  const [row] = await db
    .insert(portalDevices)
    .values({ orgId: p.orgId, mobile: p.mobile, expiresAt, userAgent: p.userAgent })
    .returning({ id: portalDevices.id });
  const payload = `${row!.id}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return { id: row!.id, token: `${payload}.${sign(await signingKey(db, p.orgId), payload)}`, expiresAt };
}

/** The remembered device named by a token, if its signature is right and it is still valid; else null. */
export async function findDevice(db: Db, orgId: string, token: string | undefined) {
  const parts = token?.split('.') ?? [];
  if (parts.length !== 3) return null;
  const [id, expiry, signature] = parts as [string, string, string];
  if (!/^[0-9a-f-]{36}$/.test(id) || !/^\d{1,12}$/.test(expiry) || Number(expiry) * 1000 <= Date.now()) return null;
  const expected = Buffer.from(sign(await signingKey(db, orgId), `${id}.${expiry}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [row] = await db
    .select()
    .from(portalDevices)
    .where(
      and(
        eq(portalDevices.id, id),
        eq(portalDevices.orgId, orgId),
        isNull(portalDevices.revokedAt),
        gt(portalDevices.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

export async function touchDevice(db: Db, id: string) {
  await db.update(portalDevices).set({ lastUsedAt: new Date() }).where(eq(portalDevices.id, id));
}

/** Forgets one device, or every device of its number ("sign out my other phones too"). */
export async function revokeDevices(db: Db, p: { orgId: string; id: string; mobile?: string }): Promise<number> {
  const where = p.mobile
    ? and(eq(portalDevices.orgId, p.orgId), eq(portalDevices.mobile, p.mobile), isNull(portalDevices.revokedAt))
    : and(eq(portalDevices.orgId, p.orgId), eq(portalDevices.id, p.id), isNull(portalDevices.revokedAt));
  const rows = await db
    .update(portalDevices)
    .set({ revokedAt: new Date() })
    .where(where)
    .returning({ id: portalDevices.id });
  return rows.length;
}

const https = (request: FastifyRequest) => request.protocol === 'https';

export function readDeviceCookie(request: FastifyRequest): string | undefined {
  return request.cookies[https(request) ? SECURE : PLAIN];
}

export function setDeviceCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) {
  const secure = https(request);
  reply.setCookie(secure ? SECURE : PLAIN, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearDeviceCookie(request: FastifyRequest, reply: FastifyReply) {
  const secure = https(request);
  reply.clearCookie(secure ? SECURE : PLAIN, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

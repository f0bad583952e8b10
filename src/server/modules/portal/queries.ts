import { and, desc, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { portalDevices } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

const active = () => and(isNull(portalDevices.revokedAt), gt(portalDevices.expiresAt, new Date()));

/** The phones still remembered for any of these numbers (newest first). */
export async function listActiveDevices(db: Db, orgId: string, mobiles: string[]) {
  if (mobiles.length === 0) return [];
  return db
    .select({
      id: portalDevices.id,
      mobile: portalDevices.mobile,
      createdAt: portalDevices.createdAt,
      lastUsedAt: portalDevices.lastUsedAt,
      expiresAt: portalDevices.expiresAt,
      userAgent: portalDevices.userAgent,
    })
    .from(portalDevices)
    .where(inOrg(portalDevices, orgId, and(inArray(portalDevices.mobile, mobiles), active())))
    .orderBy(desc(portalDevices.createdAt));
}

/** Revokes the given still-remembered devices; returns the ids actually revoked. */
export async function revokeDeviceIds(db: Db, orgId: string, ids: string[], at: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(portalDevices)
    .set({ revokedAt: at })
    .where(inOrg(portalDevices, orgId, and(inArray(portalDevices.id, ids), isNull(portalDevices.revokedAt))))
    .returning({ id: portalDevices.id });
  return rows.map((r) => r.id);
}

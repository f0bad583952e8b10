import { and, desc, eq, gte, ilike, like, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike } from '../../db/like';
import { auditLog, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

export type AuditSearch = {
  actorUserId?: string | undefined;
  /** A person: the start of a username or of a display name. */
  actor?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** An exact action, or a family when it ends with a dot (`privacy.`). */
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Rows older than this id (the next page). */
  before?: number | undefined;
  limit: number;
};

export async function searchAudit(db: Db, orgId: string, q: AuditSearch) {
  const person = q.actor ? `${escapeLike(q.actor)}%` : null;
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorUsername: auditLog.actorUsername,
      actorName: users.displayName,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      ip: auditLog.ip,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(users.orgId, auditLog.orgId), eq(users.id, auditLog.actorUserId)))
    .where(
      inOrg(
        auditLog,
        orgId,
        and(
          q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
          person ? or(ilike(auditLog.actorUsername, person), ilike(users.displayName, person)) : undefined,
          q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
          q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
          q.action
            ? q.action.endsWith('.')
              ? like(auditLog.action, `${escapeLike(q.action)}%`)
              : eq(auditLog.action, q.action)
            : undefined,
          q.from ? gte(auditLog.at, q.from) : undefined,
          q.to ? lt(auditLog.at, q.to) : undefined,
          q.before ? lt(auditLog.id, q.before) : undefined,
        ),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(q.limit);
}

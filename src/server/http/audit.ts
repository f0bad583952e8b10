import type { Db } from '../db/client';
import { auditLog } from '../db/tables/index';
import type { RequestMeta } from './context';

export type AuditEntry = {
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
};

/** Appends one audit row; call it inside the transaction of the write it records. */
export async function writeAudit(
  db: Db,
  actor: { id: string | null; orgId: string | null; username: string | null },
  meta: RequestMeta,
  entry: AuditEntry,
): Promise<void> {
  await db.insert(auditLog).values({
    orgId: actor.orgId,
    actorUserId: actor.id,
    actorUsername: actor.username,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    ip: meta.ip,
    details: entry.details ?? null,
  });
}

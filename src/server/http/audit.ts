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

/** Appends several audit rows in one statement (a batch of imported files); same columns as `writeAudit`. */
export async function writeAudits(
  db: Db,
  actor: { id: string | null; orgId: string | null; username: string | null },
  meta: RequestMeta,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditLog).values(
    entries.map((entry) => ({
      orgId: actor.orgId,
      actorUserId: actor.id,
      actorUsername: actor.username,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      ip: meta.ip,
      details: entry.details ?? null,
    })),
  );
}

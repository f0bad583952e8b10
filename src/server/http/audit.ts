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

type Pending = { values: typeof auditLog.$inferInsert; resolve: () => void; reject: (error: unknown) => void };
const queues = new WeakMap<Db, Pending[]>();

async function flush(db: Db, batch: Pending[]): Promise<void> {
  try {
    await db.insert(auditLog).values(batch.map((p) => p.values));
    for (const p of batch) p.resolve();
  } catch (error) {
    if (batch.length === 1) {
      batch[0]!.reject(error);
      return;
    }
    // One bad row must not fail the others' requests: each is tried on its own.
    await Promise.all(batch.map((p) => flush(db, [p])));
  }
}

/**
 * Appends one audit row for an operation that has no transaction of its own (opening a file): the rows of the
 * requests that arrive in the same turn of the event loop go in one INSERT, so under load one commit serves many
 * (issue 19). Still never lost: each caller waits until its row is committed, and an error reaches that caller.
 * A write that has a transaction keeps using `writeAudit` inside it.
 */
export function writeAuditSoon(
  db: Db,
  actor: { id: string | null; orgId: string | null; username: string | null },
  meta: RequestMeta,
  entry: AuditEntry,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue) {
      queue = [];
      queues.set(db, queue);
      setImmediate(() => {
        queues.delete(db);
        void flush(db, queue!);
      });
    }
    queue.push({
      values: {
        orgId: actor.orgId,
        actorUserId: actor.id,
        actorUsername: actor.username,
        action: entry.action,
        entityType: entry.entityType ?? null,
        entityId: entry.entityId ?? null,
        ip: meta.ip,
        details: entry.details ?? null,
      },
      resolve,
      reject,
    });
  });
}

import type { Db } from '../../db/client';
import { notifications } from '../../db/tables/index';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { RequestMeta, SessionUser } from '../../http/context';
import { getDelivery } from './queries';

/**
 * "Send again": a new outbox row with the same body (same event id, so a receiver that already has it drops
 * it), whatever became of the first. Returns the new delivery's id.
 */
export async function resendDelivery(db: Db, admin: SessionUser, meta: RequestMeta, id: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const original = await getDelivery(tx, admin.orgId, id);
    if (!original) throw new AppError('integration.not_found');
    const [row] = await tx
      .insert(notifications)
      .values({
        orgId: admin.orgId,
        channel: 'webhook',
        recipient: original.recipient,
        templateKey: original.templateKey,
        variables: {},
        body: original.body,
        idempotencyKey: `${original.idempotencyKey}:again:${now.getTime()}`,
        entityType: original.entityType,
        entityId: original.entityId,
        category: 'service',
        awaited: true,
      })
      .returning({ id: notifications.id });
    await writeAudit(tx, admin, meta, {
      action: 'webhook.resent',
      entityType: 'notification',
      entityId: row!.id,
      details: { of: id },
    });
    return row!.id;
  });
}

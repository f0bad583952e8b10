import { and, eq } from 'drizzle-orm';
import type { DeliveryStatus } from '../../../common/domain/messaging';
import type { TemplateKey } from '../../../common/domain/notifications';
import type { Db } from '../../db/client';
import { notifications } from '../../db/tables/index';
import { getContact } from './messaging-queries';
import { enqueueNotification } from './outbox';

const RANK: Record<DeliveryStatus, number> = { sent: 1, delivered: 2, read: 3, failed: 2 };

/**
 * A delivery receipt from a provider: moves the message forward (sent → delivered → read; receipts may arrive
 * out of order, so a later state is never overwritten by an earlier one). A failed message falls back once to
 * the next channel of the person's preference; a fallback that fails does not fall back again.
 */
export async function applyReceipt(
  db: Db,
  orgId: string,
  r: {
    provider: 'sms' | 'whatsapp';
    providerMessageId: string;
    status: DeliveryStatus;
    error: string | null;
    at: Date;
  },
): Promise<boolean> {
  const [m] = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.orgId, orgId),
        eq(notifications.channel, r.provider),
        eq(notifications.providerMessageId, r.providerMessageId),
      ),
    )
    .limit(1);
  if (!m) return false;
  const current = (m.deliveryStatus as DeliveryStatus | null) ?? null;
  if (current && RANK[current] >= RANK[r.status] && current !== 'sent') return true;
  await db
    .update(notifications)
    .set({
      deliveryStatus: r.status,
      deliveryError: r.status === 'failed' ? (r.error ?? 'failed').slice(0, 500) : null,
      ...(r.status === 'delivered' ? { deliveredAt: r.at } : {}),
      ...(r.status === 'read' ? { readAt: r.at, deliveredAt: m.deliveredAt ?? r.at } : {}),
    })
    .where(eq(notifications.id, m.id));
  if (r.status === 'failed' && !m.fallbackOf) {
    const contact = await getContact(db, orgId, m.recipient);
    const order = [contact?.preferredChannel, 'sms', 'whatsapp'].filter(
      (c): c is 'sms' | 'whatsapp' => c === 'sms' || c === 'whatsapp',
    );
    const next = order.find((c) => c !== m.channel);
    if (next)
      await enqueueNotification(db, {
        orgId,
        channel: next,
        recipient: m.recipient,
        templateKey: m.templateKey as TemplateKey,
        variables: m.variables,
        idempotencyKey: `${m.idempotencyKey}:fallback`,
        entityType: m.entityType ?? undefined,
        entityId: m.entityId ?? undefined,
        fallbackOf: m.id,
        fallbackReason: 'delivery_failed',
      });
  }
  return true;
}

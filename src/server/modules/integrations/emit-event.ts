import { randomUUID } from 'node:crypto';
import type { WebhookEvent } from '../../../common/domain/integrations';
import type { Db } from '../../db/client';
import { notifications } from '../../db/tables/index';
import { activeSubscriptions } from './queries';

/** Ids and states only: a receiver that needs a person's details asks the API with a token scoped for them. */
export type EventData = Record<string, string | number | boolean | null>;

/**
 * Queues one webhook delivery per subscription listening to the event. Call it inside the transaction of the
 * change it reports: the delivery exists exactly when the change does (decision 007's outbox), and the worker
 * sends it (deliver-webhook.ts). `entity` names the record, for the delivery log.
 */
export async function emitEvent(
  db: Db,
  orgId: string,
  event: WebhookEvent,
  entity: { type: string; id: string },
  data: EventData,
  now = new Date(),
): Promise<number> {
  const listening = (await activeSubscriptions(db, orgId)).filter((s) => s.events.includes(event));
  if (listening.length === 0) return 0;
  const eventId = randomUUID();
  const body = JSON.stringify({ id: eventId, type: event, occurredAt: now.toISOString(), data });
  await db.insert(notifications).values(
    listening.map((s) => ({
      orgId,
      channel: 'webhook',
      recipient: s.id,
      templateKey: event,
      variables: {},
      body,
      idempotencyKey: `webhook:${eventId}:${s.id}`,
      entityType: entity.type,
      entityId: entity.id,
      category: 'service',
      // Machines keep no quiet hours.
      awaited: true,
    })),
  );
  return listening.length;
}

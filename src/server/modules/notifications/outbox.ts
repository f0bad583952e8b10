import { and, eq } from 'drizzle-orm';
import {
  DEFAULT_TEMPLATES,
  type NotificationChannel,
  renderTemplate,
  type TemplateKey,
} from '../../../common/domain/notifications';
import type { Db } from '../../db/client';
import { messageTemplates, notifications } from '../../db/tables/index';

export async function templateFor(db: Db, orgId: string, key: TemplateKey, channel: NotificationChannel) {
  const [custom] = await db
    .select({ subject: messageTemplates.subject, body: messageTemplates.body })
    .from(messageTemplates)
    .where(
      and(eq(messageTemplates.orgId, orgId), eq(messageTemplates.key, key), eq(messageTemplates.channel, channel)),
    );
  return custom ?? DEFAULT_TEMPLATES[key];
}

export type Enqueue = {
  orgId: string;
  channel: NotificationChannel;
  recipient: string;
  templateKey: TemplateKey;
  variables: Record<string, string>;
  /** The same key enqueued twice is one message: callers derive it from the event (e.g. `decision:<id>`). */
  idempotencyKey: string;
  entityType?: string;
  entityId?: string;
};

/** Writes a message to the outbox; call it inside the transaction of the change that causes it. */
export async function enqueueNotification(db: Db, m: Enqueue): Promise<void> {
  const template = await templateFor(db, m.orgId, m.templateKey, m.channel);
  await db
    .insert(notifications)
    .values({
      orgId: m.orgId,
      channel: m.channel,
      recipient: m.recipient,
      templateKey: m.templateKey,
      variables: m.variables,
      subject: template.subject ? renderTemplate(template.subject, m.variables) : null,
      body: renderTemplate(template.body, m.variables),
      idempotencyKey: m.idempotencyKey,
      entityType: m.entityType ?? null,
      entityId: m.entityId ?? null,
    })
    .onConflictDoNothing();
}

import { and, eq } from 'drizzle-orm';
import { type MessageCategory, TEMPLATE_KIND, type WhatsAppMapping } from '../../../common/domain/messaging';
import {
  DEFAULT_TEMPLATES,
  type NotificationChannel,
  renderTemplate,
  type TemplateKey,
} from '../../../common/domain/notifications';
import type { Db } from '../../db/client';
import { messageTemplates, notifications } from '../../db/tables/index';
import { getContact } from './messaging-queries';

export type ResolvedTemplate = {
  subject: string | null;
  body: string;
  category: MessageCategory;
  whatsapp: WhatsAppMapping | null;
};

/** The association's text for an event and channel, or the built-in one, with its category and WhatsApp mapping. */
export async function templateFor(
  db: Db,
  orgId: string,
  key: TemplateKey,
  channel: NotificationChannel,
): Promise<ResolvedTemplate> {
  const [custom] = await db
    .select({
      subject: messageTemplates.subject,
      body: messageTemplates.body,
      category: messageTemplates.category,
      whatsapp: messageTemplates.whatsapp,
    })
    .from(messageTemplates)
    .where(
      and(eq(messageTemplates.orgId, orgId), eq(messageTemplates.key, key), eq(messageTemplates.channel, channel)),
    );
  const fallbackCategory = TEMPLATE_KIND[key]?.category ?? 'service';
  if (!custom) return { ...DEFAULT_TEMPLATES[key], category: fallbackCategory, whatsapp: null };
  return {
    subject: custom.subject,
    body: custom.body,
    category: (custom.category as MessageCategory | null) ?? fallbackCategory,
    whatsapp: custom.whatsapp ?? null,
  };
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
  /** A fallback for another message, with the reason (decision 019). */
  fallbackOf?: string;
  fallbackReason?: string;
};

/**
 * Writes a message to the outbox; call it inside the transaction of the change that causes it. A mobile
 * message goes by the person's preferred channel when they chose one; the template gives the category, and the
 * event says whether the person is waiting for it (codes and replies are exempt from quiet hours and caps).
 */
export async function enqueueNotification(db: Db, m: Enqueue): Promise<void> {
  let channel = m.channel;
  if (!m.fallbackOf && (channel === 'sms' || channel === 'whatsapp')) {
    const contact = await getContact(db, m.orgId, m.recipient);
    if (contact?.preferredChannel === 'sms' || contact?.preferredChannel === 'whatsapp')
      channel = contact.preferredChannel;
  }
  const template = await templateFor(db, m.orgId, m.templateKey, channel);
  await db
    .insert(notifications)
    .values({
      orgId: m.orgId,
      channel,
      recipient: m.recipient,
      templateKey: m.templateKey,
      variables: m.variables,
      subject: template.subject ? renderTemplate(template.subject, m.variables) : null,
      body: renderTemplate(template.body, m.variables),
      idempotencyKey: m.idempotencyKey,
      entityType: m.entityType ?? null,
      entityId: m.entityId ?? null,
      category: template.category,
      awaited: TEMPLATE_KIND[m.templateKey]?.awaited ?? false,
      fallbackOf: m.fallbackOf ?? null,
      fallbackReason: m.fallbackReason ?? null,
    })
    .onConflictDoNothing();
}

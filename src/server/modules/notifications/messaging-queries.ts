import { and, eq, sql } from 'drizzle-orm';
import { type MessagingSettings, readMessagingSettings } from '../../../common/domain/messaging';
import type { Db } from '../../db/client';
import { messageContacts, messagingSettings } from '../../db/tables/index';

export async function getMessagingSettings(db: Db, orgId: string): Promise<MessagingSettings> {
  const [row] = await db
    .select({ settings: messagingSettings.settings })
    .from(messagingSettings)
    .where(eq(messagingSettings.orgId, orgId));
  return readMessagingSettings(row?.settings);
}

export async function saveMessagingSettings(db: Db, orgId: string, settings: MessagingSettings): Promise<void> {
  await db
    .insert(messagingSettings)
    .values({ orgId, settings })
    .onConflictDoUpdate({ target: messagingSettings.orgId, set: { settings, updatedAt: new Date() } });
}

export type MessageContact = typeof messageContacts.$inferSelect;

export async function getContact(db: Db, orgId: string, address: string): Promise<MessageContact | null> {
  const [row] = await db
    .select()
    .from(messageContacts)
    .where(and(eq(messageContacts.orgId, orgId), eq(messageContacts.address, address)));
  return row ?? null;
}

type ContactChange = Partial<
  Pick<
    MessageContact,
    | 'optedOut'
    | 'optedOutAt'
    | 'optedOutVia'
    | 'promoOptIn'
    | 'promoOptInAt'
    | 'preferredChannel'
    | 'language'
    | 'lastWhatsappInboundAt'
  >
>;

/** Creates or changes what we know of one number. */
export async function upsertContact(db: Db, orgId: string, address: string, change: ContactChange): Promise<void> {
  await db
    .insert(messageContacts)
    .values({ orgId, address, ...change })
    .onConflictDoUpdate({
      target: [messageContacts.orgId, messageContacts.address],
      set: { ...change, updatedAt: sql`now()` },
    });
}

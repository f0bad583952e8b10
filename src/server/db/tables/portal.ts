import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

/**
 * A phone remembered for tracking after a verified one-time code (unless the person said it is shared). The
 * device keeps a signed token naming this row; the row is what makes it revocable (forget this phone, forget all
 * phones of this number) and what stops it when the number on file changes.
 */
export const portalDevices = pgTable(
  'portal_devices',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    /** The verified mobile (E.164): the device may track the applications whose file has this number. */
    mobile: text('mobile').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('portal_devices_org_mobile_idx').on(t.orgId, t.mobile)],
);

/** The key each association signs remembered-device tokens with; deleting it forgets every device at once. */
export const portalSigningKeys = pgTable('portal_signing_keys', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

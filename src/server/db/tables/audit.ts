import { bigint, index, inet, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE and DELETE, and the code offers neither.
 * org_id and actor are nullable because a failed sign-in may name no known user.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: uuid('org_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    ip: inet('ip'),
    details: jsonb('details'),
  },
  (t) => [
    index('audit_org_at_idx').on(t.orgId, t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_actor_at_idx').on(t.actorUserId, t.at),
  ],
);

import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  apiTokens,
  notifications,
  type TokenScopes,
  webhookAttempts,
  webhookSubscriptions,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { tokenActions } from '../../policy';

/** A token that is neither revoked nor expired, with the actions its scopes open. */
export async function findActiveToken(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({
      id: apiTokens.id,
      orgId: apiTokens.orgId,
      userId: apiTokens.userId,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      branchId: apiTokens.branchId,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  return row ? { ...row, actions: tokenActions(row.scopes) } : null;
}

export async function touchToken(db: Db, orgId: string, id: string, at: Date) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(inOrg(apiTokens, orgId, eq(apiTokens.id, id)));
}

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  branchId: apiTokens.branchId,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
  lastUsedAt: apiTokens.lastUsedAt,
  createdAt: apiTokens.createdAt,
};

export async function listTokens(db: Db, orgId: string) {
  return db.select(tokenColumns).from(apiTokens).where(inOrg(apiTokens, orgId)).orderBy(desc(apiTokens.createdAt));
}

export async function getToken(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ ...tokenColumns, userId: apiTokens.userId })
    .from(apiTokens)
    .where(inOrg(apiTokens, orgId, eq(apiTokens.id, id)));
  return row ?? null;
}

export async function insertToken(
  db: Db,
  values: {
    orgId: string;
    userId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    scopes: TokenScopes;
    branchId: string | null;
    expiresAt: Date | null;
    createdBy: string;
  },
) {
  const [row] = await db.insert(apiTokens).values(values).returning(tokenColumns);
  return row!;
}

export async function markTokenRevoked(db: Db, orgId: string, id: string, at: Date) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(inOrg(apiTokens, orgId, eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

const subscriptionColumns = {
  id: webhookSubscriptions.id,
  name: webhookSubscriptions.name,
  url: webhookSubscriptions.url,
  events: webhookSubscriptions.events,
  disabledAt: webhookSubscriptions.disabledAt,
  createdAt: webhookSubscriptions.createdAt,
};

export async function listSubscriptions(db: Db, orgId: string) {
  return db
    .select(subscriptionColumns)
    .from(webhookSubscriptions)
    .where(inOrg(webhookSubscriptions, orgId))
    .orderBy(desc(webhookSubscriptions.createdAt));
}

/** Active subscriptions of an organisation (the event filter is applied by the caller). */
export async function activeSubscriptions(db: Db, orgId: string) {
  return db
    .select({ id: webhookSubscriptions.id, events: webhookSubscriptions.events })
    .from(webhookSubscriptions)
    .where(inOrg(webhookSubscriptions, orgId, isNull(webhookSubscriptions.disabledAt)));
}

export async function getSubscriptionForSending(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({
      id: webhookSubscriptions.id,
      url: webhookSubscriptions.url,
      secret: webhookSubscriptions.secret,
      disabledAt: webhookSubscriptions.disabledAt,
    })
    .from(webhookSubscriptions)
    .where(inOrg(webhookSubscriptions, orgId, eq(webhookSubscriptions.id, id)));
  return row ?? null;
}

export async function insertSubscription(
  db: Db,
  values: { orgId: string; name: string; url: string; secret: string; events: string[]; createdBy: string },
) {
  const [row] = await db.insert(webhookSubscriptions).values(values).returning(subscriptionColumns);
  return row!;
}

export async function disableSubscription(db: Db, orgId: string, id: string, at: Date) {
  const rows = await db
    .update(webhookSubscriptions)
    .set({ disabledAt: at })
    .where(inOrg(webhookSubscriptions, orgId, eq(webhookSubscriptions.id, id), isNull(webhookSubscriptions.disabledAt)))
    .returning({ id: webhookSubscriptions.id });
  return rows.length > 0;
}

export async function recordAttempt(
  db: Db,
  values: {
    orgId: string;
    notificationId: string;
    subscriptionId: string;
    attempt: number;
    statusCode: number | null;
    error: string | null;
    durationMs: number;
  },
) {
  await db.insert(webhookAttempts).values(values);
}

/** The deliveries of one subscription, newest first, each with its attempts. */
export async function listDeliveries(db: Db, orgId: string, subscriptionId: string, limit: number) {
  const rows = await db
    .select({
      id: notifications.id,
      event: notifications.templateKey,
      status: notifications.status,
      attempts: notifications.attempts,
      lastError: notifications.lastError,
      createdAt: notifications.createdAt,
      sentAt: notifications.sentAt,
      nextAttemptAt: notifications.nextAttemptAt,
    })
    .from(notifications)
    .where(
      inOrg(notifications, orgId, eq(notifications.channel, 'webhook'), eq(notifications.recipient, subscriptionId)),
    )
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  const tries = await db
    .select({
      notificationId: webhookAttempts.notificationId,
      attempt: webhookAttempts.attempt,
      statusCode: webhookAttempts.statusCode,
      error: webhookAttempts.error,
      durationMs: webhookAttempts.durationMs,
      at: webhookAttempts.at,
    })
    .from(webhookAttempts)
    .where(inOrg(webhookAttempts, orgId, eq(webhookAttempts.subscriptionId, subscriptionId)))
    .orderBy(webhookAttempts.at);
  return rows.map((r) => ({ ...r, tries: tries.filter((t) => t.notificationId === r.id) }));
}

export async function getDelivery(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({
      id: notifications.id,
      recipient: notifications.recipient,
      templateKey: notifications.templateKey,
      body: notifications.body,
      idempotencyKey: notifications.idempotencyKey,
      entityType: notifications.entityType,
      entityId: notifications.entityId,
    })
    .from(notifications)
    .where(inOrg(notifications, orgId, eq(notifications.id, id), eq(notifications.channel, 'webhook')));
  return row ?? null;
}

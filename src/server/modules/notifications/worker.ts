import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { MessagingSettings } from '../../../common/domain/messaging';
import type { NotificationChannel, TemplateKey } from '../../../common/domain/notifications';
import type { Db } from '../../db/client';
import { notifications } from '../../db/tables/index';
import { deliverWebhook } from '../integrations';
import { getMessagingSettings } from './messaging-queries';
import { enqueueNotification } from './outbox';
import type { Providers } from './providers/index';
import { ProviderError } from './providers/types';
import { checkRules, type Verdict } from './send-rules';

export const MAX_ATTEMPTS = 5;
const LEASE_MS = 60_000;

/** Retry delay after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min … capped at 1 h. */
export function backoffMs(attempt: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempt - 1));
}

type Claimed = {
  id: string;
  orgId: string;
  channel: string;
  recipient: string;
  templateKey: string;
  variables: Record<string, string>;
  subject: string | null;
  body: string;
  idempotencyKey: string;
  attempts: number;
  category: string;
  awaited: boolean;
  entityType: string | null;
  entityId: string | null;
};

/**
 * A row left in `sending` past its lease means the process died between calling the provider and recording
 * the answer. It may have been sent: it is marked `unknown` for an admin to check, never sent again — except a
 * webhook, which is retried: receivers drop a repeat by its event id (docs/integrations.md), people cannot.
 */
export async function recoverStale(db: Db, now = new Date()): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({
      status: sql`case when ${notifications.channel} = 'webhook' then 'failed' else 'unknown' end`,
      leaseUntil: null,
      lastError: 'interrupted while sending',
    })
    .where(and(eq(notifications.status, 'sending'), lt(notifications.leaseUntil, now)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Claims due messages (FOR UPDATE SKIP LOCKED, so several workers never take the same row). */
async function claim(db: Db, limit: number, now: Date): Promise<Claimed[]> {
  const due = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        inArray(notifications.status, ['queued', 'failed']),
        // JS times are whole milliseconds, the database's microseconds: a row written within this very
        // millisecond must count as due, so the comparison includes the whole millisecond.
        sql`${notifications.nextAttemptAt} < ${new Date(now.getTime() + 1).toISOString()}::timestamptz`,
      ),
    )
    .orderBy(notifications.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(notifications)
    .set({
      status: 'sending',
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      attempts: sql`${notifications.attempts} + 1`,
    })
    .where(inArray(notifications.id, due))
    .returning({
      id: notifications.id,
      orgId: notifications.orgId,
      channel: notifications.channel,
      recipient: notifications.recipient,
      templateKey: notifications.templateKey,
      variables: notifications.variables,
      subject: notifications.subject,
      body: notifications.body,
      idempotencyKey: notifications.idempotencyKey,
      attempts: notifications.attempts,
      category: notifications.category,
      awaited: notifications.awaited,
      entityType: notifications.entityType,
      entityId: notifications.entityId,
    });
}

/** One pass of the worker: recover, claim, check the message rules, send each, record each answer. */
export async function runOutboxOnce(
  db: Db,
  providers: Providers,
  opts: { limit?: number; now?: Date; afterSend?: (id: string) => Promise<void> } = {},
) {
  const now = opts.now ?? new Date();
  const result = {
    sent: 0,
    failed: 0,
    givenUp: 0,
    held: 0,
    blocked: 0,
    rerouted: 0,
    recovered: await recoverStale(db, now),
  };
  const settingsOf = new Map<string, MessagingSettings>();
  for (const m of await claim(db, opts.limit ?? 20, now)) {
    const provider = providers[m.channel as NotificationChannel];
    const mine = and(eq(notifications.id, m.id), eq(notifications.status, 'sending'));
    try {
      let settings = settingsOf.get(m.orgId);
      if (!settings) {
        settings = await getMessagingSettings(db, m.orgId);
        settingsOf.set(m.orgId, settings);
      }
      const verdict: Verdict =
        m.channel === 'webhook'
          ? { kind: 'send', promotional: false, senderId: null }
          : await checkRules(db, m, settings, now);
      if (verdict.kind === 'hold') {
        // Waiting is not an attempt.
        await db
          .update(notifications)
          .set({
            status: 'queued',
            nextAttemptAt: verdict.until,
            holdReason: verdict.reason,
            leaseUntil: null,
            attempts: sql`${notifications.attempts} - 1`,
          })
          .where(mine);
        result.held += 1;
        continue;
      }
      if (verdict.kind === 'block') {
        await db
          .update(notifications)
          .set({ status: 'blocked', holdReason: verdict.reason, leaseUntil: null })
          .where(mine);
        result.blocked += 1;
        continue;
      }
      if (verdict.kind === 'reroute') {
        await db.transaction(async (tx) => {
          await tx
            .update(notifications)
            .set({ status: 'rerouted', holdReason: verdict.reason, leaseUntil: null })
            .where(mine);
          await enqueueNotification(tx, {
            orgId: m.orgId,
            channel: 'sms',
            recipient: m.recipient,
            templateKey: m.templateKey as TemplateKey,
            variables: m.variables,
            idempotencyKey: `${m.idempotencyKey}:sms`,
            entityType: m.entityType ?? undefined,
            entityId: m.entityId ?? undefined,
            fallbackOf: m.id,
            fallbackReason: verdict.reason,
          });
        });
        result.rerouted += 1;
        continue;
      }
      if (!provider && m.channel !== 'webhook')
        throw new ProviderError(`no provider configured for ${m.channel}`, false);
      const sent =
        m.channel === 'webhook'
          ? await deliverWebhook(db, m, now)
          : await provider!.send({
              to: m.recipient,
              subject: m.subject,
              body: m.body,
              idempotencyKey: m.idempotencyKey,
              promotional: verdict.promotional,
              senderId: verdict.senderId,
              template: verdict.template,
              list: verdict.list,
            });
      // Tests use this hook to kill the worker between the provider's answer and our record of it.
      await opts.afterSend?.(m.id);
      await db
        .update(notifications)
        .set({
          status: 'sent',
          sentAt: now,
          providerMessageId: sent.providerMessageId,
          leaseUntil: null,
          lastError: null,
          holdReason: null,
          sentAs: verdict.template ? 'template' : 'text',
          senderId: sent.senderId ?? null,
          deliveryStatus: 'sent',
        })
        .where(mine);
      result.sent += 1;
    } catch (error) {
      if (error instanceof WorkerStop) throw error;
      const retryable = !(error instanceof ProviderError) || error.retryable;
      const giveUp = !retryable || m.attempts >= MAX_ATTEMPTS;
      await db
        .update(notifications)
        .set({
          status: giveUp ? 'given_up' : 'failed',
          leaseUntil: null,
          lastError: String((error as Error).message).slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + backoffMs(m.attempts)),
        })
        .where(mine);
      if (giveUp) result.givenUp += 1;
      else result.failed += 1;
    }
  }
  return result;
}

/** Thrown by a test's hook to stop the worker as a crash would. */
export class WorkerStop extends Error {}

import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { NotificationChannel } from '../../../common/domain/notifications';
import type { Db } from '../../db/client';
import { notifications } from '../../db/tables/index';
import type { Providers } from './providers/index';
import { ProviderError } from './providers/types';

export const MAX_ATTEMPTS = 5;
const LEASE_MS = 60_000;

/** Retry delay after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min … capped at 1 h. */
export function backoffMs(attempt: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempt - 1));
}

type Claimed = {
  id: string;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  idempotencyKey: string;
  attempts: number;
};

/**
 * A row left in `sending` past its lease means the process died between calling the provider and recording
 * the answer. It may have been sent: it is marked `unknown` for an admin to check, never sent again.
 */
export async function recoverStale(db: Db, now = new Date()): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ status: 'unknown', leaseUntil: null, lastError: 'interrupted while sending' })
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
      channel: notifications.channel,
      recipient: notifications.recipient,
      subject: notifications.subject,
      body: notifications.body,
      idempotencyKey: notifications.idempotencyKey,
      attempts: notifications.attempts,
    });
}

/** One pass of the worker: recover, claim, send each, record each answer. Returns what happened. */
export async function runOutboxOnce(
  db: Db,
  providers: Providers,
  opts: { limit?: number; now?: Date; afterSend?: (id: string) => Promise<void> } = {},
) {
  const now = opts.now ?? new Date();
  const result = { sent: 0, failed: 0, givenUp: 0, recovered: await recoverStale(db, now) };
  for (const m of await claim(db, opts.limit ?? 20, now)) {
    const provider = providers[m.channel as NotificationChannel];
    try {
      if (!provider) throw new ProviderError(`no provider configured for ${m.channel}`, false);
      const sent = await provider.send({
        to: m.recipient,
        subject: m.subject,
        body: m.body,
        idempotencyKey: m.idempotencyKey,
      });
      // Tests use this hook to kill the worker between the provider's answer and our record of it.
      await opts.afterSend?.(m.id);
      await db
        .update(notifications)
        .set({
          status: 'sent',
          sentAt: new Date(),
          providerMessageId: sent.providerMessageId,
          leaseUntil: null,
          lastError: null,
        })
        .where(and(eq(notifications.id, m.id), eq(notifications.status, 'sending')));
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
        .where(and(eq(notifications.id, m.id), eq(notifications.status, 'sending')));
      if (giveUp) result.givenUp += 1;
      else result.failed += 1;
    }
  }
  return result;
}

/** Thrown by a test's hook to stop the worker as a crash would. */
export class WorkerStop extends Error {}

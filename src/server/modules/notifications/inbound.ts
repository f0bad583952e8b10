import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { type DeliveryStatus, optKeyword } from '../../../common/domain/messaging';
import { normalizeSaudiMobile } from '../../../common/saudi';
import type { Db } from '../../db/client';
import { beneficiaries, inboundMessages, webhookEvents } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { writeAudit } from '../../http/audit';
import type { Deps } from '../../http/context';
import { recordInteraction } from '../timeline';
import { upsertContact } from './messaging-queries';
import { notificationPorts } from './ports';
import { applyReceipt } from './receipts';
import { answerFromWhatsApp, parseSurveyReply } from './survey-replies';
import { type SmsWebhook, smsWebhookSchema, type WhatsAppWebhook, whatsappWebhookSchema } from './webhook-schemas';

export type WebhookProvider = 'whatsapp' | 'sms';
const SCHEMAS = { whatsapp: whatsappWebhookSchema, sms: smsWebhookSchema } as const;
export const MAX_WEBHOOK_ATTEMPTS = 10;

/** Retry delay after the n-th failed processing: 1 min, 2, 4 … capped at 1 h. */
export function webhookBackoffMs(attempt: number): number {
  return Math.min(3_600_000, 60_000 * 2 ** Math.max(0, attempt - 1));
}

/**
 * Stores a signed webhook body before anything else (decision 019). A body that is not JSON or does not fit the
 * provider's schema is kept as `rejected` (for the admin to see) and the caller answers 400.
 */
export async function storeWebhook(
  db: Db,
  orgId: string,
  provider: WebhookProvider,
  raw: string,
): Promise<{ id: string; valid: boolean }> {
  let payload: unknown = null;
  let problem: string | null = null;
  // NUL cannot be stored in text or jsonb: such a body is kept with the character replaced, and refused.
  const text = raw.replaceAll('\u0000', '\uFFFD');
  if (text !== raw || /\\u0000/i.test(raw)) problem = 'control character';
  else
    try {
      payload = JSON.parse(raw);
    } catch {
      problem = 'not JSON';
    }
  if (!problem) {
    const parsed = SCHEMAS[provider].safeParse(payload);
    if (!parsed.success)
      problem = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.')}: ${i.code}`)
        .join('; ');
  }
  const [row] = await db
    .insert(webhookEvents)
    .values({
      orgId,
      provider,
      raw: text.slice(0, 1_000_000),
      payload: problem === 'not JSON' || problem === 'control character' ? null : payload,
      status: problem ? 'rejected' : 'received',
      lastError: problem,
    })
    .returning({ id: webhookEvents.id });
  return { id: row!.id, valid: !problem };
}

/**
 * Processes one stored body in one transaction: every message in it is handled exactly once (the provider's
 * message id is recorded in the same transaction as its effects). If anything fails, nothing of it is kept and
 * the body is marked `failed` to be retried later — never acknowledged as handled.
 */
export async function processWebhookEvent(
  deps: Deps,
  id: string,
  now = new Date(),
): Promise<{ handled: number; failed: boolean } | null> {
  try {
    return await deps.db.transaction(async (tx) => {
      const [ev] = await tx
        .select()
        .from(webhookEvents)
        .where(and(eq(webhookEvents.id, id), inArray(webhookEvents.status, ['received', 'failed'])))
        .for('update', { skipLocked: true });
      if (!ev) return null;
      const inner: Deps = { ...deps, db: tx };
      const flags = { redact: false };
      const handled =
        ev.provider === 'whatsapp'
          ? await handleWhatsApp(inner, ev.orgId, whatsappWebhookSchema.parse(ev.payload), now, flags)
          : await handleSms(inner, ev.orgId, smsWebhookSchema.parse(ev.payload), now);
      await tx
        .update(webhookEvents)
        .set({
          // An anonymous survey answer keeps no trace of who gave it: not even the stored body (decision 024).
          ...(flags.redact ? { raw: '[removed: anonymous survey answer]', payload: null } : {}),
          status: 'processed',
          processedAt: now,
          attempts: sql`${webhookEvents.attempts} + 1`,
          lastError: null,
        })
        .where(eq(webhookEvents.id, id));
      return { handled, failed: false };
    });
  } catch (error) {
    const [row] = await deps.db
      .update(webhookEvents)
      .set({
        attempts: sql`${webhookEvents.attempts} + 1`,
        status: sql`case when ${webhookEvents.attempts} + 1 >= ${MAX_WEBHOOK_ATTEMPTS} then 'given_up' else 'failed' end`,
        lastError: String((error as Error).message).slice(0, 300),
      })
      .where(eq(webhookEvents.id, id))
      .returning({ attempts: webhookEvents.attempts });
    if (row)
      await deps.db
        .update(webhookEvents)
        .set({ nextAttemptAt: new Date(now.getTime() + webhookBackoffMs(row.attempts)) })
        .where(eq(webhookEvents.id, id));
    return { handled: 0, failed: true };
  }
}

/** The job: processes stored bodies that failed before (or were never processed) and are due. */
export async function retryWebhookEvents(deps: Deps, now = new Date(), limit = 50) {
  const due = await deps.db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(
      and(
        inArray(webhookEvents.status, ['received', 'failed']),
        lt(webhookEvents.nextAttemptAt, new Date(now.getTime() + 1)),
      ),
    )
    .orderBy(webhookEvents.nextAttemptAt)
    .limit(limit);
  const result = { processed: 0, failed: 0 };
  for (const { id } of due) {
    const r = await processWebhookEvent(deps, id, now);
    if (r?.failed) result.failed += 1;
    else if (r) result.processed += 1;
  }
  return result;
}

/** Records a provider message id; false when it was seen before (a provider's retry). */
async function firstTime(db: Db, orgId: string, provider: WebhookProvider, messageId: string): Promise<boolean> {
  const fresh = await db
    .insert(inboundMessages)
    .values({ orgId, provider, providerMessageId: messageId })
    .onConflictDoNothing()
    .returning({ id: inboundMessages.providerMessageId });
  return fresh.length > 0;
}

/** إيقاف / STOP and اشتراك / START: recorded on the number, with an audit row. */
async function applyKeyword(
  db: Db,
  orgId: string,
  mobile: string,
  kw: 'stop' | 'start',
  via: WebhookProvider,
  now: Date,
) {
  await upsertContact(
    db,
    orgId,
    mobile,
    kw === 'stop'
      ? { optedOut: true, optedOutAt: now, optedOutVia: via }
      : { optedOut: false, optedOutAt: null, optedOutVia: null },
  );
  await writeAudit(
    db,
    { id: null, orgId, username: null },
    { ip: null, userAgent: `${via}-webhook` },
    {
      action: kw === 'stop' ? 'messaging.opted_out' : 'messaging.opted_in',
      entityType: 'message_contact',
      entityId: mobile,
      details: { before: { optedOut: kw !== 'stop' }, after: { optedOut: kw === 'stop' }, via },
    },
  );
}

const RECEIPT: Record<string, DeliveryStatus> = {
  sent: 'sent',
  queued: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  rejected: 'failed',
  undeliverable: 'failed',
  expired: 'failed',
};

async function handleWhatsApp(
  deps: Deps,
  orgId: string,
  payload: WhatsAppWebhook,
  now: Date,
  flags: { redact: boolean },
): Promise<number> {
  let handled = 0;
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      for (const s of change.value.statuses ?? []) {
        const status = RECEIPT[s.status];
        if (!status) continue;
        const e = s.errors?.[0];
        const error = e ? [e.code, e.title ?? e.message].filter(Boolean).join(' ') : null;
        const at = s.timestamp ? new Date(Number(s.timestamp) * 1000) : now;
        if (await applyReceipt(deps.db, orgId, { provider: 'whatsapp', providerMessageId: s.id, status, error, at }))
          handled += 1;
      }
      const name = change.value.contacts?.[0]?.profile?.name ?? null;
      for (const m of change.value.messages ?? []) {
        if (!(await firstTime(deps.db, orgId, 'whatsapp', m.id))) continue;
        const text = (
          m.type === 'text'
            ? (m.text?.body ?? '')
            : m.type === 'button'
              ? (m.button?.text ?? '')
              : m.type === 'interactive'
                ? (m.interactive?.button_reply?.title ?? m.interactive?.list_reply?.title ?? '')
                : `[${m.type}]`
        ).trim();
        const mobile = normalizeSaudiMobile(`+${m.from}`) ?? `+${m.from}`;
        // Any message from the person opens WhatsApp's 24-hour window for free text.
        await upsertContact(deps.db, orgId, mobile, { lastWhatsappInboundAt: now });
        // A tapped rating from the survey list is an answer, not a conversation: it opens no case.
        const reply = m.type === 'interactive' ? parseSurveyReply(m.interactive?.list_reply?.id) : null;
        if (reply) {
          await answerFromWhatsApp(deps.db, orgId, mobile, m.id, reply);
          if (reply.anonymous) flags.redact = true;
          handled += 1;
          continue;
        }
        const kw = optKeyword(text);
        if (kw) await applyKeyword(deps.db, orgId, mobile, kw, 'whatsapp', now);
        else {
          const b = await beneficiaryByMobile(deps.db, orgId, mobile);
          await notificationPorts().whatsAppConversation(deps, {
            orgId,
            mobile,
            name,
            text,
            beneficiaryId: b?.id ?? null,
          });
        }
        handled += 1;
      }
    }
  }
  return handled;
}

async function handleSms(deps: Deps, orgId: string, payload: SmsWebhook, now: Date): Promise<number> {
  if (payload.type === 'delivery') {
    const status = RECEIPT[payload.status.toLowerCase()];
    if (!status) return 0;
    const error = status === 'failed' ? [payload.errorCode, payload.reason].filter(Boolean).join(' ') || null : null;
    const at = payload.timestamp ? new Date(payload.timestamp) : now;
    return (await applyReceipt(deps.db, orgId, {
      provider: 'sms',
      providerMessageId: payload.messageId,
      status,
      error,
      at,
    }))
      ? 1
      : 0;
  }
  if (!(await firstTime(deps.db, orgId, 'sms', payload.messageId))) return 0;
  const digits = payload.from.replace(/^\+/, '');
  const mobile = normalizeSaudiMobile(`+${digits}`) ?? `+${digits}`;
  const kw = optKeyword(payload.body);
  if (kw) {
    await applyKeyword(deps.db, orgId, mobile, kw, 'sms', now);
    return 1;
  }
  const b = await beneficiaryByMobile(deps.db, orgId, mobile);
  await recordInteraction(deps.db, {
    orgId,
    channel: 'phone',
    direction: 'inbound',
    userId: null,
    summary: `رسالة نصية: ${payload.body.trim().slice(0, 300)}`,
    beneficiaryId: b?.id ?? null,
    contactMobile: b ? null : mobile,
  });
  return 1;
}

async function beneficiaryByMobile(db: Db, orgId: string, mobile: string) {
  const [b] = await db
    .select({ id: beneficiaries.id })
    .from(beneficiaries)
    .where(inOrg(beneficiaries, orgId, or(eq(beneficiaries.mobile, mobile), eq(beneficiaries.mobile2, mobile))))
    .limit(1);
  return b ?? null;
}

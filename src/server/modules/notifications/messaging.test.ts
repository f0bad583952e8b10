import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGING_DEFAULTS, type MessagingSettings, quietHoursRelease } from '../../../common/domain/messaging';
import type { TemplateKey } from '../../../common/domain/notifications';
import { auditLog, cases, inboundMessages, messageContacts, notifications, webhookEvents } from '../../db/tables/index';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';
import { retryWebhookEvents } from './inbound';
import { enqueueNotification } from './outbox';
import type { Providers } from './providers/index';
import { UnifonicSmsProvider } from './providers/unifonic';
import { WhatsAppCloudProvider } from './providers/whatsapp';
import { runOutboxOnce } from './worker';

type Received = { url: string; headers: http.IncomingHttpHeaders; body: string };

/** A local HTTP server standing in for a provider's API; records what it received and answers with a new id. */
async function fakeApi(answer: (r: Received, n: number) => unknown) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const r = { url: req.url ?? '', headers: req.headers, body };
      received.push(r);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer(r, received.length)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const WA_SECRET = 'wa-app-secret';
const SMS_SECRET = 'sms-hook-secret';
/** Riyadh wall-clock time (UTC+3) as an instant. */
const riyadh = (local: string) => new Date(`${local}+03:00`);

let ctx: TestContext;
let admin: TestClient;
let officer: TestClient;
let sms: Awaited<ReturnType<typeof fakeApi>>;
let wa: Awaited<ReturnType<typeof fakeApi>>;
let providers: Providers;

beforeAll(async () => {
  ctx = await createTestContext();
  [admin, officer] = await signedInAs(ctx.app, ['admin', 'officer'] as const);
  ctx.deps.config.notify.whatsappAppSecret = WA_SECRET;
  ctx.deps.config.notify.smsWebhookSecret = SMS_SECRET;
  sms = await fakeApi((_r, n) => ({ success: true, data: { MessageID: `sms-${n}` } }));
  wa = await fakeApi((_r, n) => ({ messaging_product: 'whatsapp', messages: [{ id: `wamid.${n}` }] }));
  providers = {
    sms: new UnifonicSmsProvider({ baseUrl: sms.url, appSid: 'sid', senderId: 'MAA' }),
    whatsapp: new WhatsAppCloudProvider({ baseUrl: wa.url, phoneNumberId: '555', token: 'tok' }),
    email: null,
  };
});
afterAll(async () => {
  await sms?.close();
  await wa?.close();
  await ctx.close();
});

async function setRules(change: Partial<MessagingSettings>) {
  const res = await admin.request('PUT', '/api/messaging/settings', { ...MESSAGING_DEFAULTS, ...change });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

let seq = 0;
async function enqueue(
  recipient: string,
  templateKey: TemplateKey,
  channel: 'sms' | 'whatsapp' = 'sms',
  variables: Record<string, string> = {},
) {
  seq += 1;
  const key = `t-${templateKey}-${seq}`;
  const vars: Record<string, string> =
    templateKey === 'otp'
      ? { code: '123456', minutes: '10' }
      : templateKey === 'decision'
        ? { reference: 'APP-2026-00007', decision: 'القبول' }
        : { message: 'تذكير بموعد توزيع السلال', ...variables };
  await enqueueNotification(ctx.deps.db, {
    orgId: ctx.orgId,
    channel,
    recipient,
    templateKey,
    variables: { ...vars, ...variables },
    idempotencyKey: key,
  });
  return key;
}
const row = async (key: string) =>
  (await ctx.deps.db.select().from(notifications).where(eq(notifications.idempotencyKey, key)))[0]!;
const run = (now: Date) => runOutboxOnce(ctx.deps.db, providers, { now });
const lastSms = () => Object.fromEntries(new URLSearchParams(sms.received.at(-1)!.body));

function signed(raw: string, secret: string) {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}
function postWhatsApp(body: unknown, secret = WA_SECRET) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return ctx.app.inject({
    method: 'POST',
    url: '/api/webhooks/whatsapp',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signed(raw, secret) },
    payload: raw,
  });
}
function postSms(body: unknown, secret = SMS_SECRET) {
  const raw = JSON.stringify(body);
  return ctx.app.inject({
    method: 'POST',
    url: '/api/webhooks/sms',
    headers: { 'content-type': 'application/json', 'x-wasl-signature': signed(raw, secret), 'accept-language': 'ar' },
    payload: raw,
  });
}
const waValue = (value: object) => ({ object: 'whatsapp_business_account', entry: [{ changes: [{ value }] }] });
const waText = (id: string, from: string, text: unknown) =>
  waValue({
    contacts: [{ profile: { name: 'أم فهد' } }],
    messages: [{ id, from, type: 'text', text: { body: text } }],
  });
const waStatus = (id: string, status: string, extra: object = {}) =>
  waValue({ statuses: [{ id, status, timestamp: '1796000000', recipient_id: '966500000000', ...extra }] });

describe('quiet hours, Riyadh time', () => {
  it('a message queued at 23:00 goes at 08:00; a one-time code goes at once', async () => {
    await setRules({ frequencyCapCount: 0 });
    const decision = await enqueue('+966501000001', 'decision');
    const code = await enqueue('+966501000001', 'otp');
    await run(riyadh('2026-12-06T23:00:00'));
    expect(await row(code)).toMatchObject({ status: 'sent', awaited: true });
    const held = await row(decision);
    expect(held).toMatchObject({ status: 'queued', holdReason: 'quiet_hours', attempts: 0 });
    expect(held.nextAttemptAt.toISOString()).toBe(riyadh('2026-12-07T08:00:00').toISOString());
    // The outbox shows it waiting, with the reason.
    const outbox = await admin.get('/api/notifications?status=queued');
    expect(outbox.body.items.find((m: { id: string }) => m.id === held.id)).toMatchObject({
      holdReason: 'quiet_hours',
      category: 'service',
    });
    await run(riyadh('2026-12-07T07:59:00'));
    expect((await row(decision)).status).toBe('queued');
    await run(riyadh('2026-12-07T08:00:00'));
    expect(await row(decision)).toMatchObject({ status: 'sent', holdReason: null, attempts: 1 });
  });

  it('with the Friday option, nothing non-urgent before noon on Friday', async () => {
    await setRules({ fridayMorningQuiet: true, frequencyCapCount: 0 });
    const key = await enqueue('+966501000002', 'decision');
    await run(riyadh('2026-12-11T09:30:00')); // a Friday
    const held = await row(key);
    expect(held.holdReason).toBe('quiet_hours');
    expect(held.nextAttemptAt.toISOString()).toBe(riyadh('2026-12-11T12:00:00').toISOString());
    // Thursday 23:00 → Friday noon, not 08:00.
    expect(
      quietHoursRelease({ ...MESSAGING_DEFAULTS, fridayMorningQuiet: true }, riyadh('2026-12-10T23:00:00')),
    ).toEqual(riyadh('2026-12-11T12:00:00'));
    expect(quietHoursRelease(MESSAGING_DEFAULTS, riyadh('2026-12-10T23:00:00'))).toEqual(riyadh('2026-12-11T08:00:00'));
    await run(riyadh('2026-12-11T12:00:00'));
    expect((await row(key)).status).toBe('sent');
  });
});

describe('categories and the promotional sender', () => {
  it('service uses the sender; promotional needs the opt-in, the -AD sender and the promotional hours', async () => {
    await setRules({ frequencyCapCount: 0 });
    const put = await admin.request('PUT', '/api/message-templates/outreach/sms', {
      subject: null,
      body: 'عرض خاص من الجمعية: {{message}}',
      category: 'promotional',
    });
    expect(put.status, JSON.stringify(put.body)).toBe(204);
    const list = await admin.get('/api/message-templates');
    const find = (key: string, channel: string) =>
      list.body.items.find((t: { key: string; channel: string }) => t.key === key && t.channel === channel);
    expect(find('outreach', 'sms')).toMatchObject({ category: 'promotional', customised: true });
    expect(find('decision', 'sms')).toMatchObject({ category: 'service', customised: false });
    expect(find('survey_link', 'sms').category).toBe('awareness');

    const mobile = '+966501000003';
    const service = await enqueue(mobile, 'decision');
    const noOptIn = await enqueue(mobile, 'outreach');
    await run(riyadh('2026-12-08T10:00:00'));
    expect(await row(service)).toMatchObject({ status: 'sent', senderId: 'MAA', category: 'service' });
    expect(await row(noOptIn)).toMatchObject({ status: 'blocked', holdReason: 'no_promo_opt_in' });

    // The person agrees at the desk; promotional messages now go, under the -AD sender, in promotional hours.
    const desk = await officer.request('PUT', `/api/messaging/contacts/${encodeURIComponent('0501000003')}`, {
      optedOut: false,
      promoOptIn: true,
      preferredChannel: null,
      language: 'ar',
    });
    expect(desk.status, JSON.stringify(desk.body)).toBe(200);
    expect(desk.body).toMatchObject({ mobile, promoOptIn: true });
    const promo = await enqueue(mobile, 'outreach');
    await run(riyadh('2026-12-08T08:30:00')); // after quiet hours, before the promotional hours
    expect(await row(promo)).toMatchObject({ status: 'queued', holdReason: 'promo_hours' });
    expect((await row(promo)).nextAttemptAt).toEqual(riyadh('2026-12-08T09:00:00'));
    await run(riyadh('2026-12-08T09:00:00'));
    expect(await row(promo)).toMatchObject({ status: 'sent', senderId: 'MAA-AD', category: 'promotional' });
    expect(lastSms()).toMatchObject({ SenderID: 'MAA-AD', Body: 'عرض خاص من الجمعية: تذكير بموعد توزيع السلال' });

    await setRules({ frequencyCapCount: 0, promoSenderId: 'WASL-AD' });
    const named = await enqueue(mobile, 'outreach');
    await run(riyadh('2026-12-08T11:00:00'));
    expect(lastSms().SenderID).toBe('WASL-AD');
    expect((await row(named)).senderId).toBe('WASL-AD');
    // A promotional sender without the -AD suffix is refused.
    const bad = await admin.request('PUT', '/api/messaging/settings', { ...MESSAGING_DEFAULTS, promoSenderId: 'WASL' });
    expect(bad.status).toBe(400);
    // The desk change is audited with the old and new values.
    const [audit] = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.action, 'messaging.contact_updated'));
    expect(audit!.details).toMatchObject({ before: { promoOptIn: false }, after: { promoOptIn: true } });
    // Back to awareness for the other tests.
    await admin.request('PUT', '/api/message-templates/outreach/sms', {
      subject: null,
      body: '{{message}}',
      category: 'awareness',
    });
  });
});

describe('WhatsApp: the 24-hour window, mapped templates, fallback to SMS', () => {
  it('outside the window: SMS with the reason, or the mapped template; inside it: free text', async () => {
    // Parts of this test run at the real time (the window opens when the webhook arrives): no quiet hours.
    await setRules({ frequencyCapCount: 0, quietHoursEnabled: false });
    const mobile = '+966501000004';
    const first = await enqueue(mobile, 'decision', 'whatsapp');
    await run(riyadh('2026-12-08T10:00:00'));
    const rerouted = await row(first);
    expect(rerouted).toMatchObject({ status: 'rerouted', holdReason: 'whatsapp_window' });
    const [fallback] = await ctx.deps.db.select().from(notifications).where(eq(notifications.fallbackOf, rerouted.id));
    expect(fallback).toMatchObject({ channel: 'sms', fallbackReason: 'whatsapp_window', status: 'queued' });
    await run(riyadh('2026-12-08T10:00:01'));
    expect((await row(fallback!.idempotencyKey)).status).toBe('sent');

    // The admin maps the event to an approved WhatsApp template.
    const map = await admin.request('PUT', '/api/message-templates/decision/whatsapp', {
      subject: null,
      body: 'صدر قرار اللجنة في طلبكم رقم {{reference}}: {{decision}}.',
      category: 'service',
      whatsapp: { name: 'committee_decision', language: 'ar', params: ['reference', 'decision'] },
    });
    expect(map.status, JSON.stringify(map.body)).toBe(204);
    const templated = await enqueue(mobile, 'decision', 'whatsapp');
    const before = wa.received.length;
    await run(riyadh('2026-12-08T10:05:00'));
    expect(await row(templated)).toMatchObject({ status: 'sent', sentAs: 'template' });
    expect(wa.received.length).toBe(before + 1);
    expect(JSON.parse(wa.received.at(-1)!.body)).toMatchObject({
      to: '966501000004',
      type: 'template',
      template: {
        name: 'committee_decision',
        language: { code: 'ar' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'APP-2026-00007' },
              { type: 'text', text: 'القبول' },
            ],
          },
        ],
      },
    });

    // The person writes on WhatsApp: for 24 hours, free text is allowed.
    const now = new Date();
    expect((await postWhatsApp(waText('wamid.in-4', '966501000004', 'شكراً لكم'))).statusCode).toBe(200);
    const inside = await enqueue(mobile, 'decision', 'whatsapp');
    await runOutboxOnce(ctx.deps.db, providers, { now: new Date(Math.max(now.getTime() + 60_000, Date.now())) });
    expect(await row(inside)).toMatchObject({ status: 'sent', sentAs: 'text' });
    expect(JSON.parse(wa.received.at(-1)!.body)).toMatchObject({ type: 'text' });
  });

  it('a template mapping is refused on another channel, and a mapping parameter must be a known variable', async () => {
    const onSms = await admin.request('PUT', '/api/message-templates/decision/sms', {
      subject: null,
      body: 'قرار: {{decision}}',
      whatsapp: { name: 'x', language: 'ar', params: [] },
    });
    expect(onSms.status).toBe(400);
    expect(onSms.body.code).toBe('templates.mapping_whatsapp_only');
    const badParam = await admin.request('PUT', '/api/message-templates/decision/whatsapp', {
      subject: null,
      body: 'قرار: {{decision}}',
      whatsapp: { name: 'x', language: 'ar', params: ['nationalId'] },
    });
    expect(badParam.status).toBe(400);
    expect(badParam.body).toMatchObject({ code: 'templates.unknown_variable', details: { variable: 'nationalId' } });
  });
});

describe('delivery receipts', () => {
  it('WhatsApp statuses move a message to delivered and read, never back', async () => {
    await setRules({ frequencyCapCount: 0, quietHoursEnabled: false });
    const mobile = '+966501000005';
    await postWhatsApp(waText('wamid.in-5', '966501000005', 'السلام عليكم'));
    const key = await enqueue(mobile, 'decision', 'whatsapp');
    await runOutboxOnce(ctx.deps.db, providers, { now: new Date(Date.now() + 60_000) });
    const sent = await row(key);
    expect(sent.deliveryStatus).toBe('sent');
    expect((await postWhatsApp(waStatus(sent.providerMessageId!, 'read'))).json()).toMatchObject({ handled: 1 });
    await postWhatsApp(waStatus(sent.providerMessageId!, 'delivered'));
    const after = await row(key);
    expect(after).toMatchObject({ deliveryStatus: 'read' });
    expect(after.readAt).not.toBeNull();
    expect(after.deliveredAt).not.toBeNull();
    const outbox = await admin.get('/api/notifications');
    expect(outbox.body.items.find((m: { id: string }) => m.id === sent.id).deliveryStatus).toBe('read');
  });

  it('a failed receipt falls back once to the next channel; SMS reports are signed', async () => {
    await setRules({ frequencyCapCount: 0, quietHoursEnabled: false });
    const mobile = '+966501000006';
    await postWhatsApp(waText('wamid.in-6', '966501000006', 'مرحبا'));
    const key = await enqueue(mobile, 'decision', 'whatsapp');
    await runOutboxOnce(ctx.deps.db, providers, { now: new Date(Date.now() + 60_000) });
    const sent = await row(key);
    const failed = waStatus(sent.providerMessageId!, 'failed', {
      errors: [{ code: 131026, title: 'Message undeliverable' }],
    });
    expect((await postWhatsApp(failed)).statusCode).toBe(200);
    expect(await row(key)).toMatchObject({ deliveryStatus: 'failed', deliveryError: '131026 Message undeliverable' });
    await postWhatsApp(failed); // the provider says it again: still one fallback
    const fallbacks = await ctx.deps.db.select().from(notifications).where(eq(notifications.fallbackOf, sent.id));
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toMatchObject({ channel: 'sms', fallbackReason: 'delivery_failed' });
    await runOutboxOnce(ctx.deps.db, providers, { now: new Date(Date.now() + 120_000) });
    const smsRow = await row(fallbacks[0]!.idempotencyKey);
    expect(smsRow.status).toBe('sent');

    // The SMS provider's delivery report: a bad signature is refused; a signed one updates the message.
    const report = { type: 'delivery', messageId: smsRow.providerMessageId, status: 'Failed', errorCode: 'ER-12' };
    expect((await postSms(report, 'wrong')).statusCode).toBe(403);
    expect((await postSms(report)).json()).toMatchObject({ received: true, handled: 1 });
    expect(await row(smsRow.idempotencyKey)).toMatchObject({ deliveryStatus: 'failed', deliveryError: 'ER-12' });
    // A fallback that fails does not fall back again.
    const again = await ctx.deps.db.select().from(notifications).where(eq(notifications.fallbackOf, smsRow.id));
    expect(again).toHaveLength(0);
  });
});

describe('opt-out and opt-in by reply', () => {
  it('إيقاف by SMS stops non-service messages; اشتراك restarts them; STOP works on WhatsApp', async () => {
    await setRules({ frequencyCapCount: 0 });
    const mobile = '+966501000007';
    const stop = await postSms({ type: 'inbound', messageId: 'in-7a', from: '966501000007', body: ' إيقاف ' });
    expect(stop.json()).toMatchObject({ handled: 1 });
    const [contact] = await ctx.deps.db
      .select()
      .from(messageContacts)
      .where(and(eq(messageContacts.orgId, ctx.orgId), eq(messageContacts.address, mobile)));
    expect(contact).toMatchObject({ optedOut: true, optedOutVia: 'sms' });
    const awareness = await enqueue(mobile, 'outreach');
    const service = await enqueue(mobile, 'decision');
    await run(riyadh('2026-12-09T10:00:00'));
    expect(await row(awareness)).toMatchObject({ status: 'blocked', holdReason: 'opted_out' });
    expect((await row(service)).status).toBe('sent');
    // The same reply again (the provider's retry) is handled once.
    expect(
      (await postSms({ type: 'inbound', messageId: 'in-7a', from: '966501000007', body: 'إيقاف' })).json().handled,
    ).toBe(0);

    await postSms({ type: 'inbound', messageId: 'in-7b', from: '966501000007', body: 'اشتراك' });
    const later = await enqueue(mobile, 'outreach');
    await run(riyadh('2026-12-09T10:01:00'));
    expect((await row(later)).status).toBe('sent');
    const audits = await ctx.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, mobile));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['messaging.opted_out', 'messaging.opted_in']));

    await postWhatsApp(waText('wamid.in-7c', '966501000007', 'STOP'));
    const desk = await officer.get('/api/messaging/contacts/0501000007');
    expect(desk.body).toMatchObject({ optedOut: true, optedOutVia: 'whatsapp' });
    // A keyword opens no case.
    const inbox = await ctx.deps.db.select().from(cases).where(eq(cases.contactMobile, mobile));
    expect(inbox).toHaveLength(0);
  });
});

describe('frequency cap', () => {
  it('awareness and promotional messages beyond the cap wait; codes and service messages do not', async () => {
    await setRules({ frequencyCapCount: 2, frequencyCapDays: 7 });
    const mobile = '+966501000008';
    const keys = [await enqueue(mobile, 'outreach'), await enqueue(mobile, 'outreach')];
    await run(riyadh('2026-12-09T12:00:00'));
    const third = await enqueue(mobile, 'outreach');
    const code = await enqueue(mobile, 'otp');
    const service = await enqueue(mobile, 'decision');
    await run(riyadh('2026-12-09T12:10:00'));
    for (const k of keys) expect((await row(k)).status).toBe('sent');
    expect((await row(code)).status).toBe('sent');
    // A service message about the person's own request is not capped.
    expect((await row(service)).status).toBe('sent');
    const held = await row(third);
    expect(held).toMatchObject({ status: 'queued', holdReason: 'frequency_cap' });
    expect(held.nextAttemptAt.getTime()).toBeGreaterThan(riyadh('2026-12-16T12:00:00').getTime());
    await run(riyadh('2026-12-16T12:01:00'));
    expect((await row(third)).status).toBe('sent');
  });
});

describe('preferred channel', () => {
  it('a person who prefers WhatsApp gets event messages there', async () => {
    const res = await officer.request('PUT', '/api/messaging/contacts/0501000009', {
      optedOut: false,
      promoOptIn: false,
      preferredChannel: 'whatsapp',
      language: 'ar',
    });
    expect(res.status).toBe(200);
    const key = await enqueue('+966501000009', 'decision', 'sms');
    expect((await row(key)).channel).toBe('whatsapp');
    expect((await officer.get('/api/messaging/contacts/abc')).status).toBe(400);
  });
});

describe('inbound robustness', () => {
  it('a body whose processing fails is stored, retried later and handled exactly once', async () => {
    await ctx.deps.db.execute(
      sql.raw(`create function i17_fail() returns trigger language plpgsql as $$
        begin raise exception 'simulated outage'; end $$`),
    );
    await ctx.deps.db.execute(
      sql.raw('create trigger i17_fail before insert on cases for each row execute function i17_fail()'),
    );
    const body = waText('wamid.fail-1', '966501000010', 'أين وصل طلبي؟');
    const first = await postWhatsApp(body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ received: true, handled: 0, retryLater: true });
    const [stored] = await ctx.deps.db.select().from(webhookEvents).where(sql`${webhookEvents.raw} like '%fail-1%'`);
    expect(stored).toMatchObject({ status: 'failed', attempts: 1 });
    // Not marked as seen: a provider retry of the same body is not thrown away as a duplicate.
    expect(
      await ctx.deps.db.select().from(inboundMessages).where(eq(inboundMessages.providerMessageId, 'wamid.fail-1')),
    ).toHaveLength(0);
    await ctx.deps.db.execute(sql.raw('drop trigger i17_fail on cases'));

    // Not due yet: nothing happens.
    expect(await retryWebhookEvents(ctx.deps)).toMatchObject({ processed: 0 });
    const result = await retryWebhookEvents(ctx.deps, new Date(Date.now() + 5 * 60_000));
    expect(result.processed).toBeGreaterThanOrEqual(1);
    const [done] = await ctx.deps.db.select().from(webhookEvents).where(eq(webhookEvents.id, stored!.id));
    expect(done).toMatchObject({ status: 'processed', attempts: 2 });
    // The provider retries too: still one case with one message.
    expect((await postWhatsApp(body)).json().handled).toBe(0);
    await retryWebhookEvents(ctx.deps, new Date(Date.now() + 10 * 60_000));
    const opened = await ctx.deps.db.select().from(cases).where(eq(cases.contactMobile, '+966501000010'));
    expect(opened).toHaveLength(1);
    expect(opened[0]!.description).toBe('أين وصل طلبي؟');
  });

  it('malformed bodies get 400 and are kept; unsigned ones 403; never a 500', async () => {
    const before = (await ctx.deps.db.select().from(webhookEvents)).length;
    const noId = waValue({ messages: [{ from: '966501000011', type: 'text', text: { body: 'x' } }] });
    const numberBody = waText('wamid.bad-2', '966501000011', 42);
    for (const body of [noId, numberBody, '{"entry": [', '{"entry":[{"changes":[{"value":{"x":"\\u0000"}}]}]}']) {
      const res = await postWhatsApp(body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('notifications.webhook_invalid');
    }
    const bad = await postSms({ type: 'delivery', status: 'Delivered' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('حُفظ');
    const rejected = await ctx.deps.db.select().from(webhookEvents).where(eq(webhookEvents.status, 'rejected'));
    expect((await ctx.deps.db.select().from(webhookEvents)).length).toBe(before + 5);
    expect(rejected.length).toBeGreaterThanOrEqual(5);
    expect((await postWhatsApp(noId, 'not-the-secret')).statusCode).toBe(403);
    expect((await ctx.deps.db.select().from(webhookEvents)).length).toBe(before + 5);
    // The admin sees what was refused, with the body as it came.
    const listed = await admin.get('/api/messaging/inbound?status=rejected');
    expect(listed.status).toBe(200);
    expect(listed.body.items.length).toBeGreaterThanOrEqual(5);
    expect(listed.body.items.map((i: { excerpt: string }) => i.excerpt)).toContain('{"entry": [');
    expect((await officer.get('/api/messaging/inbound')).status).toBe(403);
  });
});

describe('templates refuse unknown variables and keep their versions', () => {
  it('400 naming the variable, nothing written; each save is a version with who and when', async () => {
    const url = '/api/message-templates/items_missing/sms';
    const v1 = await admin.request('PUT', url, { subject: null, body: 'طلبكم {{reference}} ينقصه: {{items}}.' });
    expect(v1.status).toBe(204);
    const bad = await admin.request(
      'PUT',
      url,
      { subject: null, body: 'عزيزنا {{nationalId}} أكمل {{items}}' },
      {
        'accept-language': 'ar',
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('templates.unknown_variable');
    expect(bad.body.message).toContain('nationalId');
    const badEn = await admin.request('PUT', url, { subject: null, body: '{{foo}}' }, { 'accept-language': 'en' });
    expect(badEn.body.message).toContain('The template uses the variable foo');
    const v2 = await admin.request('PUT', url, { subject: null, body: 'ينقص طلبكم {{reference}}: {{items}}.' });
    expect(v2.status).toBe(204);
    const versions = await admin.get(`${url}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((v: { version: number; body: string }) => [v.version, v.body])).toEqual([
      [2, 'ينقص طلبكم {{reference}}: {{items}}.'],
      [1, 'طلبكم {{reference}} ينقصه: {{items}}.'],
    ]);
    expect(versions.body.items[0].savedBy).toBeTruthy();
    expect(Date.parse(versions.body.items[0].savedAt)).toBeGreaterThan(Date.now() - 60_000);
    const [audit] = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'template.updated'), eq(auditLog.entityId, 'items_missing/sms')))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(audit!.details).toMatchObject({
      version: 2,
      before: { body: 'طلبكم {{reference}} ينقصه: {{items}}.' },
      after: { body: 'ينقص طلبكم {{reference}}: {{items}}.' },
    });
    // Only the admin manages templates and message rules.
    expect((await officer.get(`${url}/versions`)).status).toBe(403);
    expect((await officer.get('/api/messaging/settings')).status).toBe(403);
  });
});

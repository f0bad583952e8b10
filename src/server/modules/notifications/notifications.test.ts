import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGING_DEFAULTS } from '../../../common/domain/messaging';
import { renderTemplate } from '../../../common/domain/notifications';
import { notifications } from '../../db/tables/index';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';
import { enqueueNotification } from './outbox';
import { SmtpProvider } from './providers/smtp';
import type { Provider } from './providers/types';
import { UnifonicSmsProvider } from './providers/unifonic';
import { WhatsAppCloudProvider } from './providers/whatsapp';
import { backoffMs, MAX_ATTEMPTS, runOutboxOnce, WorkerStop } from './worker';

type Received = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

/** A local HTTP server that speaks like a provider's API and records exactly what it received. */
async function fakeApi(answer: (r: Received) => { status: number; json: unknown }) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      received.push(r);
      const out = answer(r);
      res.writeHead(out.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  [admin] = await signedInAs(ctx.app, ['admin'] as const);
  // These tests are about the outbox's mechanics at any hour: the message rules have their own file.
  const rules = await admin.request('PUT', '/api/messaging/settings', {
    ...MESSAGING_DEFAULTS,
    quietHoursEnabled: false,
    frequencyCapCount: 0,
  });
  expect(rules.status).toBe(200);
});
afterAll(async () => {
  await ctx.close();
});

describe('templates', () => {
  it('render Arabic variables and leave unknown ones visible', () => {
    expect(
      renderTemplate('مرحباً {{name}}، طلبكم رقم {{reference}}', { name: 'نورة', reference: 'APP-2026-00001' }),
    ).toBe('مرحباً نورة، طلبكم رقم APP-2026-00001');
    expect(renderTemplate('{{missing}} — {{ name }}', { name: 'سعد' })).toBe('{{missing}} — سعد');
  });

  it('the admin edits a template; new messages use it', async () => {
    const put = await admin.request('PUT', '/api/message-templates/otp/sms', {
      subject: null,
      body: 'رمزكم {{code}} من جمعية ماء',
    });
    expect(put.status).toBe(204);
    await enqueueNotification(ctx.deps.db, {
      orgId: ctx.orgId,
      channel: 'sms',
      recipient: '+966501112233',
      templateKey: 'otp',
      variables: { code: '123456', minutes: '10' },
      idempotencyKey: 'tpl-test',
    });
    const [row] = await ctx.deps.db.select().from(notifications).where(eq(notifications.idempotencyKey, 'tpl-test'));
    expect(row!.body).toBe('رمزكم 123456 من جمعية ماء');
    const list = await admin.get('/api/message-templates');
    expect(
      list.body.items.find((t: { key: string; channel: string }) => t.key === 'otp' && t.channel === 'sms').customised,
    ).toBe(true);
  });
});

describe('provider adapters against local servers that speak their protocols', () => {
  it('SMTP: the message arrives with Arabic text and its stable Message-ID', async () => {
    const mails: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (c) => {
          data += c;
        });
        stream.on('end', () => {
          mails.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    try {
      const provider = new SmtpProvider(`smtp://127.0.0.1:${port}`, 'Wasl <no-reply@wasl.local>');
      const result = await provider.send({
        to: 'volunteer@example.org',
        subject: 'رأيكم يهمنا',
        body: 'شكراً لكم على التطوع',
        idempotencyKey: 'msg-1',
      });
      expect(result.providerMessageId).toBe('<msg-1@wasl.local>');
      expect(mails).toHaveLength(1);
      expect(mails[0]).toContain('Message-ID: <msg-1@wasl.local>');
      expect(mails[0]).toMatch(/To: volunteer@example\.org/);
      // Bodies are encoded; decode the quoted-printable or base64 text part back to Arabic.
      const decoded = decodeMimeBody(mails[0]!);
      expect(decoded).toContain('شكراً لكم على التطوع');
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });

  it('Unifonic SMS: form-encoded AppSid, SenderID, Recipient without +, Arabic body, CorrelationID', async () => {
    const api = await fakeApi(() => ({
      status: 200,
      json: { success: true, message: '', errorCode: 'ER-00', data: { MessageID: 4242, Status: 'Queued' } },
    }));
    try {
      const provider = new UnifonicSmsProvider({ baseUrl: api.url, appSid: 'app-sid-1', senderId: 'MAA' });
      const result = await provider.send({
        to: '+966501234567',
        subject: null,
        body: 'رمز التحقق: ١٢٣٤٥٦',
        idempotencyKey: 'otp:abc',
      });
      expect(result.providerMessageId).toBe('4242');
      expect(api.received).toHaveLength(1);
      const r = api.received[0]!;
      expect(r.method).toBe('POST');
      expect(r.url).toBe('/rest/SMS/messages');
      expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
      const form = new URLSearchParams(r.body);
      expect(Object.fromEntries(form)).toEqual({
        AppSid: 'app-sid-1',
        SenderID: 'MAA',
        Recipient: '966501234567',
        Body: 'رمز التحقق: ١٢٣٤٥٦',
        responseType: 'JSON',
        CorrelationID: 'otp:abc',
      });
    } finally {
      await api.close();
    }
  });

  it('WhatsApp Cloud API: bearer token, phone-number id in the path, text message JSON', async () => {
    const api = await fakeApi(() => ({
      status: 200,
      json: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.X1' }] },
    }));
    try {
      const provider = new WhatsAppCloudProvider({ baseUrl: api.url, phoneNumberId: '10987', token: 'tok-123' });
      const result = await provider.send({
        to: '+966551112233',
        subject: null,
        body: 'رد الجمعية: وصل الصهريج',
        idempotencyKey: 'reply:1',
      });
      expect(result.providerMessageId).toBe('wamid.X1');
      const r = api.received[0]!;
      expect(r.url).toBe('/10987/messages');
      expect(r.headers.authorization).toBe('Bearer tok-123');
      expect(JSON.parse(r.body)).toMatchObject({
        messaging_product: 'whatsapp',
        to: '966551112233',
        type: 'text',
        text: { body: 'رد الجمعية: وصل الصهريج' },
      });
    } finally {
      await api.close();
    }
  });
});

function decodeMimeBody(raw: string): string {
  const [, body = ''] =
    raw.split(/\r?\n\r?\n/, 2).length > 1
      ? [raw.slice(0, raw.search(/\r?\n\r?\n/)), raw.slice(raw.search(/\r?\n\r?\n/)).trim()]
      : [raw, ''];
  if (/Content-Transfer-Encoding: base64/i.test(raw))
    return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  const qp = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return Buffer.from(qp, 'latin1').toString('utf8');
}

describe('the outbox worker', () => {
  const counting = (fail = 0, retryable = true) => {
    const sent: string[] = [];
    let failures = fail;
    const provider: Provider = {
      channel: 'sms',
      name: 'counting',
      async send(m) {
        if (failures > 0) {
          failures -= 1;
          const { ProviderError } = await import('./providers/types');
          throw new ProviderError('provider down', retryable);
        }
        sent.push(m.idempotencyKey);
        return { providerMessageId: `p-${m.idempotencyKey}` };
      },
    };
    return { sent, providers: { sms: provider, whatsapp: null, email: null } };
  };
  const enqueue = (key: string) =>
    enqueueNotification(ctx.deps.db, {
      orgId: ctx.orgId,
      channel: 'sms',
      recipient: '+966500000001',
      templateKey: 'outreach',
      variables: { message: 'تذكير' },
      idempotencyKey: key,
    });
  const statusOf = async (key: string) =>
    (await ctx.deps.db.select().from(notifications).where(eq(notifications.idempotencyKey, key)))[0]!;

  it('sends each message once; enqueueing the same event twice is one message', async () => {
    const { sent, providers } = counting();
    await enqueue('once-1');
    await enqueue('once-1');
    await runOutboxOnce(ctx.deps.db, providers);
    await runOutboxOnce(ctx.deps.db, providers);
    expect(sent.filter((k) => k === 'once-1')).toHaveLength(1);
    expect(await statusOf('once-1')).toMatchObject({ status: 'sent', providerMessageId: 'p-once-1', attempts: 1 });
  });

  it('retries with backoff, then gives up after the last attempt', async () => {
    const { sent, providers } = counting(2);
    await enqueue('retry-1');
    await runOutboxOnce(ctx.deps.db, providers);
    let row = await statusOf('retry-1');
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + backoffMs(1) - 5_000);
    // Not due yet: nothing happens now.
    await runOutboxOnce(ctx.deps.db, providers);
    expect((await statusOf('retry-1')).attempts).toBe(1);
    await runOutboxOnce(ctx.deps.db, providers, { now: new Date(Date.now() + 3_600_000) });
    await runOutboxOnce(ctx.deps.db, providers, { now: new Date(Date.now() + 7_200_000) });
    row = await statusOf('retry-1');
    expect(row.status).toBe('sent');
    expect(sent.filter((k) => k === 'retry-1')).toHaveLength(1);

    const broken = counting(99);
    await enqueue('giveup-1');
    for (let i = 0; i <= MAX_ATTEMPTS; i++)
      await runOutboxOnce(ctx.deps.db, broken.providers, { now: new Date(Date.now() + (i + 1) * 3_700_000) });
    expect(await statusOf('giveup-1')).toMatchObject({ status: 'given_up', attempts: MAX_ATTEMPTS });
  });

  it('a crash between the provider’s answer and our record never sends the message twice', async () => {
    const { sent, providers } = counting();
    await enqueue('crash-1');
    // The worker dies right after the provider accepted the message.
    await expect(
      runOutboxOnce(ctx.deps.db, providers, {
        afterSend: async () => {
          throw new WorkerStop('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(sent).toContain('crash-1');
    expect((await statusOf('crash-1')).status).toBe('sending');
    // A restarted worker, after the lease: the message is marked for review, not sent again.
    const later = new Date(Date.now() + 120_000);
    const result = await runOutboxOnce(ctx.deps.db, providers, { now: later });
    expect(result.recovered).toBeGreaterThanOrEqual(1);
    expect((await statusOf('crash-1')).status).toBe('unknown');
    await runOutboxOnce(ctx.deps.db, providers, { now: new Date(later.getTime() + 3_600_000) });
    expect(sent.filter((k) => k === 'crash-1')).toHaveLength(1);
    // The admin sees it and may queue it again on purpose.
    const row = await statusOf('crash-1');
    expect((await admin.post(`/api/notifications/${row.id}/requeue`)).status).toBe(204);
    const list = await admin.get('/api/notifications?status=queued');
    expect(list.body.items.map((n: { id: string }) => n.id)).toContain(row.id);
  });

  it('a channel with no provider configured gives up at once with the reason', async () => {
    await enqueueNotification(ctx.deps.db, {
      orgId: ctx.orgId,
      channel: 'email',
      recipient: 'x@example.org',
      templateKey: 'outreach',
      variables: { message: 'x' },
      idempotencyKey: 'noprov-1',
    });
    await runOutboxOnce(ctx.deps.db, { sms: null, whatsapp: null, email: null });
    expect(await statusOf('noprov-1')).toMatchObject({
      status: 'given_up',
      lastError: 'no provider configured for email',
    });
  });
});

describe('WhatsApp inbound webhook', () => {
  it('verifies the signature, opens a case for a new sender, joins their open case afterwards, ignores retries', async () => {
    const secret = 'app-secret-1';
    ctx.deps.config.notify.whatsappAppSecret = secret;
    const payload = (id: string, text: string) => ({
      object: 'whatsapp_business_account',
      entry: [
        {
          changes: [
            {
              value: {
                contacts: [{ profile: { name: 'أبو خالد' } }],
                messages: [{ id, from: '966551234500', type: 'text', text: { body: text } }],
              },
            },
          ],
        },
      ],
    });
    const post = (body: object, sign = true) => {
      const raw = JSON.stringify(body);
      const signature = `sha256=${createHmac('sha256', sign ? secret : 'wrong')
        .update(raw)
        .digest('hex')}`;
      return ctx.app.inject({
        method: 'POST',
        url: '/api/webhooks/whatsapp',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        payload: raw,
      });
    };
    expect((await post(payload('wamid.1', 'السلام عليكم'), false)).statusCode).toBe(403);
    const first = await post(payload('wamid.1', 'متى يصل الصهريج؟'));
    expect(first.statusCode).toBe(200);
    expect(first.json().handled).toBe(1);
    expect((await post(payload('wamid.1', 'متى يصل الصهريج؟'))).json().handled).toBe(0);
    await post(payload('wamid.2', 'شكراً'));
    const [officer] = await signedInAs(ctx.app, ['officer'] as const);
    const inbox = await officer.get('/api/cases?channel=social_media');
    expect(inbox.body.items).toHaveLength(1);
    const detail = await officer.get(`/api/cases/${inbox.body.items[0].id}`);
    expect(
      detail.body.messages.filter((m: { kind: string }) => m.kind === 'inbound').map((m: { body: string }) => m.body),
    ).toEqual(['متى يصل الصهريج؟', 'شكراً']);
    // A staff reply goes back over WhatsApp through the outbox.
    const replied = await officer.post(`/api/cases/${inbox.body.items[0].id}/messages`, {
      kind: 'reply',
      body: 'يصل غداً صباحاً',
    });
    expect(replied.status, JSON.stringify(replied.body)).toBe(204);
    const queued = await ctx.deps.db.select().from(notifications).where(eq(notifications.templateKey, 'case_reply'));
    expect(queued.at(-1)).toMatchObject({ channel: 'whatsapp', recipient: '+966551234500' });
  });
});

import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGING_DEFAULTS } from '../../../common/domain/messaging';
import { cases, notifications, surveyInvitations, surveyResponses, webhookEvents } from '../../db/tables/index';
import { createTestContext, signedInAs, type TestClient, type TestContext } from '../../test/harness';
import { inviteToSurvey } from '../surveys';
import { upsertContact } from './messaging-queries';
import type { Providers } from './providers/index';
import { UnifonicSmsProvider } from './providers/unifonic';
import { WhatsAppCloudProvider } from './providers/whatsapp';
import { runOutboxOnce } from './worker';

/** A local HTTP server standing in for the WhatsApp Cloud API and the SMS gateway. */
async function standIn() {
  const received: { url: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ url: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' });
      const n = received.length;
      res.end(
        JSON.stringify({
          messaging_product: 'whatsapp',
          messages: [{ id: `wamid.out.${n}` }],
          success: true,
          data: { MessageID: `sms-${n}` },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const WA_SECRET = 'wa-survey-secret';
const riyadh = (local: string) => new Date(`${local}+03:00`);
const NOON = riyadh('2026-12-07T12:00:00');

let ctx: TestContext;
let admin: TestClient;
let wa: Awaited<ReturnType<typeof standIn>>;
let sms: Awaited<ReturnType<typeof standIn>>;
let providers: Providers;

beforeAll(async () => {
  ctx = await createTestContext();
  [admin] = await signedInAs(ctx.app, ['admin'] as const);
  ctx.deps.config.notify.whatsappAppSecret = WA_SECRET;
  wa = await standIn();
  sms = await standIn();
  providers = {
    sms: new UnifonicSmsProvider({ baseUrl: sms.url, appSid: 'sid', senderId: 'MAA' }),
    whatsapp: new WhatsAppCloudProvider({ baseUrl: wa.url, phoneNumberId: '777', token: 'tok' }),
    email: null,
  };
  const res = await admin.request('PUT', '/api/messaging/settings', { ...MESSAGING_DEFAULTS, frequencyCapCount: 0 });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await wa?.close();
  await sms?.close();
  await ctx.close();
});

let seq = 0;
/** Invites a person who prefers WhatsApp; `lastInbound` places them inside or outside the 24-hour window. */
async function invite(mobile: string, lastInbound: Date) {
  seq += 1;
  await upsertContact(ctx.deps.db, ctx.orgId, mobile, {
    preferredChannel: 'whatsapp',
    lastWhatsappInboundAt: lastInbound,
  });
  const sent = await inviteToSurvey(ctx.deps.db, {
    orgId: ctx.orgId,
    trigger: 'case_resolved',
    entityId: `wa-survey-${seq}`,
    beneficiaryId: null,
    mobile,
    serviceId: null,
    channel: 'phone',
    branchId: null,
    ownerUserId: null,
    publicUrl: 'https://wasl.example',
  });
  expect(sent).toBe(true);
  const [inv] = await ctx.deps.db.select().from(surveyInvitations).where(eq(surveyInvitations.mobile, mobile));
  const [msg] = await ctx.deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipient, mobile), eq(notifications.templateKey, 'survey_link')));
  expect(msg!.channel).toBe('whatsapp');
  return { invitationId: inv!.id, messageKey: msg!.idempotencyKey };
}

type ListRow = { id: string; title: string };
type Sent = {
  type: string;
  to: string;
  interactive?: {
    type: string;
    body: { text: string };
    action: { button: string; sections: { title: string; rows: ListRow[] }[] };
  };
  text?: { body: string };
};
const lastWa = () => JSON.parse(wa.received.at(-1)!.body) as Sent;

function postReply(wamid: string, from: string, rowId: string) {
  const raw = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        changes: [
          {
            value: {
              contacts: [{ profile: { name: 'أم سعد' } }],
              messages: [
                {
                  id: wamid,
                  from,
                  type: 'interactive',
                  interactive: { type: 'list_reply', list_reply: { id: rowId, title: '٤ — راضٍ' } },
                },
              ],
            },
          },
        ],
      },
    ],
  });
  return ctx.app.inject({
    method: 'POST',
    url: '/api/webhooks/whatsapp',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': `sha256=${createHmac('sha256', WA_SECRET).update(raw).digest('hex')}`,
    },
    payload: raw,
  });
}
const responses = () => ctx.deps.db.select().from(surveyResponses);

describe('the satisfaction question as a WhatsApp list', () => {
  let token = '';
  let invitationId = '';

  it('inside the 24-hour window the survey link goes as a list: rate 1–5 by name or anonymously', async () => {
    const mobile = '+966507100001';
    ({ invitationId } = await invite(mobile, new Date(NOON.getTime() - 3_600_000)));
    const before = wa.received.length;
    const result = await runOutboxOnce(ctx.deps.db, providers, { now: NOON });
    expect(result.sent).toBe(1);
    expect(wa.received.length).toBe(before + 1);
    const sent = lastWa();
    expect(sent.type).toBe('interactive');
    expect(sent.to).toBe('966507100001');
    expect(sent.interactive!.type).toBe('list');
    expect(sent.interactive!.body.text).toContain('https://wasl.example/portal/survey/');
    const sections = sent.interactive!.action.sections;
    expect(sections.map((s) => s.title)).toEqual(['تقييم باسمي', 'تقييم دون ذكر اسمي']);
    for (const [i, s] of sections.entries()) {
      expect(s.rows).toHaveLength(5);
      const ids = s.rows.map((r) => /^svy1:([\w-]+):([1-5]):([na])$/.exec(r.id));
      expect(ids.every(Boolean)).toBe(true);
      expect(ids.map((m) => Number(m![2])).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(new Set(ids.map((m) => m![3]))).toEqual(new Set([i === 0 ? 'n' : 'a']));
      token = ids[0]![1]!;
      // The id carries the token and the choice, nothing of the person.
      for (const r of s.rows) expect(r.id).not.toContain('507100001');
      for (const r of s.rows) expect(r.title.length).toBeLessThanOrEqual(24);
    }
    expect(sent.interactive!.body.text).toContain(token);
  });

  it('a signed list reply records exactly one named answer with the rating, and thanks the person', async () => {
    const res = await postReply('wamid.in.1', '966507100001', `svy1:${token}:4:n`);
    expect(res.statusCode).toBe(200);
    const rows = await responses();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 4, anonymous: false, invitationId, answers: { overall: 4 } });
    const [inv] = await ctx.deps.db.select().from(surveyInvitations).where(eq(surveyInvitations.id, invitationId));
    expect(inv!.answeredOn).not.toBeNull();
    // A tap is an answer, not a conversation: no case is opened for it.
    expect(await ctx.deps.db.select().from(cases)).toHaveLength(0);
    const [thanks] = await ctx.deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.templateKey, 'survey_thanks'));
    expect(thanks).toMatchObject({ recipient: '+966507100001', channel: 'whatsapp', awaited: true });
    // The reply opened the window just now; the thank-you is awaited, so it goes at once, whatever the hour.
    await runOutboxOnce(ctx.deps.db, providers, { now: new Date() });
    expect(lastWa().text?.body).toContain('شكراً');
  });

  it('a replay, or another tap on the same list, records nothing more', async () => {
    expect((await postReply('wamid.in.1', '966507100001', `svy1:${token}:4:n`)).statusCode).toBe(200);
    expect((await postReply('wamid.in.2', '966507100001', `svy1:${token}:1:a`)).statusCode).toBe(200);
    const rows = await responses();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.rating).toBe(4);
    const thanks = await ctx.deps.db.select().from(notifications).where(eq(notifications.templateKey, 'survey_thanks'));
    expect(thanks).toHaveLength(1);
  });

  it('an anonymous choice keeps no person, no invitation and no stored body', async () => {
    const mobile = '+966507100002';
    const { invitationId: inv2 } = await invite(mobile, new Date(NOON.getTime() - 60_000));
    await runOutboxOnce(ctx.deps.db, providers, { now: NOON });
    const row = lastWa().interactive!.action.sections[1]!.rows.find((r) => r.id.endsWith(':2:a'))!;
    const anonToken = row.id.split(':')[1]!;
    expect((await postReply('wamid.in.3', '966507100002', row.id)).statusCode).toBe(200);
    const rows = (await responses()).filter((r) => r.anonymous);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 2, invitationId: null, answers: { overall: 2 } });
    expect(rows[0]!.month).toMatch(/^\d{4}-\d{2}$/);
    const [inv] = await ctx.deps.db.select().from(surveyInvitations).where(eq(surveyInvitations.id, inv2));
    expect(inv!.answeredOn).not.toBeNull();
    // The stored webhook body would tie the number to the rating: it is removed once processed.
    const events = await ctx.deps.db.select().from(webhookEvents);
    for (const e of events) expect(e.raw).not.toContain(anonToken);
    // Nor does the thank-you say what was answered.
    const [thanks] = await ctx.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipient, mobile), eq(notifications.templateKey, 'survey_thanks')));
    expect(thanks!.variables).toEqual({});
    expect(thanks!.body).not.toMatch(/[2٢]/);
  });

  it('an unknown or expired token is acknowledged and records nothing', async () => {
    const before = (await responses()).length;
    const unknown = await postReply('wamid.in.4', '966507100003', 'svy1:AAAAAAAAAAAAAAAAAAAAAAAA:5:n');
    expect(unknown.statusCode).toBe(200);
    const mobile = '+966507100004';
    const { invitationId: inv3 } = await invite(mobile, new Date(NOON.getTime() - 60_000));
    await runOutboxOnce(ctx.deps.db, providers, { now: NOON });
    const id = lastWa().interactive!.action.sections[0]!.rows[0]!.id;
    await ctx.deps.db
      .update(surveyInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(surveyInvitations.id, inv3));
    expect((await postReply('wamid.in.5', '966507100004', id)).statusCode).toBe(200);
    expect(await responses()).toHaveLength(before);
    const failed = (await ctx.deps.db.select().from(webhookEvents)).filter((e) => e.status !== 'processed');
    expect(failed).toHaveLength(0);
  });

  it('outside the window the survey link keeps the template or SMS path', async () => {
    const mobile = '+966507100005';
    const { messageKey } = await invite(mobile, new Date(NOON.getTime() - 30 * 3_600_000));
    const beforeWa = wa.received.length;
    await runOutboxOnce(ctx.deps.db, providers, { now: NOON });
    const [first] = await ctx.deps.db.select().from(notifications).where(eq(notifications.idempotencyKey, messageKey));
    expect(first).toMatchObject({ status: 'rerouted', holdReason: 'whatsapp_window' });
    await runOutboxOnce(ctx.deps.db, providers, { now: NOON });
    expect(wa.received.length).toBe(beforeWa);
    expect(decodeURIComponent(sms.received.at(-1)!.body)).toContain('/portal/survey/');
  });

  it('a survey with another required question is not answered by one tap: the link stays open for it', async () => {
    const listed = await invite('+966507100006', new Date(NOON.getTime() - 60_000));
    await runOutboxOnce(ctx.deps.db, providers, { now: NOON });
    const id = lastWa().interactive!.action.sections[0]!.rows[0]!.id;
    const put = await admin.request('PUT', '/api/surveys/questions', {
      items: [
        { key: 'overall', kind: 'rating', labelAr: 'ما مدى رضاك عن الخدمة؟', required: true },
        { key: 'need_met', kind: 'yes_no', labelAr: 'هل لُبّيت حاجتك؟', required: true },
      ],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(204);
    const before = (await responses()).length;
    expect((await postReply('wamid.in.6', '966507100006', id)).statusCode).toBe(200);
    expect(await responses()).toHaveLength(before);
    const [inv] = await ctx.deps.db
      .select()
      .from(surveyInvitations)
      .where(eq(surveyInvitations.id, listed.invitationId));
    expect(inv!.answeredOn).toBeNull();
    // A new link for such a survey goes as plain text: the person answers everything on the web page.
    await invite('+966507100007', new Date(NOON.getTime() - 60_000));
    await runOutboxOnce(ctx.deps.db, providers, { now: NOON });
    const sent = lastWa();
    expect(sent.type).toBe('text');
    expect(sent.text!.body).toContain('/portal/survey/');
  });
});

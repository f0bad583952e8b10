import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toArabicDigits } from '../../../common/arabic';
import { cases, notifications, otpCodes } from '../../db/tables/index';
import { beneficiaryInput, uniqueMobile } from '../../test/factories';
import { createTestContext, signedInAs, TestClient, type TestContext } from '../../test/harness';
import { OTP_LIMITS } from './otp';

let ctx: TestContext;
let officer: TestClient;
let info: { services: { id: string; nameAr: string }[]; branches: { id: string }[]; privacyNoticeAr: string };
beforeAll(async () => {
  // Visitors are told apart by X-Forwarded-For, as behind the production proxy.
  ctx = await createTestContext({ trustProxy: true });
  [officer] = await signedInAs(ctx.app, ['officer'] as const);
  info = (await new TestClient(ctx.app).get('/api/portal/info')).body;
});
afterAll(async () => {
  await ctx.close();
});

/** The code the person would read on their phone: the last OTP message queued for that number. */
async function lastCode(mobile: string) {
  const [row] = await ctx.deps.db
    .select({ body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.recipient, mobile), eq(notifications.templateKey, 'otp')))
    .orderBy(desc(notifications.createdAt))
    .limit(1);
  return /\d{6}/.exec(row?.body ?? '')?.[0] ?? '';
}

let ip = 0;
/** A visitor from a fresh address (the per-address limits are tested on their own). */
const visitor = () => {
  ip += 1;
  return new TestClient(ctx.app, { 'x-forwarded-for': `198.51.100.${ip}` });
};
const e164 = (local: string) => `+966${local.slice(1)}`;

async function apply(client: TestClient, overrides: Record<string, unknown> = {}) {
  const applicant = beneficiaryInput(info.branches[0]!.id, overrides) as Record<string, unknown>;
  delete applicant.consent;
  const mobile = e164(applicant.mobile as string);
  expect((await client.post('/api/portal/otp', { purpose: 'apply', mobile: applicant.mobile })).status).toBe(200);
  const code = await lastCode(mobile);
  const typedName = [applicant.firstName, applicant.fatherName, applicant.grandfatherName, applicant.familyName].join(
    ' ',
  );
  const res = await client.post('/api/portal/applications', {
    applicant,
    serviceIds: [info.services[0]!.id],
    consent: true,
    typedName,
    code,
  });
  return { res, applicant, mobile, code };
}

describe('portal information', () => {
  it('serves the services, branches, privacy notice and published documents without signing in', () => {
    expect(info.services.length).toBe(5);
    expect(info.privacyNoticeAr).toMatch(/بياناتك/);
  });
});

describe('applying on the portal', () => {
  it('a person applies with a one-time code and gets a reference; the application waits in the staff queue on the website channel', async () => {
    const { res, mobile } = await apply(visitor());
    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(/^APP-\d{4}-\d{5}$/);
    expect(res.body.expectedDecisionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const queue = await officer.get('/api/applications?queue=to_verify&pageSize=100');
    const item = queue.body.items.find((i: { reference: string }) => i.reference === res.body.reference);
    expect(item).toMatchObject({ stage: 'submitted', channel: 'website' });
    const detail = await officer.get(`/api/applications/${item.id}`);
    expect(detail.body.declaration).toMatchObject({ method: 'otp', channel: 'website', witnessName: null });
    const received = await ctx.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipient, mobile), eq(notifications.templateKey, 'application_received')));
    expect(received).toHaveLength(1);
  });

  it('refuses a reused code, a wrong code and a name that does not match, writing nothing', async () => {
    const client = visitor();
    const first = await apply(client);
    expect(first.res.status).toBe(201);
    const before = await ctx.deps.db.execute(sql`select count(*)::int as n from applications`);
    const again = await client.post('/api/portal/applications', {
      applicant: { ...first.applicant, nationalId: beneficiaryInput(info.branches[0]!.id).nationalId },
      serviceIds: [info.services[1]!.id],
      consent: true,
      typedName: [
        first.applicant.firstName,
        first.applicant.fatherName,
        first.applicant.grandfatherName,
        first.applicant.familyName,
      ].join(' '),
      code: first.code,
    });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('otp.invalid');
    const other = visitor();
    const applicant = beneficiaryInput(info.branches[0]!.id) as Record<string, unknown>;
    delete applicant.consent;
    await other.post('/api/portal/otp', { purpose: 'apply', mobile: applicant.mobile });
    const code = await lastCode(e164(applicant.mobile as string));
    const wrongName = await other.post('/api/portal/applications', {
      applicant,
      serviceIds: [info.services[0]!.id],
      consent: true,
      typedName: 'اسم لا يطابق أبداً',
      code,
    });
    expect(wrongName.body.code).toBe('application.declaration_name_mismatch');
    const after = await ctx.deps.db.execute(sql`select count(*)::int as n from applications`);
    expect((after as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(
      (before as unknown as { rows: { n: number }[] }).rows[0]!.n,
    );
  });
});

describe('one-time codes', () => {
  it('expire after ten minutes, allow five tries, accept Arabic-Indic digits', async () => {
    const client = visitor();
    const mobile = uniqueMobile();
    await client.post('/api/portal/otp', { purpose: 'apply', mobile });
    const code = await lastCode(e164(mobile));
    const applicant = beneficiaryInput(info.branches[0]!.id, { mobile }) as Record<string, unknown>;
    delete applicant.consent;
    const typedName = [applicant.firstName, applicant.fatherName, applicant.grandfatherName, applicant.familyName].join(
      ' ',
    );
    const body = (c: string) => ({ applicant, serviceIds: [info.services[0]!.id], consent: true, typedName, code: c });
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect((await client.post('/api/portal/applications', body(wrong))).body.code).toBe('otp.invalid');
    // Five wrong tries spend the code: even the right one is refused now.
    expect((await client.post('/api/portal/applications', body(code))).body.code).toBe('otp.invalid');

    const mobile2 = uniqueMobile();
    await client.post('/api/portal/otp', { purpose: 'apply', mobile: mobile2 });
    const code2 = await lastCode(e164(mobile2));
    await ctx.deps.db
      .update(otpCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(otpCodes.mobile, e164(mobile2)));
    const applicant2 = { ...applicant, mobile: mobile2, nationalId: beneficiaryInput(info.branches[0]!.id).nationalId };
    expect((await client.post('/api/portal/applications', { ...body(code2), applicant: applicant2 })).body.code).toBe(
      'otp.invalid',
    );

    const mobile3 = uniqueMobile();
    await client.post('/api/portal/otp', { purpose: 'apply', mobile: mobile3 });
    const code3 = toArabicDigits(await lastCode(e164(mobile3)));
    const applicant3 = { ...applicant, mobile: mobile3, nationalId: beneficiaryInput(info.branches[0]!.id).nationalId };
    expect((await client.post('/api/portal/applications', { ...body(code3), applicant: applicant3 })).status).toBe(201);
  });

  it('are rate-limited per number and per address', async () => {
    const mobile = uniqueMobile();
    for (let i = 0; i < OTP_LIMITS.perMobile10m; i++)
      expect((await visitor().post('/api/portal/otp', { purpose: 'apply', mobile })).status).toBe(200);
    const limited = await visitor().post('/api/portal/otp', { purpose: 'apply', mobile });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('otp.rate_limited');
    const sameAddress = visitor();
    const statuses: number[] = [];
    for (let i = 0; i <= OTP_LIMITS.perIp10m; i++)
      statuses.push((await sameAddress.post('/api/portal/otp', { purpose: 'apply', mobile: uniqueMobile() })).status);
    expect(statuses.slice(0, OTP_LIMITS.perIp10m).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('tracking', () => {
  it('by reference and a code to the registered mobile; unknown references look the same as known ones', async () => {
    const { res, mobile } = await apply(visitor());
    const reference = res.body.reference;
    const client = visitor();
    const known = await client.post('/api/portal/otp', { purpose: 'track', reference });
    const unknown = await client.post('/api/portal/otp', { purpose: 'track', reference: 'APP-2026-99999' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual(known.body);
    const wrongForUnknown = await client.post('/api/portal/track', { reference: 'APP-2026-99999', code: '123456' });
    const wrongForKnown = await client.post('/api/portal/track', { reference, code: '000001' });
    expect(wrongForUnknown.status).toBe(wrongForKnown.status);
    expect(wrongForUnknown.body).toEqual(wrongForKnown.body);
    const code = await lastCode(mobile);
    const tracked = await client.post('/api/portal/track', { reference, code });
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({ reference, stage: 'submitted', missing: [], decision: null, declared: true });
    expect(tracked.body.token).toBeTruthy();
    // With the grant, a missing document can be added to that application only.
    const boundary = '----portal';
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nincome_proof\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="راتب.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    // The officer who picks the application up is told when a document arrives for it on the portal.
    const queue = await officer.get('/api/applications?queue=to_verify&pageSize=100');
    const appId = queue.body.items.find((a: { reference: string }) => a.reference === reference).id;
    expect((await officer.post(`/api/applications/${appId}/transitions`, { to: 'verifying' })).status).toBe(200);
    const upload = await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/applications/${reference}/documents`,
      headers: { ...headers, 'x-portal-token': tracked.body.token },
      payload,
    });
    expect(upload.statusCode).toBe(201);
    const notices = (await officer.get('/api/me/notifications')).body.items;
    expect(notices.find((n: { entityId: string }) => n.entityId === appId)).toMatchObject({
      kind: 'document_received',
      reference,
      detail: 'راتب.pdf',
      actorName: null,
    });
    const noGrant = await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/applications/${reference}/documents`,
      headers,
      payload,
    });
    expect(noGrant.statusCode).toBe(403);
  });
});

describe('inquiries, complaints and suggestions from the portal', () => {
  it('an anonymous suggestion is followed by reference and key, and keeps no identity', async () => {
    const res = await visitor().post('/api/portal/cases', {
      kind: 'suggestion',
      subject: 'مواعيد التوصيل',
      description: 'أقترح إرسال تذكير قبل التوصيل بيوم',
      anonymous: true,
    });
    expect(res.status).toBe(201);
    const [row] = await ctx.deps.db.select().from(cases).where(eq(cases.reference, res.body.reference));
    expect(row).toMatchObject({
      anonymous: true,
      contactName: null,
      contactMobile: null,
      beneficiaryId: null,
      createdBy: null,
      channel: 'website',
    });
    const follow = await visitor().post('/api/portal/cases/follow', {
      reference: res.body.reference,
      key: res.body.key,
    });
    expect(follow.body).toMatchObject({ status: 'new', kind: 'suggestion', replies: [] });
    expect(
      (await visitor().post('/api/portal/cases/follow', { reference: res.body.reference, key: 'x'.repeat(16) })).status,
    ).toBe(400);
    const complaintAnon = await visitor().post('/api/portal/cases', {
      kind: 'complaint',
      subject: 'شكوى',
      description: 'شكوى بلا اسم',
      anonymous: true,
    });
    expect(complaintAnon.status).toBe(400);
  });

  it('a complaint with a name and mobile gets the staff reply when followed', async () => {
    const res = await visitor().post('/api/portal/cases', {
      kind: 'complaint',
      subject: 'تأخر الصهريج',
      description: 'تأخر أسبوعاً',
      name: 'أم سعد',
      mobile: uniqueMobile(),
    });
    const [row] = await ctx.deps.db.select().from(cases).where(eq(cases.reference, res.body.reference));
    await officer.post(`/api/cases/${row!.id}/messages`, { kind: 'note', body: 'داخلي' });
    await officer.post(`/api/cases/${row!.id}/messages`, { kind: 'reply', body: 'نعتذر، يصلكم غداً' });
    const follow = await visitor().post('/api/portal/cases/follow', {
      reference: res.body.reference,
      key: res.body.key,
    });
    expect(follow.body.replies.map((r: { body: string }) => r.body)).toEqual(['نعتذر، يصلكم غداً']);
  });
});

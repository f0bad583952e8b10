import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toArabicDigits } from '../../../common/arabic';
import { WATER_PROBLEM_MAX } from '../../../common/input';
import { auditLog, beneficiaries, cases, notifications, otpCodes, portalDevices } from '../../db/tables/index';
import { beneficiaryInput, uniqueMobile } from '../../test/factories';
import { createTestContext, signedInAs, TestClient, type TestContext } from '../../test/harness';
import { MAX_VERIFY_ATTEMPTS, OTP_LIMITS } from './otp';
import { UNIFORM_ANSWER_MS } from './routes';

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

async function apply(client: TestClient, overrides: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const applicant = beneficiaryInput(info.branches[0]!.id, overrides) as Record<string, unknown>;
  delete applicant.consent;
  delete applicant.householdConfirmed;
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
    ...extra,
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
    // The one promise: the committee's days, counted from raising; no date before it is known.
    expect(res.body).toMatchObject({ outcome: 'application', decisionDays: 14, remembered: true });
    expect(res.body.expectedDecisionDate).toBeUndefined();
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

  it('keeps the applicant’s own words about the water problem for staff; too long or with control characters is a 400 writing nothing', async () => {
    const words = 'ينقطع الماء عنا أربعة أيام كل أسبوع،\nوالخزان صغير لا يكفي العائلة.';
    const { res } = await apply(visitor(), {}, { waterProblem: `  ${words}  ` });
    expect(res.status).toBe(201);
    const detail = await officer.get(`/api/applications/${res.body.applicationId}`);
    expect(detail.body.waterProblem).toBe(words);
    // Not written: nothing is kept (null, not an empty text).
    const { res: plain } = await apply(visitor());
    expect((await officer.get(`/api/applications/${plain.body.applicationId}`)).body.waterProblem).toBeNull();

    const count = async () =>
      (
        (await ctx.deps.db.execute(sql`select count(*)::int as n from applications`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    const before = await count();
    const tooLong = await apply(visitor(), {}, { waterProblem: 'م'.repeat(WATER_PROBLEM_MAX + 1) });
    expect(tooLong.res.status).toBe(400);
    const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field);
    expect(fieldsOf(tooLong.res.body)).toEqual(['waterProblem']);
    expect(tooLong.res.body.message).toBeTruthy();
    const control = await apply(visitor(), {}, { waterProblem: 'الماء\u0007مقطوع' });
    expect(control.res.status).toBe(400);
    expect(fieldsOf(control.res.body)).toEqual(['waterProblem']);
    expect(await count()).toBe(before);
    // Exactly the limit is accepted.
    expect((await apply(visitor(), {}, { waterProblem: 'م'.repeat(WATER_PROBLEM_MAX) })).res.status).toBe(201);
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
    delete applicant.householdConfirmed;
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

/** The cookie a browser would keep from an answer that remembered the phone. */
function deviceCookie(res: { cookies: { name: string; value: string }[] }): string | null {
  const c = res.cookies.find((x) => x.name === 'wasl_portal_device');
  return c?.value ? `wasl_portal_device=${c.value}` : null;
}

function applyBody(applicant: Record<string, unknown>, c: string, extra: Record<string, unknown> = {}) {
  const typedName = [applicant.firstName, applicant.fatherName, applicant.grandfatherName, applicant.familyName].join(
    ' ',
  );
  return { applicant, serviceIds: [info.services[0]!.id], consent: true, typedName, code: c, ...extra };
}

function freshApplicant(overrides: Record<string, unknown> = {}) {
  const applicant = beneficiaryInput(info.branches[0]!.id, overrides) as Record<string, unknown>;
  delete applicant.consent;
  delete applicant.householdConfirmed;
  return applicant;
}

const wrongOf = (c: string) => (c === '000000' ? '111111' : '000000');

describe('one-time codes that forgive mistakes', () => {
  it('a wrong code says how many tries are left; after five the code is stopped and says to ask for a new one; a new code works', async () => {
    const client = visitor();
    const applicant = freshApplicant();
    const mobile = applicant.mobile as string;
    await client.post('/api/portal/otp', { purpose: 'apply', mobile });
    const code = await lastCode(e164(mobile));
    for (let i = 1; i < MAX_VERIFY_ATTEMPTS; i++) {
      const wrong = await client.post('/api/portal/applications', applyBody(applicant, wrongOf(code)));
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({ code: 'otp.invalid', details: { triesLeft: MAX_VERIFY_ATTEMPTS - i } });
    }
    const last = await client.post('/api/portal/applications', applyBody(applicant, wrongOf(code)));
    expect(last.body.code).toBe('otp.too_many_tries');
    expect(last.body.message).toMatch(/طلب رمز جديد/);
    // Even the right code is refused now, with the same words (not "wrong code").
    const right = await client.post('/api/portal/applications', applyBody(applicant, code));
    expect(right.body.code).toBe('otp.too_many_tries');
    // A new code replaces the stopped one and is accepted.
    expect((await client.post('/api/portal/otp', { purpose: 'apply', mobile })).status).toBe(200);
    const fresh = await lastCode(e164(mobile));
    const ok = await client.post('/api/portal/applications', applyBody(applicant, toArabicDigits(fresh)));
    expect(ok.status).toBe(201);
  });

  it('a new code replaces the old one (the old one stops working); an expired code says so', async () => {
    const client = visitor();
    const applicant = freshApplicant();
    const mobile = applicant.mobile as string;
    await client.post('/api/portal/otp', { purpose: 'apply', mobile });
    const old = await lastCode(e164(mobile));
    await client.post('/api/portal/otp', { purpose: 'apply', mobile });
    const fresh = await lastCode(e164(mobile));
    if (old !== fresh) {
      expect((await client.post('/api/portal/applications', applyBody(applicant, old))).body.code).toBe('otp.invalid');
    }
    await ctx.deps.db
      .update(otpCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(otpCodes.mobile, e164(mobile)), sql`${otpCodes.usedAt} is null`));
    expect((await client.post('/api/portal/applications', applyBody(applicant, fresh))).body.code).toBe('otp.expired');
    await client.post('/api/portal/otp', { purpose: 'apply', mobile });
    expect(
      (await client.post('/api/portal/applications', applyBody(applicant, await lastCode(e164(mobile))))).status,
    ).toBe(201);
  });

  it('applying and tracking have separate budgets; each is limited per number and per address', async () => {
    const { res, mobile, applicant } = await apply(visitor());
    const local = applicant.mobile as string;
    // Spend what is left of the applying budget for this number (apply() used one).
    for (let i = 1; i < OTP_LIMITS.apply.perMobile10m; i++)
      expect((await visitor().post('/api/portal/otp', { purpose: 'apply', mobile: local })).status).toBe(200);
    const limited = await visitor().post('/api/portal/otp', { purpose: 'apply', mobile: local });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('otp.rate_limited');
    // Tracking the same number still gets a code.
    const before = await lastCode(mobile);
    const client = visitor();
    expect((await client.post('/api/portal/otp', { purpose: 'track', reference: res.body.reference })).status).toBe(
      200,
    );
    const trackCode = await lastCode(mobile);
    expect(trackCode).not.toBe('');
    const tracked = await client.post('/api/portal/track', { reference: res.body.reference, code: trackCode });
    expect(tracked.status).toBe(200);
    expect(before === trackCode ? 'same' : 'new').toBe('new');

    const sameAddress = visitor();
    const statuses: number[] = [];
    for (let i = 0; i <= OTP_LIMITS.apply.perIp10m; i++)
      statuses.push((await sameAddress.post('/api/portal/otp', { purpose: 'apply', mobile: uniqueMobile() })).status);
    expect(statuses.slice(0, OTP_LIMITS.apply.perIp10m).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('nothing learned by probing (issue 14, finding 12)', () => {
  it('a tracking code request answers the same, in about the same time, for a known and an unknown reference', async () => {
    const { res } = await apply(visitor());
    const known = res.body.reference as string;
    const unknown = known.replace(/\d{5}$/, '99999');
    const client = visitor();
    const times = { known: [] as number[], unknown: [] as number[] };
    const answers: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      for (const [name, reference] of [
        ['known', known],
        ['unknown', unknown],
      ] as const) {
        const started = performance.now();
        const r = await client.post('/api/portal/otp', { purpose: 'track', reference });
        times[name].push(performance.now() - started);
        expect(r.status).toBe(200);
        answers.push(r.body);
      }
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    expect(Math.min(...times.known, ...times.unknown)).toBeGreaterThanOrEqual(UNIFORM_ANSWER_MS - 5);
    expect(Math.abs(median(times.known) - median(times.unknown))).toBeLessThan(120);
    // Wrong codes get the same answers too, down to the lock-out.
    for (let i = 0; i < MAX_VERIFY_ATTEMPTS + 1; i++) {
      const a = await client.post('/api/portal/track', { reference: known, code: '000001' });
      const b = await client.post('/api/portal/track', { reference: unknown, code: '000001' });
      expect(a.status).toBe(b.status);
      expect(a.body).toEqual(b.body);
    }
  });

  it('at most a few codes go to one reference a day, and the limit looks the same for a reference that does not exist', async () => {
    const { res, mobile } = await apply(visitor());
    const known = res.body.reference as string;
    const unknown = known.replace(/\d{5}$/, '99998');
    const sentBefore = await ctx.deps.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.recipient, mobile), eq(notifications.templateKey, 'otp')));
    const statuses = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i <= OTP_LIMITS.track.perReferenceDay; i++) {
      statuses.known.push((await visitor().post('/api/portal/otp', { purpose: 'track', reference: known })).status);
      statuses.unknown.push((await visitor().post('/api/portal/otp', { purpose: 'track', reference: unknown })).status);
    }
    expect(statuses.known).toEqual(statuses.unknown);
    expect(statuses.known.at(-1)).toBe(429);
    const sentAfter = await ctx.deps.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.recipient, mobile), eq(notifications.templateKey, 'otp')));
    expect(sentAfter.length - sentBefore.length).toBeLessThanOrEqual(OTP_LIMITS.track.perMobile10m);
  });

  it("applying with another person's national ID gets a neutral answer and a task for staff, like a closed file", async () => {
    const owner = await apply(visitor());
    expect(owner.res.status).toBe(201);
    const before = await ctx.deps.db.execute(sql`select count(*)::int as n from applications`);
    const stranger = visitor();
    const applicant = freshApplicant({ nationalId: owner.applicant.nationalId });
    await stranger.post('/api/portal/otp', { purpose: 'apply', mobile: applicant.mobile });
    const res = await stranger.post(
      '/api/portal/applications',
      applyBody(applicant, await lastCode(e164(applicant.mobile as string))),
    );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ outcome: 'review', reference: expect.stringMatching(/^C-\d{4}-\d{5}$/) });
    expect(Object.keys(res.body).sort()).toEqual(['outcome', 'reference', 'replyTime']);
    expect(JSON.stringify(res.body)).not.toMatch(/regist|exist|مسجل|identity/i);
    const after = await ctx.deps.db.execute(sql`select count(*)::int as n from applications`);
    expect((after as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(
      (before as unknown as { rows: { n: number }[] }).rows[0]!.n,
    );
    const [task] = await ctx.deps.db.select().from(cases).where(eq(cases.reference, res.body.reference));
    expect(task).toMatchObject({
      kind: 'service_request',
      channel: 'website',
      contactMobile: e164(applicant.mobile as string),
    });
    expect(task!.description).toContain(String(owner.applicant.nationalId));
    const receipt = await ctx.deps.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.recipient, e164(applicant.mobile as string)),
          eq(notifications.templateKey, 'case_received'),
        ),
      );
    expect(receipt).toHaveLength(1);
    // A closed file's owner gets exactly the same kind of answer.
    const [file] = await ctx.deps.db
      .select({ id: beneficiaries.id })
      .from(beneficiaries)
      .where(eq(beneficiaries.nationalId, String(owner.applicant.nationalId)));
    await ctx.deps.db.update(beneficiaries).set({ status: 'closed' }).where(eq(beneficiaries.id, file!.id));
    const again = visitor();
    await again.post('/api/portal/otp', { purpose: 'apply', mobile: owner.applicant.mobile });
    const closed = await again.post(
      '/api/portal/applications',
      applyBody(owner.applicant, await lastCode(owner.mobile)),
    );
    expect(closed.status).toBe(202);
    expect(Object.keys(closed.body).sort()).toEqual(Object.keys(res.body).sort());
  });
});

describe('tracking, and the remembered phone', () => {
  it('tracks by reference with or without APP-, in Arabic-Indic digits; the phone is then remembered and tracks again without a code', async () => {
    const { res } = await apply(visitor());
    const reference = res.body.reference as string;
    const typed = toArabicDigits(reference.replace(/^APP-/, '').replace(/-0+/, ' '));
    const client = visitor();
    expect((await client.post('/api/portal/otp', { purpose: 'track', reference: typed })).status).toBe(200);
    const [owner] = await ctx.deps.db
      .select({ mobile: beneficiaries.mobile })
      .from(beneficiaries)
      .innerJoin(sql`applications a`, sql`a.beneficiary_id = ${beneficiaries.id}`)
      .where(sql`a.reference = ${reference}`);
    const code = await lastCode(owner!.mobile);
    const tracked = await client.post('/api/portal/track', { reference: typed, code });
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({
      reference,
      stage: 'submitted',
      expectedDecisionDate: null,
      raisedOn: null,
      decisionDays: 14,
      remembered: true,
    });
    const cookie = deviceCookie(tracked);
    expect(cookie).toBeTruthy();
    const second = await client.request('GET', '/api/portal/track/remembered', undefined, { cookie: cookie! });
    expect(second.body.remembered).toBe(true);
    expect(second.body.applications.map((a: { reference: string }) => a.reference)).toContain(reference);
    // Each required document is listed with its state, none received yet.
    const documents = second.body.applications[0].documents as { key: string; state: string }[];
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.every((d) => d.state === 'waiting')).toBe(true);
    const kind = documents[0]!.key;
    // With the grant that comes with it, a missing document can be added to that application only.
    const boundary = '----portal';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="راتب.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from('%PDF-1.4\n%%EOF\n'),
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
      headers: { ...headers, 'x-portal-token': second.body.applications[0].token },
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
    const third = await client.request('GET', '/api/portal/track/remembered', undefined, { cookie: cookie! });
    const after = third.body.applications.find((a: { reference: string }) => a.reference === reference);
    expect(after.documents.find((d: { key: string }) => d.key === kind).state).toBe('received');
    // Without the cookie, or with an edited one, nothing is shown.
    expect((await visitor().get('/api/portal/track/remembered')).body).toEqual({
      remembered: false,
      mobileEnding: null,
      applications: [],
    });
    const [id, expiry] = cookie!.split('=')[1]!.split('.');
    const forged = `wasl_portal_device=${id}.${Number(expiry) + 86400}.${'A'.repeat(43)}`;
    expect(
      (await client.request('GET', '/api/portal/track/remembered', undefined, { cookie: forged })).body.remembered,
    ).toBe(false);
  });

  it('a shared phone is not remembered; forgetting works for this phone or for every phone of the number; a changed number stops it', async () => {
    const { res, mobile } = await apply(visitor());
    const reference = res.body.reference as string;
    const track = async (sharedPhone: boolean) => {
      const c = visitor();
      await c.post('/api/portal/otp', { purpose: 'track', reference });
      return c.post('/api/portal/track', { reference, code: await lastCode(mobile), sharedPhone });
    };
    const shared = await track(true);
    expect(shared.status).toBe(200);
    expect(shared.body.remembered).toBe(false);
    expect(deviceCookie(shared)).toBeNull();

    const phoneA = deviceCookie(await track(false))!;
    const phoneB = deviceCookie(await track(false))!;
    const remembered = (cookie: string) =>
      visitor()
        .request('GET', '/api/portal/track/remembered', undefined, { cookie })
        .then((r) => r.body.remembered as boolean);
    expect(await remembered(phoneA)).toBe(true);
    const forgetA = await visitor().request('POST', '/api/portal/device/forget', {}, { cookie: phoneA });
    expect(forgetA.body).toEqual({ forgotten: true, count: 1 });
    expect(await remembered(phoneA)).toBe(false);
    expect(await remembered(phoneB)).toBe(true);
    const audit = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.action, 'portal.device_forget'));
    expect(audit.length).toBeGreaterThan(0);
    const remembers = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.action, 'portal.device_remember'));
    expect(remembers.length).toBeGreaterThanOrEqual(2);

    const phoneC = deviceCookie(await track(false))!;
    const everywhere = await visitor().request(
      'POST',
      '/api/portal/device/forget',
      { everywhere: true },
      { cookie: phoneC },
    );
    // The phone that applied (remembered then), B and C.
    expect(everywhere.body.count).toBe(3);
    expect(await remembered(phoneB)).toBe(false);

    // The file's number changes: the phone remembered for the old number sees nothing any more.
    const phoneD = deviceCookie(await track(false))!;
    await ctx.deps.db
      .update(beneficiaries)
      .set({ mobile: e164(uniqueMobile()) })
      .where(eq(beneficiaries.mobile, mobile));
    const after = await visitor().request('GET', '/api/portal/track/remembered', undefined, { cookie: phoneD });
    expect(after.body.applications).toEqual([]);
    // An expired device is not remembered.
    await ctx.deps.db.update(portalDevices).set({ expiresAt: new Date(Date.now() - 1000) });
    expect(await remembered(phoneD)).toBe(false);
  });
});

describe('staff see and forget a file’s remembered phones', () => {
  it('lists the phones remembered for the file’s number, forgets one or all (audited), refuses another file’s device', async () => {
    const { res, mobile } = await apply(visitor());
    const reference = res.body.reference as string;
    const applied = deviceCookie(res)!;
    const track = async () => {
      const c = visitor();
      await c.post('/api/portal/otp', { purpose: 'track', reference });
      return deviceCookie(
        await c.post('/api/portal/track', { reference, code: await lastCode(mobile), sharedPhone: false }),
      )!;
    };
    const phoneB = await track();
    const [file] = await ctx.deps.db
      .select({ id: beneficiaries.id })
      .from(beneficiaries)
      .where(eq(beneficiaries.mobile, mobile));
    const url = `/api/beneficiaries/${file!.id}/portal-devices`;
    const listed = await officer.get(url);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.items[0]).toMatchObject({ mobile, kind: 'other', lastUsedAt: null });
    const remembered = (cookie: string) =>
      visitor()
        .request('GET', '/api/portal/track/remembered', undefined, { cookie })
        .then((r) => r.body.remembered as boolean);
    expect(await remembered(applied)).toBe(true);

    // The manager reads files but does not change them.
    const [manager] = await signedInAs(ctx.app, ['manager'] as const);
    expect((await manager.get(url)).body.items).toHaveLength(2);
    expect((await manager.post(`${url}/revoke`, {})).status).toBe(403);

    // Another file's device is not this file's to forget.
    const other = await apply(visitor());
    const otherId = (await ctx.deps.db.select().from(portalDevices).where(eq(portalDevices.mobile, other.mobile)))[0]!
      .id;
    const wrong = await officer.post(`${url}/revoke`, { deviceId: otherId });
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('portal.device_not_found');
    expect((await officer.post(`${url}/revoke`, { deviceId: 'not-a-uuid' })).status).toBe(400);

    const newest = listed.body.items[0].id as string;
    const one = await officer.post(`${url}/revoke`, { deviceId: newest });
    expect(one.body).toEqual({ count: 1 });
    expect(await remembered(phoneB)).toBe(false);
    expect(await remembered(applied)).toBe(true);
    expect((await officer.get(url)).body.items.map((d: { id: string }) => d.id)).not.toContain(newest);
    // Forgetting it again is refused, not counted twice.
    expect((await officer.post(`${url}/revoke`, { deviceId: newest })).status).toBe(404);

    const all = await officer.post(`${url}/revoke`, {});
    expect(all.body).toEqual({ count: 1 });
    expect(await remembered(applied)).toBe(false);
    expect((await officer.get(url)).body.items).toEqual([]);
    expect((await officer.post(`${url}/revoke`, {})).body).toEqual({ count: 0 });
    // The other file's phone is untouched.
    expect(await remembered(deviceCookie(other.res)!)).toBe(true);

    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'portal.device_revoke'), eq(auditLog.entityId, file!.id)))
      .orderBy(auditLog.at);
    expect(audit).toHaveLength(2);
    expect(audit[0]!.details).toMatchObject({ devices: [newest], everywhere: false, before: { revokedAt: null } });
    expect(audit[1]!.details).toMatchObject({ everywhere: true });
    expect(audit[1]!.actorUserId).toBeTruthy();
  });
});

describe('inquiries, complaints and suggestions from the portal', () => {
  it('a complaint gets its reference by SMS, and is followed with the reference and a code; a staff reply changes its status', async () => {
    const local = uniqueMobile();
    const res = await visitor().post('/api/portal/cases', {
      kind: 'complaint',
      subject: 'تأخر الصهريج',
      description: 'تأخر أسبوعاً',
      name: 'أم سعد',
      mobile: local,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ followCode: null, replyTime: { unit: 'hours', n: 4 } });
    const reference = res.body.reference as string;
    const [receipt] = await ctx.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipient, e164(local)), eq(notifications.templateKey, 'case_received')));
    expect(receipt!.body).toContain(reference);
    expect(receipt!.body).toContain('4 ساعات عمل');

    // Typed without C- and in Arabic-Indic digits.
    const typed = toArabicDigits(reference.slice(2));
    const client = visitor();
    expect((await client.post('/api/portal/otp', { purpose: 'follow', reference: typed })).status).toBe(200);
    const code = await lastCode(e164(local));
    const first = await client.post('/api/portal/cases/follow', { reference: typed, code });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      reference,
      publicStatus: 'received',
      replies: [],
      replyTime: { unit: 'hours', n: 4 },
    });

    const [row] = await ctx.deps.db.select().from(cases).where(eq(cases.reference, reference));
    await officer.post(`/api/cases/${row!.id}/messages`, { kind: 'note', body: 'داخلي' });
    await officer.post(`/api/cases/${row!.id}/messages`, { kind: 'reply', body: 'نعتذر، يصلكم غداً' });
    await client.post('/api/portal/otp', { purpose: 'follow', reference });
    const second = await client.post('/api/portal/cases/follow', { reference, code: await lastCode(e164(local)) });
    expect(second.body.publicStatus).toBe('answered');
    expect(second.body.replies.map((r: { body: string }) => r.body)).toEqual(['نعتذر، يصلكم غداً']);
    // A used code does not open it again.
    expect(
      (await client.post('/api/portal/cases/follow', { reference, code: await lastCode(e164(local)) })).status,
    ).toBe(400);
  });

  it('asking a follow-up code answers the same for an unknown reference', async () => {
    const client = visitor();
    const a = await client.post('/api/portal/otp', { purpose: 'follow', reference: 'C-2026-99999' });
    const b = await client.post('/api/portal/otp', { purpose: 'follow', reference: 'not a reference' });
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    const wrong = await client.post('/api/portal/cases/follow', { reference: 'C-2026-99999', code: '123456' });
    expect(wrong.body.code).toBe('otp.invalid');
  });

  it('an anonymous suggestion gets a short all-digit follow code, keeps no identity, and is followed with it', async () => {
    const res = await visitor().post('/api/portal/cases', {
      kind: 'suggestion',
      subject: 'مواعيد التوصيل',
      description: 'أقترح إرسال تذكير قبل التوصيل بيوم',
      anonymous: true,
    });
    expect(res.status).toBe(201);
    expect(res.body.followCode).toMatch(/^\d{8}$/);
    const [row] = await ctx.deps.db.select().from(cases).where(eq(cases.reference, res.body.reference));
    expect(row).toMatchObject({
      anonymous: true,
      contactName: null,
      contactMobile: null,
      beneficiaryId: null,
      createdBy: null,
      channel: 'website',
    });
    expect(row!.followKeyHash).not.toContain(res.body.followCode);
    const spaced = `${res.body.followCode.slice(0, 4)} ${toArabicDigits(res.body.followCode.slice(4))}`;
    const follow = await visitor().post('/api/portal/cases/follow', { reference: res.body.reference, code: spaced });
    expect(follow.body).toMatchObject({ status: 'new', kind: 'suggestion', publicStatus: 'received', replies: [] });
    const wrong = await visitor().post('/api/portal/cases/follow', { reference: res.body.reference, code: '12345678' });
    expect(wrong.body.code).toBe('portal.follow_invalid');
    const complaintAnon = await visitor().post('/api/portal/cases', {
      kind: 'complaint',
      subject: 'شكوى',
      description: 'شكوى بلا اسم',
      anonymous: true,
    });
    expect(complaintAnon.status).toBe(400);
  });
});

describe('contact details and the policy from settings', () => {
  it('the portal shows the first association’s contact details and reply times, and follows the settings API', async () => {
    expect(info).toMatchObject({ committeeTargetDays: 14 });
    const fresh = (await visitor().get('/api/portal/info')).body;
    expect(fresh.contact).toMatchObject({
      phone: expect.stringMatching(/^0\d{9}$/),
      whatsapp: expect.stringMatching(/^05\d{8}$/),
      mapUrl: expect.stringMatching(/^https:\/\//),
      workDays: [0, 1, 2, 3, 4],
      workStartMinute: 480,
      workEndMinute: 960,
    });
    expect(fresh.contact.branches).toHaveLength(2);
    expect(fresh.contact.branches[0].addressAr).toBeTruthy();
    expect(fresh.replyTimes.complaint).toEqual({ first: { unit: 'hours', n: 4 }, resolve: { unit: 'days', n: 5 } });
    expect(fresh.appealWindowDays).toBe(30);
    const [admin] = await signedInAs(ctx.app, ['admin'] as const);
    const patched = await admin.patch('/api/settings', { contactPhone: '0161234567', contactWhatsapp: '0551234567' });
    expect(patched.status).toBe(200);
    const after = (await visitor().get('/api/portal/info')).body;
    expect(after.contact).toMatchObject({ phone: '0161234567', whatsapp: '0551234567' });
    expect((await admin.patch('/api/settings', { contactMapUrl: 'javascript:alert(1)' })).status).toBe(400);
  });
});

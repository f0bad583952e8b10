import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, riyadhDate } from '../common/dates';
import type { Role } from '../common/domain/roles';
import {
  agendaItems,
  applications,
  applicationTransitions,
  appointmentSlots,
  appointments,
  auditLog,
  beneficiaries,
  beneficiaryRevisions,
  caseAttachments,
  caseMessages,
  cases,
  checklistItems,
  committeeVotes,
  consents,
  deliveries,
  documents,
  interactions,
  users,
} from './db/tables/index';
import { type RouteEntry, routeTableOf } from './http/guard';
import { rolesFor } from './policy';
import { beneficiaryInput, uniqueMobile } from './test/factories';
import { createTestContext, type InjectResult, signedIn, TestClient, type TestContext } from './test/harness';

/**
 * The branch part of the security matrix. Only the branch representative is limited to one branch (policy.ts →
 * `can`); every other role sees all branches of its organisation. The demo representative works in KHB; HQ is
 * the other branch. Every API route with a path parameter that the representative may call is walked from the
 * route table with the ids of one KHB record and one HQ record of each kind.
 */

type Records = {
  beneficiaryId: string;
  nationalId: string;
  fileNumber: string;
  applicationId: string;
  applicationReference: string;
  checklistItemKey: string;
  documentId: string;
  deliveryId: string;
  caseId: string;
  caseReference: string;
  caseAttachmentId: string;
  interactionId: string;
  slotId: string;
  appointmentId: string;
  consentId: string;
};

/** Which fixture record a path parameter names, keyed by the path segment in front of it and the parameter. */
const PARAM_RECORDS: Record<string, keyof Records> = {
  'beneficiaries/:id': 'beneficiaryId',
  'documents/:id': 'documentId',
  'applications/:id': 'applicationId',
  'checklist/:itemKey': 'checklistItemKey',
  'deliveries/:id': 'deliveryId',
  'interactions/:id': 'interactionId',
  'cases/:id': 'caseId',
  'case-attachments/:id': 'caseAttachmentId',
  'appointments/:id': 'appointmentId',
  'inspection-tasks/:id': 'applicationId',
  'consents/:consentId': 'consentId',
};

/**
 * Routes with a path parameter, open to the branch representative, whose record has no branch. Anything else
 * with an unmapped parameter fails the first test below, so a new route cannot slip past the matrix.
 */
const NOT_BRANCH_RECORDS: Record<string, string> = {
  // A task belongs to the staff member it is assigned to (the update is limited to the caller's own tasks).
  'POST /api/tasks/:id/done': 'per assignee, not per branch',
  // The knowledge base (policies, FAQs) is one for the whole organisation.
  'GET /api/knowledge/:id': 'organisation-wide article',
  'POST /api/knowledge/versions/:id/acknowledge': 'organisation-wide article version',
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');

/** A multipart upload of one small PDF, with form fields sent before the file. */
function multipart(fields: Record<string, string> = {}) {
  const boundary = '----wasl-branch-matrix';
  const head = Object.entries(fields)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  const body = Buffer.concat([
    Buffer.from(
      `${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="proof.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

type Payload = { body?: unknown; headers?: Record<string, string> };

/** A valid body per write route, so the request reaches the branch check instead of stopping at validation. */
const BODIES: Record<string, () => Payload> = {
  'PATCH /api/beneficiaries/:id': () => ({ body: { district: 'حي النخيل' } }),
  'POST /api/beneficiaries/:id/portal-devices/revoke': () => ({ body: {} }),
  'POST /api/beneficiaries/:id/documents': () => multipart({ kind: 'income_proof' }),
  'POST /api/applications/:id/transitions': () => ({ body: { to: 'submitted' } }),
  'PATCH /api/applications/:id/checklist/:itemKey': () => ({ body: { state: 'verified' } }),
  'POST /api/applications/:id/inspection/result': () => ({
    body: { outcome: 'suitable', note: 'المنزل مناسب للخدمة' },
  }),
  'POST /api/deliveries/:id/outcome': () => ({ body: { outcome: 'failed', reason: 'لم يكن أحد في المنزل' } }),
  'POST /api/deliveries/:id/corrections': () => ({
    body: { reason: 'تصحيح نتيجة الزيارة', outcome: 'failed', failureReason: 'لم يكن أحد في المنزل' },
  }),
  'POST /api/applications/:id/completion/corrections': () => ({
    body: { reason: 'تصحيح يوم اكتمال التسجيل', completedOn: '2026-01-04' },
  }),
  'PATCH /api/interactions/:id': () => ({ body: { beneficiaryId: own.beneficiaryId } }),
  'POST /api/cases/:id/transitions': () => ({ body: { to: 'in_progress' } }),
  'POST /api/cases/:id/messages': () => ({ body: { kind: 'note', body: 'ملاحظة داخلية للمتابعة' } }),
  'PATCH /api/cases/:id': () => ({ body: { priority: 'high' } }),
  'POST /api/cases/:id/attachments': () => multipart(),
  'POST /api/appointments/:id/outcome': () => ({ body: { outcome: 'cancelled' } }),
  'POST /api/beneficiaries/:id/corrections': () => ({
    body: { fields: { district: 'حي الروضة' }, reason: 'تصحيح الحي بطلب المستفيد' },
  }),
  'POST /api/beneficiaries/:id/consents/:consentId/withdraw': () => ({ body: { reason: 'طلب المستفيد سحب الموافقة' } }),
  // A queued field record names the version the phone downloaded; a branch that is neither side's keeps the
  // other-branch case a refusal (403) rather than a "moved meanwhile" conflict (issue 18).
  'POST /api/field/deliveries/:id/outcome': () => ({
    body: {
      result: { outcome: 'failed', reason: 'لم يكن أحد في المنزل' },
      recordedAt: new Date().toISOString(),
      expected: {
        status: 'scheduled',
        scheduledDate: '2026-01-04',
        branchId: '00000000-0000-4000-8000-000000000001',
        beneficiaryStatus: 'active',
      },
    },
    headers: { 'idempotency-key': `matrix-${randomUUID()}` },
  }),
  'POST /api/field/appointments/:id/outcome': () => ({
    body: {
      result: { outcome: 'no_show' },
      recordedAt: new Date().toISOString(),
      expected: {
        status: 'booked',
        startsAt: new Date().toISOString(),
        branchId: '00000000-0000-4000-8000-000000000001',
        beneficiaryStatus: 'active',
      },
    },
    headers: { 'idempotency-key': `matrix-${randomUUID()}` },
  }),
  'POST /api/field/inspection-tasks/:id/result': () => ({
    body: {
      result: { outcome: 'suitable', note: 'المنزل مناسب للخدمة' },
      recordedAt: new Date().toISOString(),
      expected: { taskStatus: 'open', branchId: '00000000-0000-4000-8000-000000000001', beneficiaryStatus: 'active' },
    },
    headers: { 'idempotency-key': `matrix-${randomUUID()}` },
  }),
};

/** Routes only the branch representative may call (the field app): no unrestricted role to try them with. */
const BRANCH_REP_ONLY = new Set([
  'POST /api/field/deliveries/:id/outcome',
  'POST /api/field/appointments/:id/outcome',
  'POST /api/field/inspection-tasks/:id/result',
]);

let ctx: TestContext;
const clients = {} as Record<'officer' | 'execution' | 'committee' | 'branchrep' | 'admin', TestClient>;
let own: Records;
let other: Records;
let tankServiceId: string;
let coolerServiceId: string;
let slotDay = 3;

const key = (r: RouteEntry) => `${r.method} ${r.url}`;
const label = (res: InjectResult) => `${res.status} ${res.body?.code ?? ''}`.trim();
const refused = (res: InjectResult) => res.status === 403 && res.body?.code === 'auth.forbidden';
/** Reached the record: not signed out, not forbidden, not "no such record", no crash (400/409 on state are fine). */
const reached = (res: InjectResult) =>
  res.status !== 401 && res.status !== 403 && res.status < 500 && !/not_found$/.test(String(res.body?.code ?? ''));

function ok(res: InjectResult, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

function paramKeys(url: string): string[] {
  const parts = url.split('/');
  return parts.flatMap((part, i) => (part.startsWith(':') ? [`${parts[i - 1]}/${part}`] : []));
}

function concrete(url: string, records: Records): string {
  const parts = url.split('/');
  return parts
    .map((part, i) => {
      if (!part.startsWith(':')) return part;
      const field = PARAM_RECORDS[`${parts[i - 1]}/${part}`];
      if (!field) throw new Error(`no fixture for ${part} in ${url}`);
      return encodeURIComponent(records[field]);
    })
    .join('/');
}

function send(client: TestClient, route: RouteEntry, records: Records) {
  const payload = BODIES[key(route)]?.() ?? {};
  const body = route.method === 'GET' ? undefined : (payload.body ?? {});
  return client.request(route.method, concrete(route.url, records), body, payload.headers);
}

/** Routes the branch representative may call that name a record in their path. */
function branchRoutes(): RouteEntry[] {
  return routeTableOf(ctx.app).filter(
    (r) => r.url.includes('/:') && r.access !== 'public' && rolesFor(r.access).includes('branch_rep'),
  );
}
const checkedRoutes = () => branchRoutes().filter((r) => !(key(r) in NOT_BRANCH_RECORDS));

/** Row counts of everything a request could write, and the files in the upload folder. */
async function snapshot() {
  const tables = {
    auditLog,
    beneficiaries,
    beneficiaryRevisions,
    documents,
    applications,
    applicationTransitions,
    deliveries,
    cases,
    caseMessages,
    caseAttachments,
    interactions,
    appointmentSlots,
    appointments,
    agendaItems,
    committeeVotes,
  };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await ctx.deps.db.select({ n: count() }).from(table);
    counts[name] = Number(row!.n);
  }
  const verified = await ctx.deps.db
    .select({ n: count() })
    .from(checklistItems)
    .where(eq(checklistItems.state, 'verified'));
  counts.verifiedChecklistItems = Number(verified[0]!.n);
  counts.files = fs.readdirSync(ctx.config.uploadDir).length;
  return counts;
}

async function userIdOf(username: string): Promise<string> {
  const [row] = await ctx.deps.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row!.id;
}

/** Publishes one future slot (each on its own day) and returns its id. */
async function publishSlot(branchId: string): Promise<string> {
  slotDay += 1;
  const day = addDays(riyadhDate(new Date()), slotDay);
  const published = await clients.officer.post('/api/appointment-slots', {
    branchId,
    slots: [{ startsAt: `${day}T10:00:00+03:00`, minutes: 30 }],
  });
  ok(published, 201, 'publish slot');
  const list = ok(
    await clients.officer.get(`/api/appointment-slots?branchId=${branchId}&from=${day}&to=${day}`),
    200,
    'list slots',
  );
  expect(list.items).toHaveLength(1);
  return list.items[0].id;
}

async function scheduleDeliveryFor(beneficiaryId: string, applicationId: string, branchId: string) {
  const [row] = await ctx.deps.db
    .insert(deliveries)
    .values({
      orgId: ctx.orgId,
      beneficiaryId,
      applicationId,
      serviceId: tankServiceId,
      branchId,
      scheduledDate: addDays(riyadhDate(new Date()), 2),
    })
    .returning({ id: deliveries.id });
  return row!.id;
}

/** The consent recorded at registration. */
async function consentIdOf(beneficiaryId: string): Promise<string> {
  const [row] = await ctx.deps.db
    .select({ id: consents.id })
    .from(consents)
    .where(eq(consents.beneficiaryId, beneficiaryId));
  return row!.id;
}

/** One record of every branch-scoped kind, all for one new beneficiary of the branch, made by the officer. */
async function seedBranch(code: string): Promise<Records> {
  const officer = clients.officer;
  const branchId = ctx.branchIds[code]!;
  const input = beneficiaryInput(branchId, { confirmNotDuplicate: true });
  const b = ok(await officer.post('/api/beneficiaries', input), 201, 'register');
  const app = ok(
    await officer.post('/api/applications', { beneficiaryId: b.id, serviceIds: [tankServiceId], channel: 'meeting' }),
    201,
    'apply',
  );
  const detail = ok(await officer.get(`/api/applications/${app.id}`), 200, 'application detail');
  const doc = multipart({ kind: 'national_id_copy', applicationId: app.id });
  const document = ok(
    await officer.request('POST', `/api/beneficiaries/${b.id}/documents`, doc.body, doc.headers),
    201,
    'document',
  );
  const kase = ok(
    await officer.post('/api/cases', {
      kind: 'inquiry',
      channel: 'phone',
      subject: 'استفسار عن موعد التوصيل',
      description: 'يسأل المستفيد عن موعد توصيل الصهريج القادم',
      beneficiaryId: b.id,
    }),
    201,
    'case',
  );
  const att = multipart();
  const attachment = ok(
    await officer.request('POST', `/api/cases/${kase.id}/attachments`, att.body, att.headers),
    201,
    'case attachment',
  );
  const contact = ok(
    await officer.post('/api/interactions', {
      channel: 'phone',
      direction: 'inbound',
      summary: 'اتصل للسؤال عن حالة الطلب',
      beneficiaryId: b.id,
    }),
    201,
    'interaction',
  );
  const slotId = await publishSlot(branchId);
  const appointment = ok(
    await officer.post('/api/appointments', { slotId, beneficiaryId: b.id, purpose: 'مقابلة التحقق من البيانات' }),
    201,
    'appointment',
  );
  return {
    beneficiaryId: b.id,
    nationalId: input.nationalId,
    fileNumber: b.fileNumber,
    applicationId: app.id,
    applicationReference: app.reference,
    checklistItemKey: detail.checklist[0].itemKey,
    documentId: document.id,
    deliveryId: await scheduleDeliveryFor(b.id, app.id, branchId),
    caseId: kase.id,
    caseReference: kase.reference,
    caseAttachmentId: attachment.id,
    interactionId: contact.id,
    slotId,
    appointmentId: appointment.id,
    consentId: await consentIdOf(b.id),
  };
}

/** What must never show in a list for someone outside the records' branch. */
const markers = ({ checklistItemKey: _sharedKey, ...identifying }: Records) => Object.values(identifying);

beforeAll(async () => {
  ctx = await createTestContext();
  for (const name of ['officer', 'execution', 'committee', 'branchrep', 'admin'] as const) {
    clients[name] = await signedIn(ctx.app, name);
  }
  const services = ok(await clients.officer.get('/api/services'), 200, 'services').items as {
    id: string;
    code: string;
  }[];
  tankServiceId = services.find((s) => s.code === 'tank_delivery')!.id;
  coolerServiceId = services.find((s) => s.code === 'water_cooler')!.id;
  own = await seedBranch('KHB');
  other = await seedBranch('HQ');
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

describe('branch lists', () => {
  const today = () => riyadhDate(new Date());
  /** Query strings a list needs to answer at all. */
  const LIST_QUERIES: Record<string, () => string> = {
    '/api/appointment-slots': () => `from=${today()}&to=${addDays(today(), 60)}`,
    '/api/reports/my-figures': () => `from=${addDays(today(), -30)}&to=${today()}`,
  };
  /** Filters that name the other branch's records; they must come back empty of them, not widen the list. */
  const probes = () => [
    `/api/beneficiaries?q=${other.nationalId}`,
    `/api/beneficiaries?q=${other.fileNumber}`,
    `/api/applications?beneficiaryId=${other.beneficiaryId}`,
    `/api/deliveries?beneficiaryId=${other.beneficiaryId}`,
    '/api/interactions?unlinked=false',
    `/api/appointment-slots?branchId=${ctx.branchIds.HQ}&from=${today()}&to=${addDays(today(), 60)}`,
  ];

  const listRoutes = () =>
    routeTableOf(ctx.app).filter(
      (r) =>
        r.method === 'GET' &&
        !r.url.includes('/:') &&
        r.access !== 'public' &&
        rolesFor(r.access).includes('branch_rep'),
    );
  const listUrl = (url: string) => (LIST_QUERIES[url] ? `${url}?${LIST_QUERIES[url]()}` : url);

  it('the branch representative’s lists show their own branch’s records and never another branch’s', async () => {
    const lists = listRoutes();
    expect(lists.length).toBeGreaterThanOrEqual(10);
    const leaks: string[] = [];
    const forbidden = markers(other);
    for (const url of [...lists.map((r) => listUrl(r.url)), ...probes()]) {
      const res = await clients.branchrep.get(url);
      if (res.status !== 200) {
        leaks.push(`${url} → ${label(res)}`);
        continue;
      }
      const text = JSON.stringify(res.body);
      for (const marker of forbidden) if (text.includes(marker)) leaks.push(`${url} shows ${marker}`);
    }
    expect(leaks).toEqual([]);

    // The lists are not empty by accident: the representative's own records are there …
    const ids = async (client: TestClient, url: string) => JSON.stringify(ok(await client.get(listUrl(url)), 200, url));
    const mine: [string, string][] = [
      ['/api/beneficiaries', own.beneficiaryId],
      ['/api/applications', own.applicationId],
      ['/api/cases', own.caseId],
      ['/api/deliveries', own.deliveryId],
      ['/api/interactions', own.interactionId],
      ['/api/appointment-slots', own.appointmentId],
    ];
    for (const [url, id] of mine) expect(await ids(clients.branchrep, url), url).toContain(id);
    // … and a role that sees every branch finds the other branch's records in the same lists.
    const theirs: [string, string][] = [
      ['/api/beneficiaries', other.beneficiaryId],
      ['/api/applications', other.applicationId],
      ['/api/cases', other.caseId],
      ['/api/deliveries', other.deliveryId],
      ['/api/interactions', other.interactionId],
      ['/api/appointment-slots', other.appointmentId],
    ];
    for (const [url, id] of theirs) expect(await ids(clients.officer, url), url).toContain(id);
  });

  it('a branch representative without a branch sees no branch’s records', async () => {
    const created = await clients.admin.post('/api/users', {
      username: 'branchless.rep',
      displayName: 'مندوب بلا فرع',
      password: 'branchless-rep-pass-2026',
      role: 'branch_rep',
      branchId: null,
    });
    ok(created, 201, 'create branchless rep');
    const rep = new TestClient(ctx.app);
    ok(await rep.login('branchless.rep', 'branchless-rep-pass-2026'), 200, 'login');
    const leaks: string[] = [];
    const forbidden = [...markers(own), ...markers(other)];
    for (const url of [...listRoutes().map((r) => listUrl(r.url)), ...probes()]) {
      const res = await rep.get(url);
      if (res.status !== 200) {
        leaks.push(`${url} → ${label(res)}`);
        continue;
      }
      const text = JSON.stringify(res.body);
      for (const marker of forbidden) if (text.includes(marker)) leaks.push(`${url} shows ${marker}`);
    }
    expect(leaks).toEqual([]);
    for (const route of checkedRoutes()) {
      const res = await send(rep, route, own);
      if (!refused(res)) leaks.push(`${key(route)} own-branch id → ${label(res)}`);
    }
    expect(leaks).toEqual([]);
  });
});

describe('own branch × other branch, every route with a record in its path', () => {
  it('every such route names records the matrix knows, or is listed as having no branch', () => {
    const routes = branchRoutes();
    const unmapped = routes
      .filter((r) => !(key(r) in NOT_BRANCH_RECORDS))
      .flatMap((r) =>
        paramKeys(r.url)
          .filter((p) => !(p in PARAM_RECORDS))
          .map((p) => `${key(r)} (${p})`),
      );
    expect(unmapped).toEqual([]);
    // The exclusions name routes that exist; a removed or renamed route must leave the list too.
    const present = new Set(routes.map(key));
    expect(Object.keys(NOT_BRANCH_RECORDS).filter((k) => !present.has(k))).toEqual([]);
    // Every write route reaches the branch check with a valid body (a 400 would hide a missing check).
    const writes = checkedRoutes().filter((r) => r.method !== 'GET');
    expect(writes.filter((r) => !(key(r) in BODIES)).map(key)).toEqual([]);
    expect(checkedRoutes().length).toBeGreaterThanOrEqual(19);
  });

  it('the branch representative is refused (403 auth.forbidden) every other-branch record, and nothing is written', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    for (const route of checkedRoutes()) {
      const res = await send(clients.branchrep, route, other);
      if (!refused(res)) failures.push(`${key(route)} → ${label(res)}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('the branch representative reaches every own-branch record', async () => {
    const failures: string[] = [];
    for (const route of checkedRoutes()) {
      const res = await send(clients.branchrep, route, own);
      if (!reached(res)) failures.push(`${key(route)} → ${label(res)}`);
    }
    expect(failures).toEqual([]);
  });

  it('roles not limited to a branch reach the other branch’s records (the officer, or the role the route is for)', async () => {
    const failures: string[] = [];
    const byRole: Partial<Record<Role, TestClient>> = {
      officer: clients.officer,
      execution_officer: clients.execution,
    };
    for (const route of checkedRoutes()) {
      const allowed = rolesFor(route.access as Parameters<typeof rolesFor>[0]);
      const role = (['officer', 'execution_officer'] as const).find((r) => allowed.includes(r));
      if (!role && BRANCH_REP_ONLY.has(key(route))) continue;
      if (!role) {
        failures.push(`${key(route)}: no unrestricted staff role to try`);
        continue;
      }
      const res = await send(byRole[role]!, route, other);
      if (!reached(res)) failures.push(`${role} ${key(route)} → ${label(res)}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('two ids in one request that must belong together', () => {
  let mine: Records;
  let peer: Records;
  let farDeliveryId: string;
  let freeOwnSlot: string;
  let freeOtherSlot: string;
  let unlinkedContactId: string;
  let meetingId: string;
  let repUserId: string;

  beforeAll(async () => {
    // Two more files of the representative's branch: ids of the same branch that still do not belong together.
    mine = await seedBranch('KHB');
    peer = await seedBranch('KHB');
    farDeliveryId = await scheduleDeliveryFor(other.beneficiaryId, other.applicationId, ctx.branchIds.HQ!);
    freeOwnSlot = await publishSlot(ctx.branchIds.KHB!);
    freeOtherSlot = await publishSlot(ctx.branchIds.HQ!);
    // Taken at the representative's branch: unlinked contacts taken elsewhere are not theirs to list or link (issue 14).
    unlinkedContactId = ok(
      await clients.branchrep.post('/api/interactions', {
        channel: 'phone',
        direction: 'inbound',
        summary: 'متصل لم يُعرف ملفه بعد',
        contactName: 'متصل مجهول',
        contactMobile: uniqueMobile(),
      }),
      201,
      'unlinked contact',
    ).id;
    const committeeId = await userIdOf('committee');
    meetingId = ok(
      await clients.officer.post('/api/committee/meetings', {
        scheduledAt: `${addDays(riyadhDate(new Date()), 7)}T18:00:00+03:00`,
        chairUserId: committeeId,
        memberIds: [committeeId],
      }),
      201,
      'meeting',
    ).id;
    repUserId = await userIdOf('branchrep');
  }, 120_000);

  type Attempt = {
    what: string;
    by: (keyof typeof clients)[];
    method: 'POST' | 'PATCH' | 'PUT' | 'GET';
    url: () => string;
    payload: () => Payload;
    status: number;
    code: string;
  };
  const json = (body: unknown) => () => ({ body });
  const contact = (extra: Record<string, unknown>) =>
    json({ channel: 'phone', direction: 'inbound', summary: 'متابعة هاتفية', ...extra });

  /** Ids of one branch that do not belong together: refused for every role that may call the route. */
  const mismatched: Attempt[] = [
    {
      what: 'checklist item matched with another file’s document',
      by: ['officer', 'branchrep'],
      method: 'PATCH',
      url: () => `/api/applications/${mine.applicationId}/checklist/${mine.checklistItemKey}`,
      payload: () => json({ state: 'verified', documentId: peer.documentId })(),
      status: 404,
      code: 'document.not_found',
    },
    {
      what: 'delivery proved with a photo from another file',
      by: ['execution', 'branchrep'],
      method: 'POST',
      url: () => `/api/deliveries/${mine.deliveryId}/outcome`,
      payload: () => json({ outcome: 'delivered', recipientName: 'محمد', photoDocumentId: peer.documentId })(),
      status: 404,
      code: 'document.not_found',
    },
    {
      what: 'document filed under another file’s application',
      by: ['officer', 'execution', 'branchrep'],
      method: 'POST',
      url: () => `/api/beneficiaries/${mine.beneficiaryId}/documents`,
      payload: () => multipart({ kind: 'income_proof', applicationId: peer.applicationId }),
      status: 404,
      code: 'application.not_found',
    },
    {
      what: 'contact of one file recorded under another file’s application',
      by: ['officer', 'execution', 'branchrep'],
      method: 'POST',
      url: () => '/api/interactions',
      payload: () => contact({ beneficiaryId: mine.beneficiaryId, applicationId: peer.applicationId })(),
      status: 404,
      code: 'application.not_found',
    },
    {
      what: 'contact of one file recorded under another file’s case',
      by: ['officer', 'execution', 'branchrep'],
      method: 'POST',
      url: () => '/api/interactions',
      payload: () => contact({ beneficiaryId: mine.beneficiaryId, caseId: peer.caseId })(),
      status: 404,
      code: 'case.not_found',
    },
    {
      what: 'vote on an application that is not on the meeting’s agenda',
      by: ['committee'],
      method: 'PUT',
      url: () => `/api/committee/meetings/${meetingId}/items/${mine.applicationId}/vote`,
      payload: json({ vote: 'accept' }),
      status: 404,
      code: 'committee.not_on_agenda',
    },
    {
      what: 'decision on an application that is not on the meeting’s agenda',
      by: ['committee'],
      method: 'POST',
      url: () => `/api/committee/meetings/${meetingId}/items/${mine.applicationId}/decision`,
      payload: json({ decision: 'accepted' }),
      status: 404,
      code: 'committee.not_on_agenda',
    },
    {
      what: 'another branch’s delivery given to this branch’s representative',
      by: ['execution'],
      method: 'PATCH',
      url: () => `/api/deliveries/${farDeliveryId}`,
      payload: () => json({ assigneeUserId: repUserId })(),
      status: 400,
      code: 'delivery.bad_assignee',
    },
    {
      what: 'another branch’s case given to this branch’s representative',
      by: ['officer', 'execution'],
      method: 'PATCH',
      url: () => `/api/cases/${other.caseId}`,
      payload: () => json({ ownerUserId: repUserId })(),
      status: 400,
      code: 'case.bad_owner',
    },
  ];

  /** The representative's own record together with another branch's: refused as forbidden. */
  const crossBranch: Attempt[] = [
    {
      what: 'own checklist item matched with another branch’s document',
      by: ['branchrep'],
      method: 'PATCH',
      url: () => `/api/applications/${mine.applicationId}/checklist/${mine.checklistItemKey}`,
      payload: () => json({ state: 'verified', documentId: other.documentId })(),
      status: 404,
      code: 'document.not_found',
    },
    {
      what: 'own delivery proved with another branch’s photo',
      by: ['branchrep'],
      method: 'POST',
      url: () => `/api/deliveries/${mine.deliveryId}/outcome`,
      payload: () => json({ outcome: 'delivered', recipientName: 'محمد', photoDocumentId: other.documentId })(),
      status: 404,
      code: 'document.not_found',
    },
    {
      what: 'own file’s document filed under another branch’s application',
      by: ['branchrep'],
      method: 'POST',
      url: () => `/api/beneficiaries/${mine.beneficiaryId}/documents`,
      payload: () => multipart({ kind: 'income_proof', applicationId: other.applicationId }),
      status: 404,
      code: 'application.not_found',
    },
    {
      what: 'contact for another branch’s file',
      by: ['branchrep'],
      method: 'POST',
      url: () => '/api/interactions',
      payload: () => contact({ beneficiaryId: other.beneficiaryId })(),
      status: 403,
      code: 'auth.forbidden',
    },
    {
      what: 'unidentified contact filed under another branch’s application',
      by: ['branchrep'],
      method: 'POST',
      url: () => '/api/interactions',
      payload: () => contact({ contactName: 'سائل', applicationId: other.applicationId })(),
      status: 403,
      code: 'auth.forbidden',
    },
    {
      what: 'unidentified contact filed under another branch’s case',
      by: ['branchrep'],
      method: 'POST',
      url: () => '/api/interactions',
      payload: () => contact({ contactName: 'سائل', caseId: other.caseId })(),
      status: 403,
      code: 'auth.forbidden',
    },
    {
      what: 'unidentified contact linked to another branch’s file',
      by: ['branchrep'],
      method: 'PATCH',
      url: () => `/api/interactions/${unlinkedContactId}`,
      payload: () => json({ beneficiaryId: other.beneficiaryId })(),
      status: 403,
      code: 'auth.forbidden',
    },
    {
      what: 'contacts of another branch’s file listed',
      by: ['branchrep'],
      method: 'GET',
      url: () => `/api/interactions?beneficiaryId=${other.beneficiaryId}`,
      payload: () => ({}),
      status: 403,
      code: 'auth.forbidden',
    },
    {
      what: 'application opened for another branch’s file',
      by: ['branchrep'],
      method: 'POST',
      url: () => '/api/applications',
      payload: () =>
        json({ beneficiaryId: other.beneficiaryId, serviceIds: [coolerServiceId], channel: 'branch_rep' })(),
      status: 403,
      code: 'auth.forbidden',
    },
    {
      what: 'case opened for another branch’s file',
      by: ['branchrep'],
      method: 'POST',
      url: () => '/api/cases',
      payload: () =>
        json({
          kind: 'complaint',
          channel: 'branch_rep',
          subject: 'تأخر التوصيل',
          description: 'تأخر توصيل الصهريج عن موعده',
          beneficiaryId: other.beneficiaryId,
        })(),
      status: 403,
      code: 'auth.forbidden',
    },
    {
      what: 'another branch’s file booked into an own-branch slot',
      by: ['branchrep'],
      method: 'POST',
      url: () => '/api/appointments',
      payload: () => json({ slotId: freeOwnSlot, beneficiaryId: other.beneficiaryId, purpose: 'مقابلة' })(),
      status: 403,
      code: 'auth.forbidden',
    },
    {
      what: 'own file booked into another branch’s slot',
      by: ['branchrep'],
      method: 'POST',
      url: () => '/api/appointments',
      payload: () => json({ slotId: freeOtherSlot, beneficiaryId: mine.beneficiaryId, purpose: 'مقابلة' })(),
      status: 403,
      code: 'auth.forbidden',
    },
    {
      what: 'slots published for another branch',
      by: ['branchrep'],
      method: 'POST',
      url: () => '/api/appointment-slots',
      payload: () =>
        json({
          branchId: ctx.branchIds.HQ,
          slots: [{ startsAt: `${addDays(riyadhDate(new Date()), 40)}T09:00:00+03:00`, minutes: 30 }],
        })(),
      status: 403,
      code: 'auth.forbidden',
    },
    {
      what: 'own file moved to another branch',
      by: ['branchrep'],
      method: 'PATCH',
      url: () => `/api/beneficiaries/${mine.beneficiaryId}`,
      payload: () => json({ branchId: ctx.branchIds.HQ })(),
      status: 403,
      code: 'auth.forbidden',
    },
  ];

  async function attempt(list: Attempt[]) {
    const failures: string[] = [];
    for (const a of list) {
      for (const who of a.by) {
        const before = await snapshot();
        const { body, headers } = a.payload();
        const res = await clients[who].request(
          a.method,
          a.url(),
          a.method === 'GET' ? undefined : (body ?? {}),
          headers,
        );
        if (res.status !== a.status || res.body?.code !== a.code) {
          failures.push(`${who}: ${a.what} → ${label(res)} (expected ${a.status} ${a.code})`);
        }
        const after = await snapshot();
        if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${who}: ${a.what} wrote something`);
      }
    }
    return failures;
  }

  it('ids of one branch that do not belong together are refused for every role, and nothing is written', async () => {
    expect(await attempt(mismatched)).toEqual([]);
  });

  it('the branch representative cannot join an own-branch record to another branch’s, and nothing is written', async () => {
    expect(await attempt(crossBranch)).toEqual([]);
  });

  it('the same requests with ids that belong together succeed (the refusals above are not blanket ones)', async () => {
    const rep = clients.branchrep;
    const upload = multipart({ kind: 'income_proof', applicationId: mine.applicationId });
    const document = ok(
      await rep.request('POST', `/api/beneficiaries/${mine.beneficiaryId}/documents`, upload.body, upload.headers),
      201,
      'own document under own application',
    );
    ok(
      await rep.patch(`/api/applications/${mine.applicationId}/checklist/${mine.checklistItemKey}`, {
        state: 'verified',
        documentId: document.id,
      }),
      204,
      'checklist with own document',
    );
    ok(
      await rep.post('/api/interactions', {
        channel: 'branch_rep',
        direction: 'outbound',
        summary: 'زيارة للمتابعة',
        beneficiaryId: mine.beneficiaryId,
        applicationId: mine.applicationId,
        caseId: mine.caseId,
      }),
      201,
      'contact under own application and case',
    );
    ok(
      await rep.post('/api/appointments', {
        slotId: freeOwnSlot,
        beneficiaryId: mine.beneficiaryId,
        purpose: 'مقابلة',
      }),
      201,
      'own file in own slot',
    );
    ok(
      await rep.post(`/api/deliveries/${mine.deliveryId}/outcome`, {
        outcome: 'delivered',
        recipientName: 'محمد',
        photoDocumentId: document.id,
        // Planned for a later day: recorded early, with the reason.
        earlyReason: 'وصل الصهريج قبل موعده بطلب المستفيد',
      }),
      200,
      'delivery with own photo',
    );
    // The officer sees every branch: booking a KHB file into an HQ slot is a visit to the head office.
    ok(
      await clients.officer.post('/api/appointments', {
        slotId: freeOtherSlot,
        beneficiaryId: mine.beneficiaryId,
        purpose: 'مقابلة في المقر',
      }),
      201,
      'officer books across branches',
    );
    ok(await clients.officer.patch(`/api/cases/${mine.caseId}`, { ownerUserId: repUserId }), 204, 'own-branch owner');
    ok(
      await clients.branchrep.patch(`/api/interactions/${unlinkedContactId}`, { beneficiaryId: mine.beneficiaryId }),
      204,
      'link',
    );
  });
});

describe('moving a file to another branch', () => {
  it('its open application, scheduled delivery and open case move with it to the new branch', async () => {
    const moving = await seedBranch('HQ');
    const rep = clients.branchrep;
    const paths = [`/api/applications/${moving.applicationId}`, `/api/cases/${moving.caseId}`];
    for (const path of paths) expect(refused(await rep.get(path)), path).toBe(true);
    ok(
      await clients.officer.patch(`/api/beneficiaries/${moving.beneficiaryId}`, { branchId: ctx.branchIds.KHB }),
      204,
      'move the file',
    );
    for (const path of paths) expect((await rep.get(path)).status, path).toBe(200);
    const [delivery] = await ctx.deps.db
      .select({ branchId: deliveries.branchId })
      .from(deliveries)
      .where(eq(deliveries.id, moving.deliveryId));
    expect(delivery?.branchId).toBe(ctx.branchIds.KHB);
    // The HQ records seeded earlier stay where they were.
    expect(refused(await rep.get(`/api/applications/${other.applicationId}`))).toBe(true);
  });
});

describe('an API token limited to a branch (issue 21)', () => {
  it('reaches its branch’s records on every route its scopes open, and is refused the other branch’s', async () => {
    const made = ok(
      await clients.admin.post('/api/integrations/tokens', {
        name: 'نظام فرع خيبر',
        scopes: {
          modules: {
            beneficiaries: 'write',
            applications: 'write',
            deliveries: 'write',
            cases: 'write',
            appointments: 'write',
          },
          personal: true,
        },
        branchId: ctx.branchIds.KHB,
      }),
      201,
      'token',
    );
    const token = new TestClient(ctx.app, { authorization: `Bearer ${made.token}` });
    const actions = ok(await token.get('/api/integrations/token'), 200, 'token self').actions as string[];
    const routes = checkedRoutes().filter((r) => actions.includes(r.access));
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const before = await snapshot();
    const failures: string[] = [];
    for (const route of routes) {
      const res = await send(token, route, other);
      if (!refused(res)) failures.push(`other ${key(route)} → ${label(res)}`);
    }
    const after = await snapshot();
    // Only the token's own request audit rows were added.
    expect({ ...after, auditLog: before.auditLog }).toEqual(before);
    for (const route of routes) {
      const res = await send(token, route, own);
      if (!reached(res)) failures.push(`own ${key(route)} → ${label(res)}`);
    }
    const forbidden = markers(other);
    for (const url of ['/api/beneficiaries', '/api/applications', '/api/cases', '/api/deliveries']) {
      const text = JSON.stringify(ok(await token.get(url), 200, url));
      for (const marker of forbidden) if (text.includes(marker)) failures.push(`${url} shows ${marker}`);
    }
    expect(failures).toEqual([]);
  });
});

import { and, desc, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { riyadhDate } from '../../../common/dates';
import { beneficiaryFields, mobileSchema, nationalIdSchema } from '../../../common/domain/beneficiary';
import { LIMITS as CASE_LIMITS } from '../../../common/domain/case';
import { digitsOnly, latinDigits, normalizeReference } from '../../../common/domain/reference';
import { replyTimesFrom } from '../../../common/domain/reply-time';
import { WATER_PROBLEM_MAX } from '../../../common/input';
import { applications, beneficiaries } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { publicOrgId } from '../../http/host-org';
import { readUpload, uploadField } from '../../http/multipart';
import { errorResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { DOCUMENT_KIND, sniffMime } from '../beneficiaries';
import { searchKnowledge } from '../knowledge';
import { listServices } from '../services';
import { getSettings } from '../settings';
import { listBranches } from '../users';
import {
  clearDeviceCookie,
  findDevice,
  readDeviceCookie,
  rememberDevice,
  revokeDevices,
  setDeviceCookie,
  touchDevice,
} from './device';
import { followCase, requestFollowCode, submitPortalCase, workdayHours } from './follow';
import { consumeOtp, issueOtp } from './otp';
import { checkGrant, issueGrant, submitPortalApplication, trackApplication } from './portal';
import { uploadPortalDocument } from './upload';

const tags = ['portal'];
const code = z
  .string()
  .trim()
  .regex(/^[0-9٠-٩۰-۹]{6}$/, { message: 'field.otp' });
const toLatin = latinDigits;
const limit = (max: number) => ({ rateLimit: { max, timeWindow: '10 minutes' } });
/** A reference as typed: normalised by the route (prefix optional, any digits); a wrong shape is just "not found". */
const referenceText = z.string().trim().min(3).max(40);

/** Answers that must not tell whether a reference exists take at least this long (the work itself is the same). */
export const UNIFORM_ANSWER_MS = 350;
async function atLeast(ms: number, work: () => Promise<void>) {
  const started = Date.now();
  try {
    await work();
  } finally {
    const left = ms - (Date.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}

const replyTimeSchema = z.object({ unit: z.enum(['hours', 'days']), n: z.number().int() });
const trackedSchema = z.object({
  reference: z.string(),
  stage: z.string(),
  submittedAt: z.string(),
  expectedDecisionDate: z.string().nullable(),
  raisedOn: z.string().nullable(),
  decisionDays: z.number().int(),
  missing: z.array(z.string()),
  missingItems: z.array(z.object({ key: z.string(), labelAr: z.string() })),
  documents: z.array(
    z.object({
      key: z.string(),
      labelAr: z.string(),
      state: z.enum(['received', 'missing', 'waiting', 'not_needed']),
    }),
  ),
  decision: z
    .object({
      decision: z.string(),
      reasons: z.array(z.string()),
      decidedAt: z.string().nullable(),
    })
    .nullable(),
  declared: z.boolean(),
  token: z.string(),
});

const applyBody = z.strictObject({
  applicant: z.strictObject({
    nationalId: nationalIdSchema,
    ...beneficiaryFields,
    household: beneficiaryFields.household.default([]),
    disability: beneficiaryFields.disability.default(false),
  }),
  serviceIds: z.array(z.uuid()).min(1).max(5),
  /** Optional; control characters are refused for every body by the shared validator (common/input.ts). */
  waterProblem: z.string().trim().max(WATER_PROBLEM_MAX).optional(),
  consent: z.literal(true),
  typedName: z.string().trim().min(5).max(200),
  code,
  /** "This phone is shared": do not remember it for tracking. */
  sharedPhone: z.boolean().default(false),
});

const caseBody = z
  .strictObject({
    kind: z.enum(['inquiry', 'complaint', 'suggestion']),
    subject: z.string().trim().min(3).max(CASE_LIMITS.subject),
    description: z.string().trim().min(3).max(CASE_LIMITS.body),
    name: z.string().trim().min(2).max(120).optional(),
    mobile: mobileSchema.optional(),
    anonymous: z.boolean().default(false),
  })
  .refine((b) => b.anonymous || (b.name && b.mobile), { message: 'field.contact_required', path: ['mobile'] })
  .refine((b) => !b.anonymous || b.kind === 'suggestion', {
    message: 'field.anonymous_suggestion_only',
    path: ['anonymous'],
  });

/** The public portal's API: no account; every answer is built not to reveal whether a person or reference exists. */
export function registerPortalRoutes(app: App, deps: Deps): void {
  // The association of the host the portal was opened at (issue 20).
  const org = (request: FastifyRequest) => publicOrgId(deps, request);

  const applicationByReference = async (id: string, reference: string) => {
    const [row] = await deps.db
      .select({ id: applications.id, mobile: beneficiaries.mobile })
      .from(applications)
      .innerJoin(
        beneficiaries,
        and(eq(beneficiaries.orgId, applications.orgId), eq(beneficiaries.id, applications.beneficiaryId)),
      )
      .where(inOrg(applications, id, eq(applications.reference, reference)));
    return row ?? null;
  };

  /** After a correct code: remember this phone for tracking, unless it is shared (then forget it here). */
  const rememberAfterCode = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    mobile: string,
    shared: boolean,
  ): Promise<boolean> => {
    const settings = await getSettings(deps.db, id);
    if (shared || settings.portalDeviceDays === 0) {
      const current = await findDevice(deps.db, id, readDeviceCookie(request));
      if (current) await revokeDevices(deps.db, { orgId: id, id: current.id });
      if (readDeviceCookie(request)) clearDeviceCookie(request, reply);
      return false;
    }
    const ua = request.headers['user-agent'];
    const { token, expiresAt } = await deps.db.transaction(async (tx) => {
      const device = await rememberDevice(tx, {
        orgId: id,
        mobile,
        days: settings.portalDeviceDays,
        userAgent: typeof ua === 'string' ? ua.slice(0, 300) : null,
      });
      await writeAudit(tx, { id: null, orgId: id, username: null }, requestMeta(request), {
        action: 'portal.device_remember',
        entityType: 'portal_device',
        entityId: device.id,
        details: { days: settings.portalDeviceDays },
      });
      return device;
    });
    setDeviceCookie(request, reply, token, expiresAt);
    return true;
  };

  app.get('/api/portal/info', { config: { access: 'public' }, schema: { tags } }, async (request) => {
    const id = await org(request);
    const [settings, services, branches, published] = await Promise.all([
      getSettings(deps.db, id),
      listServices(deps.db, id, true),
      listBranches(deps.db, id),
      searchKnowledge(deps.db, id, { publishedOnly: true, today: riyadhDate(new Date()) }),
    ]);
    return {
      privacyNoticeAr: settings.privacyNoticeAr,
      consentPurposeAr: settings.consentPurposeAr,
      declarationTextAr: settings.declarationTextAr,
      committeeTargetDays: settings.committeeTargetDays,
      appealWindowDays: settings.appealWindowDays,
      replyTimes: replyTimesFrom(settings.slaTargets, workdayHours(settings)),
      contact: {
        phone: settings.contactPhone,
        whatsapp: settings.contactWhatsapp,
        addressAr: settings.contactAddressAr,
        addressEn: settings.contactAddressEn,
        mapUrl: settings.contactMapUrl,
        workDays: settings.workDays,
        workStartMinute: settings.workStartMinute,
        workEndMinute: settings.workEndMinute,
        hoursNoteAr: settings.contactHoursNoteAr,
        branches: branches.map((b) => {
          const more = settings.contactBranches.find((c) => c.code === b.code);
          return {
            id: b.id,
            nameAr: b.nameAr,
            addressAr: more?.addressAr || null,
            phone: more?.phone || null,
            mapUrl: more?.mapUrl || null,
          };
        }),
      },
      services: services.map((s) => ({
        id: s.id,
        nameAr: s.nameAr,
        descriptionAr: s.descriptionAr,
        requiredDocuments: s.requiredDocuments,
      })),
      branches: branches.map((b) => ({ id: b.id, nameAr: b.nameAr })),
      published: published.map((p) => ({
        id: p.id,
        kind: p.kind,
        titleAr: p.titleAr,
        bodyAr: p.bodyAr,
        approvalRef: p.approvalRef,
        effectiveFrom: p.effectiveFrom,
      })),
    };
  });

  app.post(
    '/api/portal/otp',
    {
      config: { access: 'public', ...limit(30) },
      schema: {
        tags,
        description:
          'Sends a one-time code. For tracking and follow-up the answer is the same, in about the same time, ' +
          'whether or not the reference exists; at most a few codes go to one reference a day.',
        body: z.discriminatedUnion('purpose', [
          z.strictObject({ purpose: z.literal('apply'), mobile: mobileSchema }),
          z.strictObject({ purpose: z.literal('track'), reference: referenceText }),
          z.strictObject({ purpose: z.literal('follow'), reference: referenceText }),
        ]),
        response: { 200: z.object({ sent: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      const id = await org(request);
      const ip = request.ip || null;
      const body = request.body;
      if (body.purpose === 'apply') {
        await issueOtp(deps.db, { orgId: id, purpose: 'apply', reference: body.mobile, mobile: body.mobile, ip });
        return { sent: true as const };
      }
      // Whether the reference exists must not show in the answer or in its time: the same work either way,
      // and never an answer sooner than the floor.
      await atLeast(UNIFORM_ANSWER_MS, async () => {
        if (body.purpose === 'track') {
          const reference = normalizeReference(body.reference, 'APP') ?? `?${body.reference.slice(0, 30)}`;
          const row = await applicationByReference(id, reference);
          await issueOtp(deps.db, { orgId: id, purpose: 'track', reference, mobile: row?.mobile ?? null, ip });
        } else {
          const reference = normalizeReference(body.reference, 'C') ?? `?${body.reference.slice(0, 30)}`;
          await requestFollowCode(deps, id, reference, ip);
        }
      });
      return { sent: true as const };
    },
  );

  app.post(
    '/api/portal/applications',
    {
      config: { access: 'public', ...limit(10) },
      schema: {
        tags,
        description:
          'An application with its one-time code. A national ID that has a file with another mobile is not ' +
          'refused: the answer is 202 "received, staff will call" (a case for the relations team), never a ' +
          'statement that the ID is registered.',
        body: applyBody,
        response: {
          201: z.object({
            outcome: z.literal('application'),
            reference: z.string(),
            applicationId: z.uuid(),
            decisionDays: z.number().int(),
            token: z.string(),
            remembered: z.boolean(),
          }),
          202: z.object({ outcome: z.literal('review'), reference: z.string(), replyTime: replyTimeSchema }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const id = await org(request);
      const b = request.body;
      const result = await submitPortalApplication(
        deps,
        id,
        {
          applicant: b.applicant,
          serviceIds: b.serviceIds,
          typedName: b.typedName,
          code: toLatin(b.code),
          waterProblem: b.waterProblem,
        },
        requestMeta(request),
      );
      if (result.outcome === 'review') return reply.status(202).send(result);
      const remembered = await rememberAfterCode(request, reply, id, b.applicant.mobile, b.sharedPhone);
      return reply.status(201).send({ ...result, remembered });
    },
  );

  app.post(
    '/api/portal/track',
    {
      config: { access: 'public', ...limit(20) },
      schema: {
        tags,
        description:
          'Tracks an application with its reference (with or without APP-, any digits) and a code. Unless the ' +
          'person says the phone is shared, the phone is remembered for tracking (signed cookie, revocable).',
        body: z.strictObject({ reference: referenceText, code, sharedPhone: z.boolean().default(false) }),
        response: { 200: trackedSchema.extend({ remembered: z.boolean() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await org(request);
      const reference = normalizeReference(request.body.reference, 'APP') ?? `?${request.body.reference.slice(0, 30)}`;
      const { mobile } = await consumeOtp(deps.db, {
        orgId: id,
        purpose: 'track',
        reference,
        code: toLatin(request.body.code),
      });
      const row = await applicationByReference(id, reference);
      if (!row) throw new AppError('otp.invalid');
      const remembered = await rememberAfterCode(request, reply, id, mobile, request.body.sharedPhone);
      return {
        ...(await trackApplication(deps, id, row.id)),
        token: await issueGrant(deps.db, id, row.id),
        remembered,
      };
    },
  );

  app.get(
    '/api/portal/track/remembered',
    {
      config: { access: 'public', ...limit(60) },
      schema: {
        tags,
        description:
          'On a remembered phone: the applications of the verified number (latest five), without a new code. ' +
          'Without a valid device cookie: remembered false.',
        response: {
          200: z.object({
            remembered: z.boolean(),
            mobileEnding: z.string().nullable(),
            applications: z.array(trackedSchema),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const id = await org(request);
      const device = await findDevice(deps.db, id, readDeviceCookie(request));
      if (!device) {
        if (readDeviceCookie(request)) clearDeviceCookie(request, reply);
        return { remembered: false, mobileEnding: null, applications: [] };
      }
      const rows = await deps.db
        .select({ id: applications.id })
        .from(applications)
        .innerJoin(
          beneficiaries,
          and(eq(beneficiaries.orgId, applications.orgId), eq(beneficiaries.id, applications.beneficiaryId)),
        )
        .where(inOrg(applications, id, eq(beneficiaries.mobile, device.mobile)))
        .orderBy(desc(applications.createdAt))
        .limit(5);
      await touchDevice(deps.db, device.id);
      const tracked = [];
      for (const r of rows) {
        tracked.push({ ...(await trackApplication(deps, id, r.id)), token: await issueGrant(deps.db, id, r.id) });
      }
      return { remembered: true, mobileEnding: device.mobile.slice(-4), applications: tracked };
    },
  );

  app.post(
    '/api/portal/device/forget',
    {
      config: { access: 'public', ...limit(20) },
      schema: {
        tags,
        description:
          'Forgets this phone (and, with everywhere, every phone remembered for the same number). Always answers ' +
          'forgotten, with or without a device cookie.',
        body: z.strictObject({ everywhere: z.boolean().default(false) }),
        response: { 200: z.object({ forgotten: z.literal(true), count: z.number().int() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await org(request);
      const device = await findDevice(deps.db, id, readDeviceCookie(request));
      clearDeviceCookie(request, reply);
      if (!device) return { forgotten: true as const, count: 0 };
      const count = await deps.db.transaction(async (tx) => {
        const n = await revokeDevices(tx, {
          orgId: id,
          id: device.id,
          mobile: request.body.everywhere ? device.mobile : undefined,
        });
        await writeAudit(tx, { id: null, orgId: id, username: null }, requestMeta(request), {
          action: 'portal.device_forget',
          entityType: 'portal_device',
          entityId: device.id,
          details: { everywhere: request.body.everywhere, count: n },
        });
        return n;
      });
      return { forgotten: true as const, count };
    },
  );

  app.post(
    '/api/portal/applications/:reference/documents',
    {
      config: { access: 'public', ...limit(20) },
      schema: {
        tags,
        params: z.strictObject({ reference: z.string().min(3).max(40) }),
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const id = await org(request);
      const [row] = await deps.db
        .select({ id: applications.id, beneficiaryId: applications.beneficiaryId })
        .from(applications)
        .where(inOrg(applications, id, eq(applications.reference, request.params.reference.toUpperCase())));
      const token = request.headers['x-portal-token'];
      await checkGrant(deps.db, id, typeof token === 'string' ? token : undefined, row?.id ?? '');
      const part = await readUpload(request);
      const bytes = part.bytes;
      const kind = uploadField(part, 'kind') ?? 'other';
      if (!DOCUMENT_KIND.test(kind))
        throw new AppError('request.validation', [{ field: 'kind', issue: 'invalid_format' }]);
      if (!sniffMime(bytes)) throw new AppError('document.type_not_allowed');
      const doc = await uploadPortalDocument(
        deps,
        id,
        row!,
        { kind, fileName: part.fileName, bytes },
        requestMeta(request),
      );
      return reply.status(201).send({ id: doc.id, kind: doc.kind, originalName: doc.originalName });
    },
  );

  app.post(
    '/api/portal/cases',
    {
      config: { access: 'public', ...limit(10) },
      schema: {
        tags,
        description:
          'An inquiry, complaint or suggestion. With a mobile, the reference and the reply time are sent by SMS ' +
          'and it is followed with the reference and a code; an anonymous suggestion gets an 8-digit follow code.',
        body: caseBody,
        response: {
          201: z.object({ reference: z.string(), followCode: z.string().nullable(), replyTime: replyTimeSchema }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const id = await org(request);
      const b = request.body;
      const sent = await submitPortalCase(deps, id, b, requestMeta(request));
      return reply.status(201).send(sent);
    },
  );

  app.post(
    '/api/portal/cases/follow',
    {
      config: { access: 'public', ...limit(30) },
      schema: {
        tags,
        description:
          'Follows a message with its reference (with or without C-, any digits) and the 6-digit code sent to ' +
          'its mobile, or the 8-digit code of an anonymous suggestion.',
        body: z.strictObject({ reference: referenceText, code: z.string().trim().min(6).max(64) }),
        response: {
          200: z.object({
            reference: z.string(),
            kind: z.string(),
            status: z.string(),
            publicStatus: z.enum(['received', 'answered', 'in_progress', 'waiting_you', 'done']),
            subject: z.string(),
            submittedAt: z.string(),
            replyTime: replyTimeSchema.nullable(),
            resolveTime: replyTimeSchema.nullable(),
            outcome: z.string().nullable(),
            outcomeReason: z.string().nullable(),
            replies: z.array(z.object({ body: z.string(), at: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const id = await org(request);
      const reference = normalizeReference(request.body.reference, 'C') ?? `?${request.body.reference.slice(0, 30)}`;
      const given = digitsOnly(request.body.code);
      return followCase(deps, id, reference, /^\d+$/.test(given) ? given : request.body.code);
    },
  );

  app.get('/api/portal/branches', { config: { access: 'public' }, schema: { tags } }, async (request) => ({
    items: (await listBranches(deps.db, await org(request))).map((b) => ({ id: b.id, nameAr: b.nameAr })),
  }));
}

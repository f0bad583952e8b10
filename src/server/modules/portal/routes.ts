import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { riyadhDate } from '../../../common/dates';
import { beneficiaryFields, mobileSchema, nationalIdSchema } from '../../../common/domain/beneficiary';
import { LIMITS as CASE_LIMITS } from '../../../common/domain/case';
import { applications, beneficiaries, cases } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import type { App, Deps } from '../../http/context';
import { readUpload, uploadField } from '../../http/multipart';
import { errorResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { findOrganization } from '../../seed/organization';
import { DOCUMENT_KIND, sniffMime } from '../beneficiaries/documents';
import { createCase } from '../cases/manage-case';
import { listMessages } from '../cases/queries';
import { searchKnowledge } from '../knowledge/knowledge';
import { listServices } from '../services/queries';
import { getSettings } from '../settings/queries';
import { listBranches } from '../users/queries';
import { consumeOtp, issueOtp } from './otp';
import { checkGrant, issueGrant, submitPortalApplication, trackApplication } from './portal';
import { uploadPortalDocument } from './upload';

const tags = ['portal'];
const code = z
  .string()
  .trim()
  .regex(/^[0-9٠-٩]{6}$/, { message: 'field.otp' });
const toLatin = (s: string) => s.replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)));
const limit = (max: number) => ({ rateLimit: { max, timeWindow: '10 minutes' } });
const followHash = (key: string) => createHash('sha256').update(key).digest('hex');

const applyBody = z.strictObject({
  applicant: z.strictObject({
    nationalId: nationalIdSchema,
    ...beneficiaryFields,
    household: beneficiaryFields.household.default([]),
    disability: beneficiaryFields.disability.default(false),
  }),
  serviceIds: z.array(z.uuid()).min(1).max(5),
  consent: z.literal(true),
  typedName: z.string().trim().min(5).max(200),
  code,
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
  let orgId: string | undefined;
  const org = async () => {
    orgId ??= (await findOrganization(deps.db, deps.config.orgSlug))?.id;
    if (!orgId) throw new AppError('request.not_found');
    return orgId;
  };

  app.get('/api/portal/info', { config: { access: 'public' }, schema: { tags } }, async () => {
    const id = await org();
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
      config: { access: 'public', ...limit(20) },
      schema: {
        tags,
        body: z.discriminatedUnion('purpose', [
          z.strictObject({ purpose: z.literal('apply'), mobile: mobileSchema }),
          z.strictObject({ purpose: z.literal('track'), reference: z.string().trim().min(3).max(40) }),
        ]),
        response: { 200: z.object({ sent: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      const id = await org();
      const ip = request.ip || null;
      const body = request.body;
      if (body.purpose === 'apply') {
        await issueOtp(deps.db, { orgId: id, purpose: 'apply', reference: body.mobile, mobile: body.mobile, ip });
      } else {
        const reference = body.reference.toUpperCase();
        const [row] = await deps.db
          .select({ mobile: beneficiaries.mobile })
          .from(applications)
          .innerJoin(beneficiaries, eq(beneficiaries.id, applications.beneficiaryId))
          .where(inOrg(applications, id, eq(applications.reference, reference)));
        // An unknown reference gets the same answer: nothing tells a stranger that it does not exist.
        if (row) await issueOtp(deps.db, { orgId: id, purpose: 'track', reference, mobile: row.mobile, ip });
      }
      return { sent: true as const };
    },
  );

  app.post(
    '/api/portal/applications',
    { config: { access: 'public', ...limit(10) }, schema: { tags, body: applyBody } },
    async (request, reply) => {
      const id = await org();
      const b = request.body;
      const result = await submitPortalApplication(
        deps,
        id,
        { applicant: b.applicant, serviceIds: b.serviceIds, typedName: b.typedName, code: toLatin(b.code) },
        requestMeta(request),
      );
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/portal/track',
    {
      config: { access: 'public', ...limit(20) },
      schema: { tags, body: z.strictObject({ reference: z.string().trim().min(3).max(40), code }) },
    },
    async (request) => {
      const id = await org();
      const reference = request.body.reference.toUpperCase();
      await consumeOtp(deps.db, { orgId: id, purpose: 'track', reference, code: toLatin(request.body.code) });
      const [row] = await deps.db
        .select({ id: applications.id })
        .from(applications)
        .where(inOrg(applications, id, eq(applications.reference, reference)));
      if (!row) throw new AppError('otp.invalid');
      return { ...(await trackApplication(deps, id, row.id)), token: await issueGrant(deps.db, id, row.id) };
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
      const id = await org();
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
    { config: { access: 'public', ...limit(10) }, schema: { tags, body: caseBody } },
    async (request, reply) => {
      const id = await org();
      const b = request.body;
      const created = await createCase(
        deps,
        null,
        id,
        {
          kind: b.kind,
          channel: 'website',
          priority: 'normal',
          subject: b.subject,
          description: b.description,
          contactName: b.anonymous ? null : (b.name ?? null),
          contactMobile: b.anonymous ? null : (b.mobile ?? null),
          anonymous: b.anonymous,
          team: 'relations',
        },
        requestMeta(request),
      );
      // The follow-up key is shown once; only its hash is kept, with nothing else that points to the person.
      const key = randomBytes(12).toString('base64url');
      await deps.db
        .update(cases)
        .set({ followKeyHash: followHash(key) })
        .where(eq(cases.id, created.id));
      return reply.status(201).send({ reference: created.reference, key });
    },
  );

  app.post(
    '/api/portal/cases/follow',
    {
      config: { access: 'public', ...limit(30) },
      schema: {
        tags,
        body: z.strictObject({ reference: z.string().trim().min(3).max(40), key: z.string().trim().min(8).max(64) }),
      },
    },
    async (request) => {
      const id = await org();
      const [c] = await deps.db
        .select()
        .from(cases)
        .where(
          inOrg(
            cases,
            id,
            and(
              eq(cases.reference, request.body.reference.toUpperCase()),
              eq(cases.followKeyHash, followHash(request.body.key)),
            ),
          ),
        );
      if (!c) throw new AppError('portal.follow_invalid');
      const messages = await listMessages(deps.db, c.id, false);
      return {
        reference: c.reference,
        kind: c.kind,
        status: c.status,
        subject: c.subject,
        outcome: c.outcome,
        outcomeReason: c.outcomeReason,
        replies: messages.filter((m) => m.kind === 'reply').map((m) => ({ body: m.body, at: m.at.toISOString() })),
      };
    },
  );

  app.get('/api/portal/branches', { config: { access: 'public' }, schema: { tags } }, async () => ({
    items: (await listBranches(deps.db, await org())).map((b) => ({ id: b.id, nameAr: b.nameAr })),
  }));
}

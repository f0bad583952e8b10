import { z } from 'zod';
import { normalizeArabic } from '../../../common/arabic';
import { addDays, riyadhDate } from '../../../common/dates';
import { createBeneficiaryInput, nationalIdSchema, updateBeneficiaryInput } from '../../../common/domain/beneficiary';
import { normalizeSaudiMobile } from '../../../common/saudi';
import { AppError } from '../../errors';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { readUpload, uploadField } from '../../http/multipart';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { authorize, listBranchOf } from '../../policy';
import { getSettings } from '../settings';
import { changeBeneficiaryStatus } from './change-status';
import { checkNationalId, createBeneficiary, likelyDuplicates } from './create-beneficiary';
import { readDocument, uploadDocument } from './documents';
import { fullName } from './fields';
import { getBeneficiaryFile, loadBeneficiaryFor } from './get-beneficiary-file';
import { presentSummary } from './present';
import { listReverificationDue, preferredChannelOf } from './queries';
import {
  documentSchema,
  duplicatesBody,
  duplicatesResponse,
  fileSchema,
  reverificationResponse,
  searchQuery,
  searchResponse,
  statusBody,
} from './schema';
import { findBeneficiaries } from './search-beneficiaries';
import { DOCUMENT_KIND } from './stored-file';
import { updateBeneficiary } from './update-beneficiary';

const tags = ['beneficiaries'];

export function registerBeneficiaryRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/beneficiaries',
    {
      config: { access: 'beneficiaries.search' },
      schema: { tags, querystring: searchQuery, response: { 200: searchResponse, ...errorResponses } },
    },
    async (request) => findBeneficiaries(deps, actorOf(request), request.query),
  );

  app.post(
    '/api/beneficiaries',
    {
      config: { access: 'beneficiaries.write' },
      schema: {
        tags,
        body: createBeneficiaryInput,
        response: { 201: z.object({ id: z.uuid(), fileNumber: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createBeneficiary(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.post(
    '/api/beneficiaries/duplicates',
    {
      config: { access: 'beneficiaries.write' },
      schema: { tags, body: duplicatesBody, response: { 200: duplicatesResponse, ...errorResponses } },
    },
    async (request) => {
      const b = request.body;
      const mobile = b.mobile ? normalizeSaudiMobile(b.mobile) : null;
      return likelyDuplicates(deps, actorOf(request), {
        mobiles: mobile ? [mobile] : [],
        nameNorm: normalizeArabic(fullName(b)),
        birthYear: b.birthYear,
      });
    },
  );

  // A POST so the national ID stays out of URLs and access logs.
  app.post(
    '/api/beneficiaries/national-id-check',
    {
      config: { access: 'beneficiaries.write' },
      schema: {
        tags,
        body: z.strictObject({ nationalId: nationalIdSchema }),
        response: {
          200: z.discriminatedUnion('status', [
            z.object({ status: z.literal('new') }),
            z.object({ status: z.literal('registered_elsewhere') }),
            z.object({
              status: z.literal('exists'),
              file: z.object({
                id: z.uuid(),
                fileNumber: z.string(),
                fullName: z.string(),
                branchNameAr: z.string(),
                branchNameEn: z.string(),
              }),
            }),
          ]),
          ...errorResponses,
        },
      },
    },
    async (request) => checkNationalId(deps, actorOf(request), request.body.nationalId),
  );

  app.get(
    '/api/beneficiaries/reverification',
    {
      config: { access: 'beneficiaries.change_status' },
      schema: {
        tags,
        querystring: z.strictObject({ withinDays: z.coerce.number().int().min(0).max(365).default(30) }),
        response: { 200: reverificationResponse, ...errorResponses },
      },
    },
    async (request) => {
      const user = actorOf(request);
      const today = riyadhDate(new Date());
      const settings = await getSettings(deps.db, user.orgId);
      const rows = await listReverificationDue(
        deps.db,
        user.orgId,
        addDays(today, request.query.withinDays),
        listBranchOf(user),
        500,
      );
      return {
        items: rows.map((r) => ({
          ...presentSummary(r),
          overdue: (r.reverifyDue ?? today) < today,
          graceEndsOn: addDays(r.reverifyDue ?? today, settings.reverifyGraceDays),
        })),
      };
    },
  );

  app.get(
    '/api/beneficiaries/:id',
    {
      config: { access: 'beneficiaries.read' },
      schema: { tags, params: idParams, response: { 200: fileSchema, ...errorResponses } },
    },
    async (request) => getBeneficiaryFile(deps, actorOf(request), request.params.id, requestMeta(request)),
  );

  /** "Who is this?": the person behind a case or a contact — name, file number, mobile, preferred channel, pin. */
  app.get(
    '/api/beneficiaries/:id/card',
    {
      config: { access: 'beneficiaries.read' },
      schema: {
        tags,
        params: idParams,
        response: {
          200: z.object({
            id: z.uuid(),
            fullName: z.string(),
            fileNumber: z.string(),
            mobile: z.string(),
            mobile2: z.string().nullable(),
            preferredChannel: z.enum(['sms', 'whatsapp']).nullable(),
            location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = actorOf(request);
      const row = await loadBeneficiaryFor(deps, user, request.params.id, 'beneficiaries.read');
      return {
        id: row.id,
        fullName: fullName(row),
        fileNumber: row.fileNumber,
        mobile: row.mobile,
        mobile2: row.mobile2,
        preferredChannel: await preferredChannelOf(deps.db, user.orgId, row.mobile),
        location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
      };
    },
  );

  app.patch(
    '/api/beneficiaries/:id',
    {
      config: { access: 'beneficiaries.write' },
      schema: { tags, params: idParams, body: updateBeneficiaryInput, response: noContentResponses },
    },
    async (request, reply) => {
      await updateBeneficiary(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/beneficiaries/:id/status',
    {
      config: { access: 'beneficiaries.change_status' },
      schema: { tags, params: idParams, body: statusBody, response: noContentResponses },
    },
    async (request, reply) => {
      await changeBeneficiaryStatus(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/beneficiaries/:id/documents',
    {
      config: { access: 'beneficiaries.write' },
      schema: {
        tags,
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: documentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      authorize(user, 'beneficiaries.write');
      const part = await readUpload(request);
      const field = (name: string) => uploadField(part, name);
      const kind = field('kind') ?? 'other';
      if (!DOCUMENT_KIND.test(kind))
        throw new AppError('request.validation', [{ field: 'kind', issue: 'invalid_format' }]);
      const applicationId = field('applicationId') ?? null;
      if (applicationId !== null && !z.uuid().safeParse(applicationId).success) {
        throw new AppError('request.validation', [{ field: 'applicationId', issue: 'invalid_format' }]);
      }
      const row = await uploadDocument(
        deps,
        user,
        request.params.id,
        { kind, applicationId, fileName: part.fileName, bytes: part.bytes },
        requestMeta(request),
      );
      return reply.status(201).send({ ...row, at: row.at.toISOString() });
    },
  );

  app.get(
    '/api/documents/:id',
    { config: { access: 'beneficiaries.read' }, schema: { tags, params: idParams } },
    async (request, reply) => {
      const doc = await readDocument(deps, actorOf(request), request.params.id, requestMeta(request));
      // Always a download, never rendered in our origin; the name is percent-encoded (RFC 6266).
      return reply
        .type(doc.mime)
        .header(
          'content-disposition',
          `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(doc.name)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(doc.bytes);
    },
  );
}

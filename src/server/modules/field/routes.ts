import { z } from 'zod';
import {
  fieldAppointmentInput,
  fieldDeliveryInput,
  fieldInspectionInput,
  fieldInspectionTaskInput,
  registrationDraftInput,
} from '../../../common/domain/field';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { getDayWork } from './get-day-work';
import { recordFieldAppointment } from './record-appointment';
import { recordFieldDelivery } from './record-delivery';
import { recordFieldInspection } from './record-inspection';
import { recordFieldInspectionTask } from './record-inspection-task';
import {
  completeRegistrationDraft,
  getRegistrationDraft,
  listInspections,
  listRegistrationDrafts,
  readFieldPhoto,
  rejectRegistrationDraft,
} from './registration-drafts';
import { saveRegistrationDraft } from './save-registration-draft';

const tags = ['field'];
/** Four photos of at most 300 KB, in base64, and the form around them. */
const PHOTOS_BODY_LIMIT = 2 * 1024 * 1024;

const deliveryVersionOut = z.object({
  status: z.string(),
  scheduledDate: z.string(),
  branchId: z.uuid(),
  beneficiaryStatus: z.string(),
});

const householdOut = {
  beneficiaryId: z.uuid(),
  beneficiaryStatus: z.string(),
  beneficiaryName: z.string(),
  fileNumber: z.string(),
  mobile: z.string(),
  district: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  peopleAtHome: z.number().nullable(),
  housing: z.string().nullable(),
};

const dayWorkResponse = z.object({
  userId: z.uuid(),
  branchId: z.uuid().nullable(),
  from: z.string(),
  to: z.string(),
  days: z.array(z.string()),
  generatedAt: z.string(),
  deliveries: z.array(
    z.object({
      id: z.uuid(),
      scheduledDate: z.string(),
      status: z.string(),
      branchId: z.uuid(),
      beneficiaryId: z.uuid(),
      beneficiaryStatus: z.string(),
      beneficiaryName: z.string(),
      fileNumber: z.string(),
      mobile: z.string(),
      district: z.string(),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
      peopleAtHome: z.number().nullable(),
      housing: z.string().nullable(),
      householdMembers: z.number(),
      serviceNameAr: z.string(),
      serviceNameEn: z.string(),
      assigneeName: z.string().nullable(),
      version: deliveryVersionOut,
    }),
  ),
  appointments: z.array(
    z.object({
      id: z.uuid(),
      status: z.string(),
      purpose: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      branchId: z.uuid(),
      ...householdOut,
      version: z.object({
        status: z.string(),
        startsAt: z.string(),
        branchId: z.uuid(),
        beneficiaryStatus: z.string(),
      }),
    }),
  ),
  inspections: z.array(
    z.object({
      applicationId: z.uuid(),
      reference: z.string(),
      assignedAt: z.string(),
      branchId: z.uuid(),
      ...householdOut,
      version: z.object({ taskStatus: z.string(), branchId: z.uuid(), beneficiaryStatus: z.string() }),
    }),
  ),
});

const photosOut = z.array(z.object({ id: z.uuid(), purpose: z.string() }));

const draftOut = z.object({
  id: z.uuid(),
  branchId: z.uuid(),
  data: z.record(z.string(), z.unknown()),
  status: z.enum(['open', 'completed', 'rejected']),
  recordedAt: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  photos: photosOut,
  /** The file opened from a completed draft. */
  beneficiaryId: z.uuid().nullable(),
  rejectionReason: z.string().nullable(),
});

const draftsResponse = z.object({ items: z.array(draftOut.extend({ photoIds: z.array(z.string()) })) });

export function registerFieldRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/field/day',
    { config: { access: 'field.work' }, schema: { tags, response: { 200: dayWorkResponse, ...errorResponses } } },
    async (request) => getDayWork(deps, actorOf(request)),
  );

  app.post(
    '/api/field/deliveries/:id/outcome',
    {
      config: { access: 'field.work', idempotent: true },
      bodyLimit: PHOTOS_BODY_LIMIT,
      schema: {
        tags,
        params: idParams,
        body: fieldDeliveryInput,
        response: { 200: z.object({ status: z.string(), nextDeliveryId: z.uuid().nullable() }), ...errorResponses },
      },
    },
    async (request) =>
      recordFieldDelivery(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.post(
    '/api/field/appointments/:id/outcome',
    {
      config: { access: 'field.work', idempotent: true },
      schema: {
        tags,
        params: idParams,
        body: fieldAppointmentInput,
        response: { 200: z.object({ status: z.string() }), ...errorResponses },
      },
    },
    async (request) =>
      recordFieldAppointment(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.post(
    '/api/field/inspection-tasks/:id/result',
    {
      config: { access: 'field.work', idempotent: true },
      bodyLimit: PHOTOS_BODY_LIMIT,
      schema: {
        tags,
        params: idParams,
        body: fieldInspectionTaskInput,
        response: {
          200: z.object({ outcome: z.string(), photoDocumentId: z.uuid().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      recordFieldInspectionTask(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.post(
    '/api/field/inspections',
    {
      config: { access: 'field.work', idempotent: true },
      bodyLimit: PHOTOS_BODY_LIMIT,
      schema: { tags, body: fieldInspectionInput, response: { 201: z.object({ id: z.uuid() }), ...errorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordFieldInspection(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.post(
    '/api/field/registration-drafts',
    {
      config: { access: 'field.work', idempotent: true },
      bodyLimit: PHOTOS_BODY_LIMIT,
      schema: { tags, body: registrationDraftInput, response: { 201: z.object({ id: z.uuid() }), ...errorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await saveRegistrationDraft(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    '/api/field/registration-drafts',
    {
      config: { access: 'field.drafts' },
      schema: {
        tags,
        querystring: z.strictObject({ status: z.enum(['open', 'completed', 'rejected']).default('open') }),
        response: { 200: draftsResponse, ...errorResponses },
      },
    },
    async (request) => ({ items: await listRegistrationDrafts(deps, actorOf(request), request.query.status) }),
  );

  app.get(
    '/api/field/inspections',
    {
      config: { access: 'field.drafts' },
      schema: {
        tags,
        querystring: z.strictObject({ beneficiaryId: z.uuid().optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                beneficiaryId: z.uuid().nullable(),
                beneficiaryName: z.string().nullable(),
                fileNumber: z.string().nullable(),
                data: z.record(z.string(), z.unknown()),
                recordedAt: z.string(),
                createdByName: z.string().nullable(),
                photos: photosOut,
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await listInspections(deps, actorOf(request), request.query.beneficiaryId) }),
  );

  app.get(
    '/api/field/registration-drafts/:id',
    {
      config: { access: 'field.complete_drafts' },
      schema: { tags, params: idParams, response: { 200: draftOut, ...errorResponses } },
    },
    async (request) => getRegistrationDraft(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/field/registration-drafts/:id/complete',
    {
      config: { access: 'field.complete_drafts' },
      schema: {
        tags,
        params: idParams,
        // The file registered from the draft, when there is one (an officer may also close a draft whose
        // household was already registered).
        body: z.strictObject({ beneficiaryId: z.uuid().optional() }).optional(),
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await completeRegistrationDraft(
        deps,
        actorOf(request),
        request.params.id,
        request.body?.beneficiaryId ?? null,
        requestMeta(request),
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/field/registration-drafts/:id/reject',
    {
      config: { access: 'field.complete_drafts' },
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({ reason: z.string().trim().min(3, { message: 'field.reason_required' }).max(500) }),
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await rejectRegistrationDraft(
        deps,
        actorOf(request),
        request.params.id,
        request.body.reason,
        requestMeta(request),
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/field/photos/:id',
    { config: { access: 'field.complete_drafts' }, schema: { tags, params: idParams } },
    async (request, reply) => {
      const photo = await readFieldPhoto(deps, actorOf(request), request.params.id);
      // Shown in an <img> on the office screen; never sniffed into anything else.
      return reply
        .type(photo.mime)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(photo.bytes);
    },
  );
}

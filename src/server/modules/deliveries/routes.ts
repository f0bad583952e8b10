import { eq, gte, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { staffRefListSchema } from '../../../common/api/staff';
import {
  assignDeliveryInput,
  DELIVERY_STATUSES,
  deliveryCorrectionInput,
  deliveryOutcomeInput,
} from '../../../common/domain/committee';
import { isoDate } from '../../../common/domain/fields';
import { deliveries } from '../../db/tables/index';
import { AppError } from '../../errors';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { authorize, listBranchOf } from '../../policy';
import { fullName } from '../beneficiaries';
import { listStaffByRole } from '../users';
import { correctDelivery } from './correct-delivery';
import { getDelivery, listCorrections, listDeliveries } from './queries';
import { assignDelivery, recordDeliveryOutcome } from './record-outcome';

const tags = ['deliveries'];

const correctionResult = z.object({
  id: z.uuid(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
});
/** The history of recorded corrections (shared with the application page). */
export const correctionList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      subject: z.enum(['delivery', 'registration']),
      deliveryId: z.uuid().nullable(),
      before: z.record(z.string(), z.unknown()),
      after: z.record(z.string(), z.unknown()),
      reason: z.string(),
      correctedAt: z.string(),
      correctedByName: z.string().nullable(),
    }),
  ),
});

const listQuery = z.strictObject({
  from: isoDate().optional(),
  to: isoDate().optional(),
  /** `me` for the signed-in user's own route list. */
  assignee: z.union([z.literal('me'), z.uuid()]).optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  beneficiaryId: z.uuid().optional(),
});

export function registerDeliveryRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/deliveries',
    { config: { access: 'deliveries.read' }, schema: { tags, querystring: listQuery } },
    async (request) => {
      const user = actorOf(request);
      const q = request.query;
      // A branch representative sees their own branch's deliveries only.
      const branchId = listBranchOf(user);
      const conditions: (SQL | undefined)[] = [
        q.from ? gte(deliveries.scheduledDate, q.from) : undefined,
        q.to ? lte(deliveries.scheduledDate, q.to) : undefined,
        q.assignee ? eq(deliveries.assigneeUserId, q.assignee === 'me' ? user.id : q.assignee) : undefined,
        q.status ? eq(deliveries.status, q.status) : undefined,
        q.beneficiaryId ? eq(deliveries.beneficiaryId, q.beneficiaryId) : undefined,
        branchId ? eq(deliveries.branchId, branchId) : undefined,
      ];
      const rows = await listDeliveries(deps.db, user.orgId, conditions, 500);
      return {
        items: rows.map(({ firstName, fatherName, grandfatherName, familyName, orgId: _o, completedAt, ...r }) => ({
          ...r,
          beneficiaryName: fullName({ firstName, fatherName, grandfatherName, familyName }),
          completedAt: completedAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.get(
    '/api/deliveries/assignees',
    {
      config: { access: 'deliveries.assign' },
      schema: { tags, response: { 200: staffRefListSchema, ...errorResponses } },
    },
    async (request) => ({
      items: await listStaffByRole(deps.db, actorOf(request).orgId, ['execution_officer', 'branch_rep']),
    }),
  );

  app.patch(
    '/api/deliveries/:id',
    {
      config: { access: 'deliveries.assign' },
      schema: { tags, params: idParams, body: assignDeliveryInput, response: noContentResponses },
    },
    async (request, reply) => {
      await assignDelivery(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/deliveries/:id/outcome',
    {
      config: { access: 'deliveries.manage' },
      schema: {
        tags,
        params: idParams,
        body: deliveryOutcomeInput,
        response: { 200: z.object({ status: z.string(), nextDeliveryId: z.uuid().nullable() }), ...errorResponses },
      },
    },
    async (request) =>
      recordDeliveryOutcome(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.post(
    '/api/deliveries/:id/corrections',
    {
      config: { access: 'deliveries.correct' },
      schema: {
        tags,
        params: idParams,
        body: deliveryCorrectionInput,
        response: { 201: correctionResult, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await correctDelivery(deps, actorOf(request), request.params.id, request.body, requestMeta(request))),
  );

  app.get(
    '/api/deliveries/:id/corrections',
    {
      config: { access: 'deliveries.read' },
      schema: { tags, params: idParams, response: { 200: correctionList, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      const delivery = await getDelivery(deps.db, user.orgId, request.params.id);
      if (!delivery) throw new AppError('delivery.not_found');
      authorize(user, 'deliveries.read', { orgId: delivery.orgId, branchId: delivery.branchId });
      return { items: await listCorrections(deps.db, user.orgId, { deliveryId: delivery.id }) };
    },
  );
}

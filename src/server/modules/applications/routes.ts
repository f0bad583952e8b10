import { z } from 'zod';
import { checklistUpdateInput, createApplicationInput, transitionInput } from '../../../common/domain/application';
import { criteriaSchema } from '../../../common/domain/selection';
import { selectionCriteriaVersions } from '../../db/tables/index';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { authorize, listBranchOf } from '../../policy';
import { fullName } from '../beneficiaries';
import { createApplication } from './create-application';
import { COMMITTEE_STAGES, getApplicationDetail } from './get-application';
import { listApplicationServices, listApplications, listCriteriaVersions } from './queries';
import {
  criteriaVersionSchema,
  detailSchema,
  itemParams,
  listQuery,
  listResponse,
  QUEUES,
  transitionResponse,
} from './schema';
import { currentCriteria } from './scoring';
import { transitionApplication } from './transition-application';
import { updateChecklistItem } from './update-checklist';

const tags = ['applications'];

export function registerApplicationRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/applications',
    {
      config: { access: 'applications.read' },
      schema: { tags, querystring: listQuery, response: { 200: listResponse, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      const q = request.query;
      let stages: string[] | undefined = q.stage ? [q.stage] : q.queue ? [...QUEUES[q.queue]] : undefined;
      // The committee sees only what was raised to it.
      if (user.role === 'committee') stages = (stages ?? COMMITTEE_STAGES).filter((s) => COMMITTEE_STAGES.includes(s));
      const { rows, hasMore } = await listApplications(deps.db, user.orgId, {
        stages,
        branchId: listBranchOf(user),
        beneficiaryId: q.beneficiaryId,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const services = await listApplicationServices(
        deps.db,
        user.orgId,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          reference: r.reference,
          stage: r.stage,
          channel: r.channel,
          beneficiaryId: r.beneficiaryId,
          beneficiaryName: fullName(r),
          fileNumber: r.fileNumber,
          branchId: r.branchId,
          createdAt: r.createdAt.toISOString(),
          stageChangedAt: r.stageChangedAt.toISOString(),
          expectedDecisionDate: r.expectedDecisionDate,
          score: r.score,
          services: services.filter((s) => s.applicationId === r.id).map(({ applicationId: _a, ...s }) => s),
        })),
        page: q.page,
        pageSize: q.pageSize,
        hasMore,
      };
    },
  );

  app.post(
    '/api/applications',
    {
      config: { access: 'applications.create' },
      schema: {
        tags,
        body: createApplicationInput,
        response: { 201: z.object({ id: z.uuid(), reference: z.string(), stage: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApplication(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    '/api/applications/:id',
    {
      config: { access: 'applications.read' },
      schema: { tags, params: idParams, response: { 200: detailSchema, ...errorResponses } },
    },
    async (request) => getApplicationDetail(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/applications/:id/transitions',
    {
      config: { access: 'applications.transition' },
      schema: {
        tags,
        params: idParams,
        body: transitionInput,
        response: { 200: transitionResponse, ...errorResponses },
      },
    },
    async (request) =>
      transitionApplication(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.patch(
    '/api/applications/:id/checklist/:itemKey',
    {
      config: { access: 'applications.verify' },
      schema: { tags, params: itemParams, body: checklistUpdateInput, response: noContentResponses },
    },
    async (request, reply) => {
      await updateChecklistItem(
        deps,
        actorOf(request),
        request.params.id,
        request.params.itemKey,
        request.body,
        requestMeta(request),
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/selection-criteria',
    {
      config: { access: 'applications.read' },
      schema: {
        tags,
        response: {
          200: z.object({ current: criteriaVersionSchema, versions: z.array(criteriaVersionSchema) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = actorOf(request);
      await currentCriteria(deps.db, user.orgId);
      const versions = (await listCriteriaVersions(deps.db, user.orgId)).map((v) => ({
        id: v.id,
        version: v.version,
        criteria: v.criteria as Record<string, unknown>[],
        note: v.note,
        boardReference: v.boardReference,
        boardDate: v.boardDate,
        createdAt: v.createdAt.toISOString(),
      }));
      return { current: versions[0]!, versions };
    },
  );

  app.post(
    '/api/selection-criteria',
    {
      config: { access: 'selection.manage' },
      schema: {
        tags,
        body: z.strictObject({
          criteria: criteriaSchema,
          note: z.string().trim().max(500).optional(),
          /** The board minutes that approved this version, and their date. */
          boardReference: z.string().trim().min(2, { message: 'field.board_reference' }).max(200).optional(),
          boardDate: z.iso.date().optional(),
        }),
        response: { 201: z.object({ id: z.uuid(), version: z.number() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      authorize(user, 'selection.manage');
      const current = await currentCriteria(deps.db, user.orgId);
      // A change never edits a version: it adds the next one, and scores keep the version they used.
      const created = await deps.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(selectionCriteriaVersions)
          .values({
            orgId: user.orgId,
            version: current.version + 1,
            criteria: request.body.criteria,
            note: request.body.note ?? null,
            boardReference: request.body.boardReference ?? null,
            boardDate: request.body.boardDate ?? null,
            createdBy: user.id,
          })
          .returning({ id: selectionCriteriaVersions.id, version: selectionCriteriaVersions.version });
        await writeAudit(tx, user, requestMeta(request), {
          action: 'selection.criteria_changed',
          entityType: 'selection_criteria',
          entityId: row!.id,
          details: {
            version: row!.version,
            before: { version: current.version, criteria: current.criteria },
            after: {
              version: row!.version,
              criteria: request.body.criteria,
              boardReference: request.body.boardReference ?? null,
            },
          },
        });
        return row!;
      });
      return reply.status(201).send(created);
    },
  );
}

import { z } from 'zod';
import { staffRefListSchema } from '../../../common/api/staff';
import {
  assignCaseInput,
  caseMessageInput,
  caseTransitionInput,
  createCaseInput,
  suggestionOutcomeInput,
} from '../../../common/domain/case';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { readUpload } from '../../http/multipart';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { listBranchOf } from '../../policy';
import { getSettings } from '../settings';
import { listStaffByRole } from '../users';
import { attachFile } from './attach-file';
import {
  addCaseMessage,
  assignCase,
  createCase,
  loadCaseFor,
  recordSuggestionOutcome,
  transitionCase,
} from './manage-case';
import { listAttachments, listCases, listMessages } from './queries';
import { readAttachment } from './read-attachment';
import { caseSummary, inboxQuery } from './schema';
import { slaState } from './sla';

const tags = ['cases'];
const iso = (d: Date | null) => d?.toISOString() ?? null;

export function registerCaseRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/cases',
    {
      config: { access: 'cases.read' },
      schema: {
        tags,
        querystring: inboxQuery,
        response: { 200: z.object({ items: z.array(caseSummary), hasMore: z.boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      const user = actorOf(request);
      const q = request.query;
      const settings = await getSettings(deps.db, user.orgId);
      const now = new Date();
      const { rows, hasMore } = await listCases(deps.db, user.orgId, {
        kind: q.kind,
        channel: q.channel,
        status: q.status,
        sla: q.sla,
        ownerUserId: q.owner === 'me' ? user.id : q.owner,
        branchId: listBranchOf(user),
        now,
        atRiskShare: settings.slaAtRiskShare,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return {
        items: rows.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          firstResponseAt: iso(r.firstResponseAt),
          firstResponseDueAt: r.firstResponseDueAt.toISOString(),
          resolutionDueAt: r.resolutionDueAt.toISOString(),
          resolvedAt: iso(r.resolvedAt),
          escalatedAt: iso(r.escalatedAt),
          sla: slaState(r, now, settings.slaAtRiskShare),
        })),
        hasMore,
      };
    },
  );

  app.post(
    '/api/cases',
    {
      config: { access: 'cases.create' },
      schema: {
        tags,
        body: createCaseInput,
        response: { 201: z.object({ id: z.uuid(), reference: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      return reply.status(201).send(await createCase(deps, user, user.orgId, request.body, requestMeta(request)));
    },
  );

  app.get(
    '/api/cases/:id',
    { config: { access: 'cases.read' }, schema: { tags, params: idParams } },
    async (request) => {
      const user = actorOf(request);
      const c = await loadCaseFor(deps, user, request.params.id, 'cases.read');
      const settings = await getSettings(deps.db, user.orgId);
      const [messages, attachments] = await Promise.all([
        listMessages(deps.db, user.orgId, c.id, true),
        listAttachments(deps.db, user.orgId, c.id),
      ]);
      const { createdBy: _createdBy, orgId: _orgId, followKeyHash: _followKeyHash, ...rest } = c;
      const owner = c.ownerUserId
        ? (await listStaffByRole(deps.db, user.orgId, ['officer', 'execution_officer', 'branch_rep', 'manager'])).find(
            (u) => u.id === c.ownerUserId,
          )
        : undefined;
      return {
        ...rest,
        createdAt: c.createdAt.toISOString(),
        firstResponseDueAt: c.firstResponseDueAt.toISOString(),
        resolutionDueAt: c.resolutionDueAt.toISOString(),
        firstResponseAt: iso(c.firstResponseAt),
        pausedAt: iso(c.pausedAt),
        resolvedAt: iso(c.resolvedAt),
        closedAt: iso(c.closedAt),
        escalatedAt: iso(c.escalatedAt),
        outcomeAt: iso(c.outcomeAt),
        sla: slaState(c, new Date(), settings.slaAtRiskShare),
        ownerName: owner?.displayName ?? null,
        messages: messages.map((m) => ({ ...m, at: m.at.toISOString() })),
        attachments: attachments.map((a) => ({ ...a, at: a.at.toISOString() })),
      };
    },
  );

  app.get(
    '/api/cases/owners',
    { config: { access: 'cases.work' }, schema: { tags, response: { 200: staffRefListSchema, ...errorResponses } } },
    async (request) => ({
      items: await listStaffByRole(deps.db, actorOf(request).orgId, ['officer', 'execution_officer', 'branch_rep']),
    }),
  );

  app.post(
    '/api/cases/:id/transitions',
    {
      config: { access: 'cases.work' },
      schema: {
        tags,
        params: idParams,
        body: caseTransitionInput,
        response: { 200: z.object({ id: z.uuid(), status: z.string() }), ...errorResponses },
      },
    },
    async (request) => transitionCase(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.post(
    '/api/cases/:id/messages',
    {
      config: { access: 'cases.work' },
      schema: { tags, params: idParams, body: caseMessageInput, response: noContentResponses },
    },
    async (request, reply) => {
      await addCaseMessage(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/cases/:id/outcome',
    {
      config: { access: 'cases.outcome' },
      schema: { tags, params: idParams, body: suggestionOutcomeInput, response: noContentResponses },
    },
    async (request, reply) => {
      await recordSuggestionOutcome(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.patch(
    '/api/cases/:id',
    {
      config: { access: 'cases.work' },
      schema: { tags, params: idParams, body: assignCaseInput, response: noContentResponses },
    },
    async (request, reply) => {
      await assignCase(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/cases/:id/attachments',
    {
      config: { access: 'cases.work' },
      schema: {
        tags,
        params: idParams,
        consumes: ['multipart/form-data'],
        response: {
          201: z.object({ id: z.uuid(), originalName: z.string(), mime: z.string(), size: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const part = await readUpload(request);
      const row = await attachFile(
        deps,
        actorOf(request),
        request.params.id,
        { fileName: part.fileName, bytes: part.bytes },
        requestMeta(request),
      );
      return reply.status(201).send(row);
    },
  );

  app.get(
    '/api/case-attachments/:id',
    { config: { access: 'cases.read' }, schema: { tags, params: idParams } },
    async (request, reply) => {
      const file = await readAttachment(deps, actorOf(request), request.params.id);
      return reply
        .type(file.mime)
        .header(
          'content-disposition',
          `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(file.bytes);
    },
  );
}

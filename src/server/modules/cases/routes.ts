import {
  caseDetailSchema,
  caseListSchema,
  caseStatusSchema,
  createdCaseSchema,
  inboxQuery,
  newAttachmentSchema,
} from '../../../common/api/cases';
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
import { addCaseMessage } from './add-case-message';
import { assignCase } from './assign-case';
import { attachFile } from './attach-file';
import { createCase } from './create-case';
import { getCaseDetail } from './get-case';
import { listCaseOwners } from './list-case-owners';
import { listCaseInbox } from './list-cases';
import { readAttachment } from './read-attachment';
import { recordSuggestionOutcome } from './record-suggestion-outcome';
import { transitionCase } from './transition-case';

const tags = ['cases'];

export function registerCaseRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/cases',
    {
      config: { access: 'cases.read' },
      schema: {
        tags,
        querystring: inboxQuery,
        response: { 200: caseListSchema, ...errorResponses },
      },
    },
    async (request) => listCaseInbox(deps, actorOf(request), request.query),
  );

  app.post(
    '/api/cases',
    {
      config: { access: 'cases.create' },
      schema: {
        tags,
        body: createCaseInput,
        response: { 201: createdCaseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      return reply.status(201).send(await createCase(deps, user, user.orgId, request.body, requestMeta(request)));
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: { access: 'cases.read' },
      schema: { tags, params: idParams, response: { 200: caseDetailSchema, ...errorResponses } },
    },
    async (request) => getCaseDetail(deps, actorOf(request), request.params.id),
  );

  app.get(
    '/api/cases/owners',
    { config: { access: 'cases.work' }, schema: { tags, response: { 200: staffRefListSchema, ...errorResponses } } },
    async (request) => listCaseOwners(deps, actorOf(request)),
  );

  app.post(
    '/api/cases/:id/transitions',
    {
      config: { access: 'cases.work' },
      schema: {
        tags,
        params: idParams,
        body: caseTransitionInput,
        response: { 200: caseStatusSchema, ...errorResponses },
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
          201: newAttachmentSchema,
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

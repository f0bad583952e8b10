import {
  acknowledgementStatusSchema,
  cannedAnswerListSchema,
  cannedAnswersQuery,
  createdVersionSchema,
  knowledgeDocumentSchema,
  knowledgeSearchQuery,
  knowledgeSearchSchema,
  pendingAcknowledgementListSchema,
  remindedSchema,
} from '../../../common/api/knowledge';
import { createKnowledgeInput, newVersionInput, updateKnowledgeInput } from '../../../common/domain/knowledge';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { acknowledgeVersion } from './acknowledge-version';
import { acknowledgementStatus } from './acknowledgement-status';
import { addKnowledgeVersion } from './add-version';
import { createKnowledgeDocument } from './create-document';
import { getKnowledgeDocument } from './get-document';
import { pendingAcknowledgements } from './pending-acknowledgements';
import { remindToAcknowledge } from './remind-acknowledgement';
import { listCannedAnswers, listKnowledge } from './search-knowledge';
import { updateKnowledgeDocument } from './update-document';

const tags = ['knowledge'];

export function registerKnowledgeRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/knowledge',
    {
      config: { access: 'knowledge.read' },
      schema: {
        tags,
        querystring: knowledgeSearchQuery,
        response: { 200: knowledgeSearchSchema, ...errorResponses },
      },
    },
    async (request) => listKnowledge(deps, actorOf(request), request.query),
  );

  /** Canned answers for replies: FAQs and answers in force, searched the same way. */
  app.get(
    '/api/knowledge/answers',
    {
      config: { access: 'knowledge.read' },
      schema: {
        tags,
        querystring: cannedAnswersQuery,
        response: { 200: cannedAnswerListSchema, ...errorResponses },
      },
    },
    async (request) => listCannedAnswers(deps, actorOf(request), request.query.q),
  );

  app.post(
    '/api/knowledge',
    {
      config: { access: 'knowledge.manage' },
      schema: {
        tags,
        body: createKnowledgeInput,
        response: { 201: createdVersionSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createKnowledgeDocument(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    '/api/knowledge/acknowledgements/pending',
    {
      config: { access: 'knowledge.read' },
      schema: { tags, response: { 200: pendingAcknowledgementListSchema, ...errorResponses } },
    },
    async (request) => pendingAcknowledgements(deps, actorOf(request)),
  );

  app.post(
    '/api/knowledge/versions/:id/acknowledge',
    { config: { access: 'knowledge.read' }, schema: { tags, params: idParams, response: noContentResponses } },
    async (request, reply) => {
      await acknowledgeVersion(deps, actorOf(request), request.params.id, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/knowledge/:id',
    {
      config: { access: 'knowledge.read' },
      schema: { tags, params: idParams, response: { 200: knowledgeDocumentSchema, ...errorResponses } },
    },
    async (request) => getKnowledgeDocument(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/knowledge/:id/versions',
    {
      config: { access: 'knowledge.manage' },
      schema: {
        tags,
        params: idParams,
        body: newVersionInput,
        response: { 201: createdVersionSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addKnowledgeVersion(deps, actorOf(request), request.params.id, request.body, requestMeta(request))),
  );

  app.patch(
    '/api/knowledge/:id',
    {
      config: { access: 'knowledge.manage' },
      schema: { tags, params: idParams, body: updateKnowledgeInput, response: noContentResponses },
    },
    async (request, reply) => {
      await updateKnowledgeDocument(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  // Who has read the version in force of each of the four tools, and reminders to those who have not.
  app.get(
    '/api/knowledge/:id/acknowledgements',
    {
      config: { access: 'knowledge.manage' },
      schema: { tags, params: idParams, response: { 200: acknowledgementStatusSchema, ...errorResponses } },
    },
    async (request) => acknowledgementStatus(deps.db, actorOf(request).orgId, request.params.id),
  );

  app.post(
    '/api/knowledge/:id/acknowledgements/remind',
    {
      config: { access: 'knowledge.manage' },
      schema: {
        tags,
        params: idParams,
        response: { 200: remindedSchema, ...errorResponses },
      },
    },
    async (request) => remindToAcknowledge(deps, actorOf(request), request.params.id, requestMeta(request)),
  );
}

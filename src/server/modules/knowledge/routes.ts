import { z } from 'zod';
import {
  createKnowledgeInput,
  KNOWLEDGE_KINDS,
  newVersionInput,
  updateKnowledgeInput,
} from '../../../common/domain/knowledge';
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

const statusSchema = z.object({
  versionId: z.uuid().nullable(),
  version: z.number().nullable(),
  /** Only the four tools are acknowledged; FAQs and canned answers are not. */
  needsAcknowledgement: z.boolean(),
  staff: z.array(
    z.object({
      userId: z.uuid(),
      displayName: z.string(),
      role: z.string(),
      acknowledgedAt: z.string().nullable(),
      /** When a reminder task was created and is still open. */
      remindedAt: z.string().nullable(),
    }),
  ),
  acknowledged: z.number(),
  pending: z.number(),
});

export function registerKnowledgeRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/knowledge',
    {
      config: { access: 'knowledge.read' },
      schema: {
        tags,
        querystring: z.strictObject({ q: z.string().max(200).optional(), kind: z.enum(KNOWLEDGE_KINDS).optional() }),
      },
    },
    async (request) => listKnowledge(deps, actorOf(request), request.query),
  );

  /** Canned answers for replies: FAQs and answers in force, searched the same way. */
  app.get(
    '/api/knowledge/answers',
    {
      config: { access: 'knowledge.read' },
      schema: { tags, querystring: z.strictObject({ q: z.string().max(200).optional() }) },
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
        response: { 201: z.object({ id: z.uuid(), version: z.number() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createKnowledgeDocument(deps, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    '/api/knowledge/acknowledgements/pending',
    { config: { access: 'knowledge.read' }, schema: { tags } },
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
    { config: { access: 'knowledge.read' }, schema: { tags, params: idParams } },
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
        response: { 201: z.object({ id: z.uuid(), version: z.number() }), ...errorResponses },
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
      schema: { tags, params: idParams, response: { 200: statusSchema, ...errorResponses } },
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
        response: { 200: statusSchema.extend({ reminded: z.number() }), ...errorResponses },
      },
    },
    async (request) => remindToAcknowledge(deps, actorOf(request), request.params.id, requestMeta(request)),
  );
}

import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { riyadhDate } from '../../../common/dates';
import {
  createKnowledgeInput,
  KNOWLEDGE_KINDS,
  newVersionInput,
  updateKnowledgeInput,
} from '../../../common/domain/knowledge';
import { knowledgeAcknowledgements, knowledgeDocuments, users } from '../../db/tables/index';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { can } from '../../policy';
import {
  acknowledgeVersion,
  addKnowledgeVersion,
  createKnowledgeDocument,
  effectiveVersion,
  getDocument,
  listVersions,
  pendingAcknowledgements,
  searchKnowledge,
} from './knowledge';

const tags = ['knowledge'];
const excerpt = (s: string) => (s.length > 400 ? `${s.slice(0, 400)}…` : s);

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
    async (request) => {
      const user = actorOf(request);
      const rows = await searchKnowledge(deps.db, user.orgId, {
        q: request.query.q,
        kinds: request.query.kind ? [request.query.kind] : undefined,
        today: riyadhDate(new Date()),
      });
      return { items: rows.map((r) => ({ ...r, excerpt: excerpt(r.bodyAr), bodyAr: undefined })) };
    },
  );

  /** Canned answers for replies: FAQs and answers in force, searched the same way. */
  app.get(
    '/api/knowledge/answers',
    {
      config: { access: 'knowledge.read' },
      schema: { tags, querystring: z.strictObject({ q: z.string().max(200).optional() }) },
    },
    async (request) => {
      const rows = await searchKnowledge(deps.db, actorOf(request).orgId, {
        q: request.query.q,
        kinds: ['faq', 'answer'],
        today: riyadhDate(new Date()),
      });
      return { items: rows.map((r) => ({ id: r.id, kind: r.kind, titleAr: r.titleAr, bodyAr: r.bodyAr })) };
    },
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
    async (request) => ({
      items: (await pendingAcknowledgements(deps.db, actorOf(request))).map((r) => ({
        documentId: r.id,
        versionId: r.versionId,
        kind: r.kind,
        titleAr: r.titleAr,
        version: r.version,
        effectiveFrom: r.effectiveFrom,
        approvalRef: r.approvalRef,
      })),
    }),
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
    async (request) => {
      const user = actorOf(request);
      const doc = await getDocument(deps.db, user.orgId, request.params.id);
      const versions = await listVersions(deps.db, doc.id);
      const current = effectiveVersion(versions, riyadhDate(new Date()));
      // Who has read the version in force: for those who manage the documents.
      const acknowledgements =
        current && can(user, 'knowledge.manage')
          ? (
              await deps.db
                .select({
                  userId: knowledgeAcknowledgements.userId,
                  displayName: users.displayName,
                  at: knowledgeAcknowledgements.at,
                })
                .from(knowledgeAcknowledgements)
                .innerJoin(
                  users,
                  and(eq(users.orgId, knowledgeAcknowledgements.orgId), eq(users.id, knowledgeAcknowledgements.userId)),
                )
                .where(eq(knowledgeAcknowledgements.versionId, current.id))
            ).map((a) => ({ ...a, at: a.at.toISOString() }))
          : null;
      return {
        ...doc,
        createdAt: doc.createdAt.toISOString(),
        currentVersionId: current?.id ?? null,
        versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
        acknowledgements,
      };
    },
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
      const user = actorOf(request);
      await getDocument(deps.db, user.orgId, request.params.id);
      await deps.db.transaction(async (tx) => {
        await tx.update(knowledgeDocuments).set(request.body).where(eq(knowledgeDocuments.id, request.params.id));
        await writeAudit(tx, user, requestMeta(request), {
          action: 'knowledge.updated',
          entityType: 'knowledge',
          entityId: request.params.id,
          details: request.body,
        });
      });
      return reply.status(204).send();
    },
  );
}

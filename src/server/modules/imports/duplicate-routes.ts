import { z } from 'zod';
import { duplicateRulesSchema } from '../../../common/domain/duplicates';
import { AppError } from '../../errors';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams, noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { mergeChoiceSchema, mergeFiles, undoMerge } from '../beneficiaries';
import { previewDuplicateRules, readDuplicateRules, saveDuplicateRules } from './duplicate-rules';
import {
  decidePair,
  decisionBody,
  getPair,
  listPairs,
  PAIR_STATUSES,
  pairDetailSchema,
  pairSchema,
  previewThreshold,
  runSweep,
} from './duplicates';

const tags = ['duplicates'];

const mergeBody = z.strictObject({
  /** Which file of the pair is kept; the other is merged into it. */
  keep: z.enum(['a', 'b']),
  fields: mergeChoiceSchema.default({}),
});
const mergeResponse = z.object({
  mergeId: z.uuid(),
  keptId: z.uuid(),
  mergedId: z.uuid(),
  moved: z.record(z.string(), z.number()),
});

const rulesResponse = z.object({ rules: duplicateRulesSchema, defaults: duplicateRulesSchema });

export function registerDuplicateRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/duplicate-rules',
    {
      config: { access: 'duplicates.rules' },
      schema: { tags, response: { 200: rulesResponse, ...errorResponses } },
    },
    async (request) => readDuplicateRules(deps, actorOf(request)),
  );

  app.patch(
    '/api/duplicate-rules',
    {
      config: { access: 'duplicates.rules' },
      schema: { tags, body: duplicateRulesSchema, response: { 200: rulesResponse, ...errorResponses } },
    },
    async (request) => saveDuplicateRules(deps, actorOf(request), request.body, requestMeta(request)),
  );

  app.post(
    '/api/duplicate-rules/preview',
    {
      config: { access: 'duplicates.rules' },
      schema: {
        tags,
        body: duplicateRulesSchema,
        response: { 200: z.object({ pairs: z.number() }), ...errorResponses },
      },
    },
    async (request) => previewDuplicateRules(deps, actorOf(request), request.body),
  );

  app.get(
    '/api/duplicates',
    {
      config: { access: 'duplicates.manage' },
      schema: {
        tags,
        querystring: z.strictObject({ status: z.enum(PAIR_STATUSES).default('open') }),
        response: { 200: z.object({ items: z.array(pairSchema) }), ...errorResponses },
      },
    },
    async (request) => listPairs(deps, actorOf(request), request.query.status),
  );

  app.get(
    '/api/duplicates/threshold-preview',
    {
      config: { access: 'duplicates.manage' },
      schema: {
        tags,
        querystring: z.strictObject({ threshold: z.coerce.number().int().min(1).max(100) }),
        response: {
          200: z.object({ threshold: z.number(), pairs: z.number(), defaultThreshold: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => previewThreshold(deps, actorOf(request), request.query.threshold),
  );

  app.post(
    '/api/duplicates/sweep',
    {
      config: { access: 'duplicates.manage' },
      schema: { tags, response: { 200: z.object({ found: z.number(), added: z.number() }), ...errorResponses } },
    },
    async (request) => runSweep(deps, actorOf(request), requestMeta(request)),
  );

  app.get(
    '/api/duplicates/:id',
    {
      config: { access: 'duplicates.manage' },
      schema: { tags, params: idParams, response: { 200: pairDetailSchema, ...errorResponses } },
    },
    async (request) => getPair(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/duplicates/:id/decision',
    {
      config: { access: 'duplicates.manage' },
      schema: { tags, params: idParams, body: decisionBody, response: noContentResponses },
    },
    async (request, reply) => {
      await decidePair(deps, actorOf(request), request.params.id, request.body.decision, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/duplicates/:id/merge',
    {
      config: { access: 'duplicates.manage' },
      schema: { tags, params: idParams, body: mergeBody, response: { 200: mergeResponse, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      const { pair } = await getPair(deps, user, request.params.id);
      if (pair.status === 'merged' || pair.status === 'not_same') throw new AppError('duplicates.pair_decided');
      const [kept, merged] = request.body.keep === 'a' ? [pair.a, pair.b] : [pair.b, pair.a];
      return mergeFiles(
        deps,
        user,
        { keptId: kept.id, mergedId: merged.id, pairId: pair.id, fields: request.body.fields },
        requestMeta(request),
      );
    },
  );

  app.post(
    '/api/merges/:id/undo',
    {
      config: { access: 'duplicates.manage' },
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ keptId: z.uuid(), mergedId: z.uuid() }), ...errorResponses },
      },
    },
    async (request) => undoMerge(deps, actorOf(request), request.params.id, requestMeta(request)),
  );
}

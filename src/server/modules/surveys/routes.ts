import { z } from 'zod';
import { QUESTION_KINDS } from '../../../common/domain/survey';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { noContentResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { answerSurvey } from './answer-survey';
import { surveyForToken } from './open-survey';
import { questionsFor } from './questions';
import { updateQuestions } from './update-questions';

const tags = ['surveys'];
const tokenParams = z.strictObject({ token: z.string().min(10).max(64) });
const limit = (max: number) => ({ rateLimit: { max, timeWindow: '10 minutes' } });

export function registerSurveyRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/portal/surveys/:token',
    { config: { access: 'public', ...limit(60) }, schema: { tags, params: tokenParams } },
    async (request) => surveyForToken(deps.db, request.params.token),
  );

  app.post(
    '/api/portal/surveys/:token',
    {
      config: { access: 'public', ...limit(30) },
      schema: {
        tags,
        params: tokenParams,
        body: z.strictObject({
          answers: z.record(z.string().max(40), z.union([z.string().max(2000), z.number(), z.boolean()])),
          anonymous: z.boolean(),
        }),
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await answerSurvey(deps.db, request.params.token, request.body);
      return reply.status(204).send();
    },
  );

  app.get('/api/surveys/questions', { config: { access: 'surveys.manage' }, schema: { tags } }, async (request) => ({
    items: await questionsFor(deps.db, actorOf(request).orgId),
  }));

  app.put(
    '/api/surveys/questions',
    {
      config: { access: 'surveys.manage' },
      schema: {
        tags,
        body: z.strictObject({
          items: z
            .array(
              z.strictObject({
                key: z.string().regex(/^[a-z0-9_]{2,40}$/, { message: 'field.key' }),
                kind: z.enum(QUESTION_KINDS),
                labelAr: z.string().trim().min(3).max(300),
                labelEn: z.string().trim().max(300).default(''),
                required: z.boolean(),
              }),
            )
            .min(1)
            .max(10)
            .refine((items) => items.filter((q) => q.kind === 'rating').length === 1, { message: 'field.one_rating' }),
        }),
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await updateQuestions(deps, actorOf(request), request.body.items, requestMeta(request));
      return reply.status(204).send();
    },
  );
}

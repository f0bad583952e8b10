import { z } from 'zod';
import {
  answerSurveyInput,
  surveyForLinkSchema,
  surveyQuestionListSchema,
  updateQuestionsInput,
} from '../../../common/api/surveys';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, noContentResponses } from '../../http/schemas';
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
    {
      config: { access: 'public', ...limit(60) },
      schema: { tags, params: tokenParams, response: { 200: surveyForLinkSchema, ...errorResponses } },
    },
    async (request) => surveyForToken(deps.db, request.params.token),
  );

  app.post(
    '/api/portal/surveys/:token',
    {
      config: { access: 'public', ...limit(30) },
      schema: {
        tags,
        params: tokenParams,
        body: answerSurveyInput,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await answerSurvey(deps.db, request.params.token, request.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/surveys/questions',
    {
      config: { access: 'surveys.manage' },
      schema: { tags, response: { 200: surveyQuestionListSchema, ...errorResponses } },
    },
    async (request) => ({ items: await questionsFor(deps.db, actorOf(request).orgId) }),
  );

  app.put(
    '/api/surveys/questions',
    {
      config: { access: 'surveys.manage' },
      schema: {
        tags,
        body: updateQuestionsInput,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await updateQuestions(deps, actorOf(request), request.body.items, requestMeta(request));
      return reply.status(204).send();
    },
  );
}

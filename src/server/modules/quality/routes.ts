import { z } from 'zod';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses } from '../../http/schemas';
import { dataQualityList, dataQualitySummary, qualityListSchema, qualitySummarySchema } from './data-quality';
import { QUALITY_CHECKS } from './queries';

const tags = ['quality'];

export function registerQualityRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/data-quality',
    {
      config: { access: 'quality.read' },
      schema: { tags, response: { 200: qualitySummarySchema, ...errorResponses } },
    },
    async (request) => dataQualitySummary(deps, actorOf(request)),
  );

  app.get(
    '/api/data-quality/:check',
    {
      config: { access: 'quality.read' },
      schema: {
        tags,
        params: z.strictObject({ check: z.enum(QUALITY_CHECKS) }),
        querystring: z.strictObject({ page: z.coerce.number().int().min(1).max(10_000).default(1) }),
        response: { 200: qualityListSchema, ...errorResponses },
      },
    },
    async (request) => dataQualityList(deps, actorOf(request), request.params.check, request.query.page),
  );
}

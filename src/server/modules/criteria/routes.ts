import { z } from 'zod';
import { criteriaSchema } from '../../../common/domain/selection';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses } from '../../http/schemas';
import { currentCriteria } from '../applications';
import { previewCriteria } from './preview-criteria';
import { criteriaVersions } from './queries';

const tags = ['selection'];

export const criteriaPreviewSchema = z.object({
  currentVersion: z.number(),
  total: z.number(),
  /** True when more applications wait than the preview ranks. */
  limited: z.boolean(),
  /** How many applications would change place. */
  moved: z.number(),
  items: z.array(
    z.object({
      applicationId: z.uuid(),
      reference: z.string(),
      fileNumber: z.string(),
      district: z.string(),
      stage: z.string(),
      scoreBefore: z.number(),
      scoreAfter: z.number(),
      rankBefore: z.number(),
      rankAfter: z.number(),
    }),
  ),
});

const versionSchema = z.object({
  id: z.uuid(),
  version: z.number(),
  criteria: z.array(z.record(z.string(), z.unknown())),
  note: z.string().nullable(),
  boardReference: z.string().nullable(),
  boardDate: z.string().nullable(),
  createdAt: z.string(),
});

export function registerCriteriaRoutes(app: App, deps: Deps): void {
  // The versions for the set-up screen: the admin edits them without reading applications.
  app.get(
    '/api/selection-criteria/versions',
    {
      config: { access: 'setup.read' },
      schema: { tags, response: { 200: z.object({ items: z.array(versionSchema) }), ...errorResponses } },
    },
    async (request) => {
      const orgId = actorOf(request).orgId;
      await currentCriteria(deps.db, orgId);
      const rows = await criteriaVersions(deps.db, orgId);
      return {
        items: rows.map((v) => ({
          ...v,
          criteria: v.criteria as Record<string, unknown>[],
          createdAt: v.createdAt.toISOString(),
        })),
      };
    },
  );

  // A dry run: nothing is written, so the manager may look too.
  app.post(
    '/api/selection-criteria/preview',
    {
      config: { access: 'setup.read' },
      schema: {
        tags,
        body: z.strictObject({ criteria: criteriaSchema }),
        response: { 200: criteriaPreviewSchema, ...errorResponses },
      },
    },
    async (request) => previewCriteria(deps, actorOf(request).orgId, request.body.criteria),
  );
}

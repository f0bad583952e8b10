import { organizationSettingsPatch, organizationSettingsSchema } from '../../../common/domain/settings';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { beforeAfter } from '../audit/diff';
import { getSettings, saveSettings } from './queries';

const tags = ['settings'];

export function registerSettingsRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/settings',
    {
      config: { access: 'settings.read' },
      schema: { tags, response: { 200: organizationSettingsSchema, ...errorResponses } },
    },
    async (request) => getSettings(deps.db, actorOf(request).orgId),
  );

  app.patch(
    '/api/settings',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        body: organizationSettingsPatch,
        response: { 200: organizationSettingsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = actorOf(request);
      return deps.db.transaction(async (tx) => {
        const current = await getSettings(tx, user.orgId);
        const next = { ...current, ...request.body };
        // The working day must have working time, or SLA clocks could never run.
        if (next.workStartMinute >= next.workEndMinute) {
          throw new AppError('request.validation', [{ field: 'workEndMinute', issue: 'too_small', message: '' }]);
        }
        await saveSettings(tx, user.orgId, next);
        await writeAudit(tx, user, requestMeta(request), {
          action: 'settings.updated',
          entityType: 'organization',
          entityId: user.orgId,
          details: { fields: Object.keys(request.body), ...beforeAfter(current, request.body) },
        });
        return next;
      });
    },
  );
}

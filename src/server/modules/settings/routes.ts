import { riyadhDate } from '../../../common/dates';
import { holidayDays, organizationSettingsPatch, organizationSettingsSchema } from '../../../common/domain/settings';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { pickLang, translate } from '../../http/i18n';
import { errorResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { beforeAfter } from '../audit';
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
        const before = await getSettings(tx, user.orgId);
        const next = { ...before, ...request.body };
        // Named holiday ranges are what the admin edits; the SLA clocks read their days.
        if (request.body.holidayRanges) next.publicHolidays = holidayDays(request.body.holidayRanges);
        if (next.publicHolidays.length > 400) {
          throw new AppError('request.validation', [{ field: 'holidayRanges', issue: 'too_big', message: '' }]);
        }
        // The working day must have working time, or SLA clocks could never run.
        if (next.workStartMinute >= next.workEndMinute) {
          throw new AppError('request.validation', [{ field: 'workEndMinute', issue: 'too_small', message: '' }]);
        }
        // The board approved the policy on a day that has come; a future date would cite a meeting not yet held.
        if (request.body.boardApprovalDate && request.body.boardApprovalDate > riyadhDate(new Date())) {
          const lang = pickLang(request.headers['accept-language']);
          throw new AppError('request.validation', [
            {
              field: 'boardApprovalDate',
              issue: 'field.board_approval.future',
              message: translate(lang, 'field.board_approval.future'),
            },
          ]);
        }
        await saveSettings(tx, user.orgId, next);
        await writeAudit(tx, user, requestMeta(request), {
          action: 'settings.updated',
          entityType: 'organization',
          entityId: user.orgId,
          // Old and new values of what changed, for the audit screen (the convention for every change).
          details: { fields: Object.keys(request.body), ...beforeAfter(before, next) },
        });
        return next;
      });
    },
  );
}

import type { z } from 'zod';
import { riyadhDate } from '../../../common/dates';
import type { Deps } from '../../http/context';
import { getSettings } from '../settings';
import { setupFacts } from './queries';
import type { setupChecklistSchema, setupStepSchema } from './schema';

type Step = z.infer<typeof setupStepSchema>;

/**
 * The first-run checklist (قائمة الإعداد الأولي): each step's state is read from the data itself, so it is never
 * out of date; only the two steps with nothing to count (texts reviewed, calendar reviewed) are confirmed by hand.
 */
export async function setupChecklist(deps: Deps, orgId: string): Promise<z.infer<typeof setupChecklistSchema>> {
  const [facts, settings] = await Promise.all([setupFacts(deps.db, orgId), getSettings(deps.db, orgId)]);
  const today = riyadhDate(new Date());
  const active = facts.branches.filter((b) => b.active);
  const withoutAreas = active.filter((b) => b.areas.length === 0).length;
  const upcomingHolidays = settings.holidayRanges.filter((r) => r.to >= today).length;
  const notify = deps.config.notify;
  const providers = { sms: Boolean(notify.sms), whatsapp: Boolean(notify.whatsapp), email: Boolean(notify.smtp) };
  const confirmed = new Set(settings.setupConfirmed);

  const steps: Step[] = [
    {
      key: 'organisation',
      done: facts.hasLogo && settings.letterheadAr.trim().length > 0,
      facts: { hasLogo: facts.hasLogo, hasLetterhead: settings.letterheadAr.trim().length > 0 },
      href: '/admin/organisation',
      confirmable: false,
    },
    {
      key: 'branches',
      done: active.length > 0 && withoutAreas === 0,
      facts: { branches: active.length, withoutAreas },
      href: '/admin/branches',
      confirmable: false,
    },
    {
      key: 'calendar',
      done: confirmed.has('calendar') || upcomingHolidays > 0,
      facts: { upcomingHolidays, workDays: settings.workDays.length, confirmed: confirmed.has('calendar') },
      href: '/admin/settings',
      confirmable: true,
    },
    {
      key: 'services',
      done: facts.activeServices > 0,
      facts: { services: facts.activeServices },
      href: '/admin/services',
      confirmable: false,
    },
    {
      key: 'criteria',
      done: Boolean(facts.criteria?.boardReference),
      facts: { version: facts.criteria?.version ?? null, boardReference: facts.criteria?.boardReference ?? null },
      href: '/admin/criteria',
      confirmable: false,
    },
    {
      key: 'texts',
      done: confirmed.has('texts'),
      facts: { privacyNoticeVersion: settings.privacyNoticeVersion, confirmed: confirmed.has('texts') },
      href: '/admin/organisation?tab=texts',
      confirmable: true,
    },
    {
      key: 'providers',
      done: notify.mode === 'live' && (providers.sms || providers.whatsapp || providers.email),
      facts: { mode: notify.mode, ...providers },
      href: '/admin/outbox',
      confirmable: false,
    },
    {
      key: 'users',
      done: facts.activeStaff > 0,
      facts: { staff: facts.activeStaff },
      href: '/users',
      confirmable: false,
    },
  ];
  const done = steps.filter((s) => s.done).length;
  return { steps, done, total: steps.length, complete: done === steps.length };
}

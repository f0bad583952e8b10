import { type CaseKind, type CasePriority, PRIORITY_FACTOR } from '../../../common/domain/case';
import type { OrganizationSettings } from '../../../common/domain/settings';
import type { WorkCalendar } from '../../../common/domain/sla';

export function calendarOf(settings: OrganizationSettings): WorkCalendar {
  return {
    workDays: settings.workDays,
    startMinute: settings.workStartMinute,
    endMinute: settings.workEndMinute,
    holidays: settings.publicHolidays,
  };
}

/** Working minutes allowed for the first response and the resolution of a case of this kind and priority. */
export function slaMinutes(settings: OrganizationSettings, kind: CaseKind, priority: CasePriority) {
  const target = settings.slaTargets[kind];
  const factor = PRIORITY_FACTOR[priority];
  return {
    firstResponse: Math.round(target.firstResponseHours * 60 * factor),
    resolution: Math.round(target.resolutionHours * 60 * factor),
  };
}

export type SlaState = 'ok' | 'at_risk' | 'breached' | 'met' | 'paused';

/** Where a case stands against its resolution target now. */
export function slaState(
  c: { status: string; resolutionDueAt: Date; resolvedAt: Date | null; createdAt: Date; pausedAt: Date | null },
  now: Date,
  atRiskShare: number,
): SlaState {
  if (c.status === 'resolved' || c.status === 'closed')
    return c.resolvedAt && c.resolvedAt <= c.resolutionDueAt ? 'met' : 'breached';
  if (c.pausedAt) return 'paused';
  if (now > c.resolutionDueAt) return 'breached';
  const total = c.resolutionDueAt.getTime() - c.createdAt.getTime();
  const left = c.resolutionDueAt.getTime() - now.getTime();
  return left < total * atRiskShare ? 'at_risk' : 'ok';
}

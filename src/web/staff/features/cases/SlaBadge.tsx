import { useTranslation } from 'react-i18next';
import { workingMinutesBetween } from '../../../../common/domain/sla';
import { useFormat } from '../../../lib/display';
import { Badge, type BadgeTone } from '../../../ui/Badge';
import { useWorkCalendar } from './queries';
import type { SlaState } from './types';

const TONE: Record<SlaState, BadgeTone> = {
  ok: 'info',
  at_risk: 'warning',
  breached: 'danger',
  met: 'success',
  paused: 'neutral',
};

type Span = { unit: 'minutes' | 'hours' | 'days'; count: number };

/** A span of working minutes in the unit a person would say: minutes under an hour, days from two working days. */
function workingSpan(minutes: number, dayMinutes: number): Span {
  if (minutes < 60) return { unit: 'minutes', count: Math.max(0, Math.round(minutes)) };
  if (dayMinutes > 0 && minutes >= dayMinutes * 2) return { unit: 'days', count: Math.round(minutes / dayMinutes) };
  return { unit: 'hours', count: Math.round(minutes / 60) };
}

export function useSpanText(): (span: Span) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return ({ unit, count }) => t(`cases.sla.${unit}`, { count, n: format.number(count) });
}

/**
 * Where a case stands against its resolution target, as a coloured word and the working time left (or past):
 * "في الموعد · متبقي ٣ ساعات عمل", "متأخرة منذ ساعتي عمل", "ضمن المدة". Working time follows the association's
 * calendar (days, hours, holidays); before the calendar loads, the plain time to the deadline is shown.
 */
export function SlaBadge({
  sla,
  resolutionDueAt,
  status,
}: {
  sla: SlaState;
  resolutionDueAt: string;
  /** resolved and closed cases that missed their target say so without counting on. */
  status?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const spanText = useSpanText();
  const work = useWorkCalendar();
  const now = new Date();
  const due = new Date(resolutionDueAt);
  const finished = status === 'resolved' || status === 'closed';

  const span = (from: Date, to: Date): string | null => {
    if (!work) return null;
    const dayMinutes = work.calendar.endMinute - work.calendar.startMinute;
    return spanText(workingSpan(workingMinutesBetween(from, to, work.calendar), dayMinutes));
  };

  let text = t(`cases.sla.states.${sla}`);
  if (sla === 'ok' || sla === 'at_risk') {
    const left = span(now, due);
    if (left) text = t('cases.sla.left', { word: text, time: left });
  } else if (sla === 'breached' && !finished) {
    const late = span(due, now);
    if (late) text = t('cases.sla.late', { time: late });
  }
  return (
    <span title={t('cases.sla.dueTitle', { date: format.dateTime(resolutionDueAt) })}>
      <Badge tone={TONE[sla] ?? 'neutral'}>{text}</Badge>
    </span>
  );
}

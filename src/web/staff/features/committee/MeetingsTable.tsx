import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { riyadhDate } from '../../../../common/dates';
import { useFormat } from '../../../lib/display';
import { cx } from '../../../ui/cx';
import { Ltr } from '../../../ui/Ltr';
import {
  tableClass,
  tableWrapClass,
  tbodyClass,
  tdClass,
  tdLabelClass,
  thClass,
  theadClass,
  trClass,
} from '../../../ui/table';
import type { MeetingSummary } from '../../api-types';
import { MeetingStatusBadge, useTimeOfDay } from './labels';

/** Meetings in a table (cards on a phone): reference, day (Hijri and Gregorian) and time, place, chair, status. */
export function MeetingsTable({
  meetings,
  caption,
  chairName,
}: {
  meetings: readonly MeetingSummary[];
  caption: string;
  chairName: (userId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeOfDay = useTimeOfDay();
  const columns = {
    reference: t('committee.columns.reference'),
    when: t('committee.columns.when'),
    location: t('committee.columns.location'),
    chair: t('committee.columns.chair'),
    status: t('committee.columns.status'),
  };
  return (
    <div className={tableWrapClass}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead className={theadClass}>
          <tr>
            <th scope="col" className={thClass}>
              {columns.reference}
            </th>
            <th scope="col" className={thClass}>
              {columns.when}
            </th>
            <th scope="col" className={thClass}>
              {columns.location}
            </th>
            <th scope="col" className={thClass}>
              {columns.chair}
            </th>
            <th scope="col" className={thClass}>
              {columns.status}
            </th>
          </tr>
        </thead>
        <tbody className={tbodyClass}>
          {meetings.map((m) => (
            <tr key={m.id} className={trClass}>
              <td className={cx(tdClass, 'max-sm:mb-1')}>
                <Link
                  href={`/committee/meetings/${m.id}`}
                  aria-label={t('committee.openMeeting', { reference: m.reference })}
                  className="font-medium text-brand-800 underline-offset-2 hover:underline"
                >
                  <Ltr>{m.reference}</Ltr>
                </Link>
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.when}>
                <span className="flex flex-col">
                  <time dateTime={riyadhDate(m.scheduledAt)}>{format.dual(riyadhDate(m.scheduledAt))}</time>
                  <span className="text-xs text-slate-600">
                    <time dateTime={m.scheduledAt}>{timeOfDay(m.scheduledAt)}</time>
                    {' · '}
                    <time dateTime={m.scheduledAt}>{format.relative(m.scheduledAt)}</time>
                  </span>
                </span>
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.location}>
                {m.location || '—'}
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.chair}>
                <bdi>{chairName(m.chairUserId) ?? '—'}</bdi>
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.status}>
                <MeetingStatusBadge status={m.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { riyadhDate } from '../../../../common/dates';
import { useFormat } from '../../../lib/display';
import { Badge } from '../../../ui/Badge';
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
import type { OverdueApplication } from '../../api-types';
import { StageBadge } from '../applications/StageBadge';

const DAY_MS = 86_400_000;

/** Whole days from one calendar date to another (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Applications still waiting for a decision after the date the applicant was told (policy step 5: about two
 * weeks): the date promised, Hijri with the Gregorian beside it, and how many days late.
 */
export function OverdueTable({ items }: { items: readonly OverdueApplication[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = riyadhDate(new Date());
  const columns = {
    reference: t('committee.columns.reference'),
    beneficiary: t('committee.columns.beneficiary'),
    expected: t('committee.columns.expected'),
    late: t('committee.columns.late'),
    stage: t('committee.columns.stage'),
  };
  return (
    <div className={tableWrapClass}>
      <table className={tableClass}>
        <caption className="sr-only">{t('committee.overdue.title')}</caption>
        <thead className={theadClass}>
          <tr>
            <th scope="col" className={thClass}>
              {columns.reference}
            </th>
            <th scope="col" className={thClass}>
              {columns.beneficiary}
            </th>
            <th scope="col" className={thClass}>
              {columns.expected}
            </th>
            <th scope="col" className={thClass}>
              {columns.late}
            </th>
            <th scope="col" className={thClass}>
              {columns.stage}
            </th>
          </tr>
        </thead>
        <tbody className={tbodyClass}>
          {items.map((a) => (
            <tr key={a.id} className={trClass}>
              <td className={cx(tdClass, 'max-sm:mb-1')}>
                <Link
                  href={`/applications/${a.id}`}
                  aria-label={t('applications.open', { reference: a.reference })}
                  className="font-medium text-brand-800 underline-offset-2 hover:underline"
                >
                  <Ltr>{a.reference}</Ltr>
                </Link>
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.beneficiary}>
                <bdi className="font-medium text-slate-900">{a.beneficiaryName}</bdi>
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.expected}>
                <time dateTime={a.expectedDecisionDate}>{format.dual(a.expectedDecisionDate)}</time>
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.late}>
                <Badge tone="danger">
                  {t('committee.overdue.daysLate', {
                    count: daysBetween(a.expectedDecisionDate, today),
                    days: format.number(daysBetween(a.expectedDecisionDate, today)),
                  })}
                </Badge>
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.stage}>
                <StageBadge stage={a.stage} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

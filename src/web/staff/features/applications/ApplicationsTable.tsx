import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
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
import type { ApplicationListItem } from '../../api-types';
import { useServiceName } from './queries';
import { StageBadge } from './StageBadge';

/**
 * Applications in a table (cards on a phone): reference, beneficiary, services, stage, how long in that stage,
 * and the committee's expected decision date when there is one (Hijri with the Gregorian beside it).
 */
export function ApplicationsTable({
  items,
  caption,
  showBeneficiary = true,
}: {
  items: ApplicationListItem[];
  caption: string;
  showBeneficiary?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const serviceName = useServiceName();
  const columns = {
    reference: t('applications.columns.reference'),
    beneficiary: t('applications.columns.beneficiary'),
    services: t('applications.columns.services'),
    stage: t('applications.columns.stage'),
    since: t('applications.columns.since'),
    expected: t('applications.columns.expected'),
  };
  const anyExpected = items.some((a) => a.expectedDecisionDate);

  return (
    <div className={tableWrapClass}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead className={theadClass}>
          <tr>
            <th scope="col" className={thClass}>
              {columns.reference}
            </th>
            {showBeneficiary ? (
              <th scope="col" className={thClass}>
                {columns.beneficiary}
              </th>
            ) : null}
            <th scope="col" className={thClass}>
              {columns.services}
            </th>
            <th scope="col" className={thClass}>
              {columns.stage}
            </th>
            <th scope="col" className={thClass}>
              {columns.since}
            </th>
            {anyExpected ? (
              <th scope="col" className={thClass}>
                {columns.expected}
              </th>
            ) : null}
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
              {showBeneficiary ? (
                <td className={cx(tdClass, tdLabelClass)} data-label={columns.beneficiary}>
                  <span className="flex flex-col">
                    <span className="font-medium text-slate-900">{a.beneficiaryName}</span>
                    <span className="text-xs text-slate-600">
                      <Ltr>{a.fileNumber}</Ltr>
                    </span>
                  </span>
                </td>
              ) : null}
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.services}>
                {a.services.map(serviceName).join(t('app.listSeparator'))}
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.stage}>
                <StageBadge stage={a.stage} />
              </td>
              <td className={cx(tdClass, tdLabelClass, 'whitespace-nowrap')} data-label={columns.since}>
                <time dateTime={a.stageChangedAt} title={format.dateTime(a.stageChangedAt)}>
                  {format.relative(a.stageChangedAt)}
                </time>
              </td>
              {anyExpected ? (
                <td className={cx(tdClass, tdLabelClass)} data-label={columns.expected}>
                  {a.expectedDecisionDate ? (
                    <time dateTime={a.expectedDecisionDate}>{format.dual(a.expectedDecisionDate)}</time>
                  ) : (
                    '—'
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { CalendarClock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/display';
import { cx } from '../../../ui/cx';
import { tableClass, tbodyClass, tdClass, tdLabelClass, thClass, theadClass, trClass } from '../../../ui/table';
import type { ApplicationDetail, ScoreLine } from '../../api-types';
import { useEnumLabel } from '../beneficiaries/labels';

/**
 * After the application is raised (policy step 5): the date the beneficiary is told to expect the committee's
 * answer — Hijri with the Gregorian beside it — and the priority score with each criterion's share.
 */
export function CommitteeSummary({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  const lines = application.scoreBreakdown ?? [];
  const columns = {
    criterion: t('application.committee.criterion'),
    detail: t('application.committee.detail'),
    weight: t('application.committee.weight'),
    points: t('application.committee.points'),
  };

  return (
    <section aria-labelledby="committee-title" className="rounded-lg border border-brand-200 bg-brand-50/50 p-4 sm:p-5">
      <h2 id="committee-title" className="mb-3 text-base font-bold text-slate-900">
        {t('application.committee.title')}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        {application.expectedDecisionDate ? (
          <div className="flex items-start gap-3">
            <CalendarClock aria-hidden="true" className="mt-1 size-6 shrink-0 text-brand-700" />
            <div>
              <div className="text-xs text-slate-700">{t('application.committee.expected')}</div>
              <time dateTime={application.expectedDecisionDate} className="block text-lg font-bold text-slate-900">
                {format.dual(application.expectedDecisionDate)}
              </time>
              <p className="text-xs text-slate-700">{t('application.committee.expectedHint')}</p>
            </div>
          </div>
        ) : null}
        {application.score !== null ? (
          <div>
            <div className="text-xs text-slate-700">{t('application.committee.score')}</div>
            <div className="text-lg font-bold text-slate-900">
              {t('application.committee.scoreOf', { score: format.number(application.score), max: format.number(100) })}
            </div>
            {application.raisedAt ? (
              <p className="text-xs text-slate-700">
                {t('application.committee.raisedAt')}:{' '}
                <time dateTime={application.raisedAt}>{format.dateTime(application.raisedAt)}</time>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>

      {lines.length > 0 ? (
        <div className="mt-4 overflow-x-auto rounded-md border border-slate-200 bg-white max-sm:border-0 max-sm:bg-transparent">
          <h3 id="breakdown-title" className="p-3 text-sm font-medium text-slate-800 max-sm:px-0">
            {t('application.committee.breakdown')}
          </h3>
          <table className={tableClass} aria-labelledby="breakdown-title">
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={thClass}>
                  {columns.criterion}
                </th>
                <th scope="col" className={thClass}>
                  {columns.detail}
                </th>
                <th scope="col" className={thClass}>
                  {columns.weight}
                </th>
                <th scope="col" className={thClass}>
                  {columns.points}
                </th>
              </tr>
            </thead>
            <tbody className={tbodyClass}>
              {lines.map((line) => (
                <tr key={line.key} className={trClass}>
                  <td className={cx(tdClass, 'font-medium max-sm:mb-1')}>{enumLabel('criterion', line.key)}</td>
                  <td className={cx(tdClass, tdLabelClass)} data-label={columns.detail}>
                    <ScoreDetail line={line} />
                  </td>
                  <td className={cx(tdClass, tdLabelClass)} data-label={columns.weight}>
                    {format.number(line.weight)}
                  </td>
                  <td className={cx(tdClass, tdLabelClass, 'font-medium')} data-label={columns.points}>
                    {format.number(line.points)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** The criterion's fact in words: "٥٠٠ ريال للفرد، والحد ١٬٥٠٠ ريال", "٤ من ١٠", "نعم"… */
function ScoreDetail({ line }: { line: ScoreLine }) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  const [a, b] = line.detail.split('/').map(Number);
  const pair = a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b);
  const values = pair ? { value: format.number(a), limit: format.number(b) } : null;
  switch (line.key) {
    case 'income_per_person':
      return <>{values ? t('application.committee.incomeDetail', values) : line.detail}</>;
    case 'storage_per_person':
      return <>{values ? t('application.committee.storageDetail', values) : line.detail}</>;
    case 'household_size':
      return <>{values ? t('application.committee.ofMax', values) : line.detail}</>;
    case 'elderly':
      return <>{values ? t('application.committee.age', values) : line.detail}</>;
    case 'disability':
      return <>{line.detail === 'yes' ? t('app.yes') : t('app.no')}</>;
    case 'water_source':
      return <>{enumLabel('waterSource', line.detail)}</>;
    default:
      return <>{line.detail}</>;
  }
}

import { ExternalLink, Info } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { riyadhDate } from '../../../common/dates';
import { errorMessage } from '../../lib/api';
import { ErrorAlert } from '../../ui/Alert';
import { Button, buttonClass } from '../../ui/Button';
import { Loading, PageHeader } from '../../ui/Page';
import { useTimeFormat } from '../features/appointments/time';
import { useOrgSettings } from '../features/beneficiaries/queries';
import { Exports } from '../features/reports/Exports';
import { useReportLabels } from '../features/reports/labels';
import { MyFigures } from '../features/reports/MyFigures';
import { type PeriodChange, PeriodFilter } from '../features/reports/PeriodFilter';
import { readPeriod } from '../features/reports/period';
import { evidenceHref, useKpis } from '../features/reports/queries';
import {
  ApplicationsSection,
  BeneficiariesSection,
  CasesSection,
  ContactsSection,
  DeliveriesSection,
  SatisfactionSection,
} from '../features/reports/sections';
import { hasPermission, useUser } from '../session';

/**
 * التقارير والمؤشرات: the policy's KPIs for a Gregorian or Hijri month or any range, for one branch or all. The
 * manager and the admin see satisfaction too; officers see the reduced view. Every chart has its table; the
 * manager downloads the lists and opens the governance evidence report.
 */
export default function ReportsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const today = riyadhDate(new Date());
  const choice = readPeriod(params, today);
  const kpis = useKpis(choice, !choice.invalid);
  const timeOf = useTimeFormat();
  const labels = useReportLabels();
  const settings = useOrgSettings();
  const full = hasPermission(user, 'reports.view');
  const canExport = hasPermission(user, 'reports.export') && hasPermission(user, 'beneficiaries.read');

  const go = (change: PeriodChange) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(change)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  const data = kpis.data;
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        actions={
          full && !choice.invalid ? (
            <a href={evidenceHref(choice)} target="_blank" rel="noopener" className={buttonClass('primary')}>
              <ExternalLink aria-hidden="true" className="size-4 rtl:-scale-x-100" />
              {t('reports.evidence')}
              <span className="sr-only">{t('reports.newTab')}</span>
            </a>
          ) : null
        }
      />

      <PeriodFilter choice={choice} today={today} onChange={go} />

      {full ? null : (
        <p className="mt-4 flex items-start gap-2 rounded-md border border-brand-200 bg-brand-50 p-3 text-sm text-brand-900">
          <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {t('reports.reducedNotice')}
        </p>
      )}

      <div className="mt-2 min-h-6" role="status">
        {kpis.isFetching && data ? (
          <span className="text-sm text-slate-600">{t('reports.updating')}</span>
        ) : data ? (
          <span className="text-sm text-slate-600">{t('reports.computedAt', { time: timeOf(data.computedAt) })}</span>
        ) : null}
      </div>

      {kpis.isPending && !choice.invalid ? <Loading label={t('app.loading')} /> : null}
      {kpis.isError ? (
        <div className="flex flex-col items-start gap-3">
          <ErrorAlert>{errorMessage(kpis.error)}</ErrorAlert>
          <Button onPress={() => void kpis.refetch()}>{t('app.retry')}</Button>
        </div>
      ) : null}

      {data && !choice.invalid ? (
        <div className="flex flex-col">
          <ApplicationsSection kpis={data} labels={labels} targetDays={settings.data?.committeeTargetDays} />
          <CasesSection kpis={data} labels={labels} />
          <DeliveriesSection kpis={data} />
          {data.satisfaction ? <SatisfactionSection data={data.satisfaction} labels={labels} period={choice} /> : null}
          <BeneficiariesSection kpis={data} labels={labels} />
          <ContactsSection kpis={data} labels={labels} />
          <div className="mt-8 flex flex-col gap-4">
            <MyFigures period={choice} titleId="section-mine" />
            {canExport ? <Exports period={choice} titleId="section-exports" /> : null}
          </div>
        </div>
      ) : null}
    </>
  );
}

import { CalendarDays, ChevronLeft, ChevronRight, MapPinned } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { addDays, riyadhDate } from '../../../common/dates';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button, buttonClass } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Ltr } from '../../ui/Ltr';
import { Loading, PageHeader } from '../../ui/Page';
import { SegmentedControl } from '../../ui/SegmentedControl';
import {
  tableClass,
  tableWrapClass,
  tbodyClass,
  tdClass,
  tdLabelClass,
  thClass,
  theadClass,
  trClass,
} from '../../ui/table';
import type { Delivery } from '../api-types';
import {
  AssigneeSelect,
  type Candidate,
  candidatesFor,
  fallbackCandidates,
} from '../features/deliveries/AssigneeSelect';
import { dateParam, useNearDay, useWeekday } from '../features/deliveries/days';
import { DeliveryStatusBadge, useDeliveryService } from '../features/deliveries/labels';
import { useAssignees, useDeliveries } from '../features/deliveries/queries';
import { hasPermission, useUser } from '../session';

const STATUS_FILTERS = ['all', 'scheduled', 'delivered', 'failed'] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

/**
 * Policy step 7, providing the service: the visits of a week, day by day, each day in route order (district, then
 * name). The execution officer gives each visit to someone; the others read.
 */
export default function DeliveriesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const from = dateParam(params.get('from'));
  const to = addDays(from, 6);
  const asked = params.get('status');
  const status: StatusFilter = STATUS_FILTERS.find((s) => s === asked) ?? 'all';
  const canAssign = hasPermission(user, 'deliveries.assign');
  const list = useDeliveries({ from, to, ...(status === 'all' ? {} : { status }) });
  const assignees = useAssignees(canAssign);
  const items = list.data ?? [];
  const fallback = fallbackCandidates(items, user);
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));

  const go = (change: Record<string, string | null>) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(change)) {
        if (value === null) out.delete(key);
        else out.set(key, value);
      }
      return out;
    });

  return (
    <>
      <PageHeader
        title={t('deliveries.title')}
        subtitle={t('deliveries.subtitle')}
        actions={
          hasPermission(user, 'deliveries.manage') ? (
            <Link href="/deliveries/today" className={buttonClass('primary')}>
              <MapPinned aria-hidden="true" className="size-4" />
              {t('deliveries.today.title')}
            </Link>
          ) : null
        }
      />

      <div className="mb-5 flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:flex-row sm:flex-wrap sm:items-center sm:justify-between">
        <nav
          aria-label={t('deliveries.week.label')}
          className="grid grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)] gap-2 sm:flex"
        >
          <Button
            className="gap-1 px-2 leading-tight whitespace-normal! sm:px-4"
            onPress={() => go({ from: addDays(from, -7) })}
          >
            <ChevronRight aria-hidden="true" className="size-4 shrink-0 ltr:-scale-x-100" />
            {t('deliveries.week.previous')}
          </Button>
          <Button variant="ghost" className="gap-1 px-2 sm:px-4" onPress={() => go({ from: null })}>
            <CalendarDays aria-hidden="true" className="size-4 shrink-0" />
            {t('deliveries.week.current')}
          </Button>
          <Button
            className="gap-1 px-2 leading-tight whitespace-normal! sm:px-4"
            onPress={() => go({ from: addDays(from, 7) })}
          >
            {t('deliveries.week.next')}
            <ChevronLeft aria-hidden="true" className="size-4 shrink-0 ltr:-scale-x-100" />
          </Button>
        </nav>
        <SegmentedControl
          label={t('deliveries.filter.label')}
          value={status}
          onChange={(value) => go({ status: value === 'all' ? null : value })}
          segments={STATUS_FILTERS.map((s) => ({
            id: s,
            label: s === 'all' ? t('deliveries.filter.all') : t(`deliveries.status.${s}`),
            tone: s === 'delivered' ? 'success' : s === 'failed' ? 'danger' : 'info',
          }))}
        />
      </div>

      <p className="mb-4 font-medium text-slate-800">
        {t('deliveries.week.range', { from: format.dual(from), to: format.dual(to) })}
        {list.data ? (
          <span className="ms-2 font-normal text-slate-600">
            {t('deliveries.count', { count: items.length, formatted: format.number(items.length) })}
          </span>
        ) : null}
      </p>

      {list.isPending ? <Loading label={t('app.loading')} /> : null}
      {list.isError ? (
        <div className="flex flex-col items-start gap-3">
          <ErrorAlert>{errorMessage(list.error)}</ErrorAlert>
          <Button onPress={() => void list.refetch()}>{t('app.retry')}</Button>
        </div>
      ) : null}
      {list.data ? (
        <div className="flex flex-col gap-6">
          {days.map((day) => (
            <DaySection
              key={day}
              day={day}
              deliveries={items.filter((d) => d.scheduledDate === day)}
              canAssign={canAssign}
              candidates={(d) => candidatesFor(d, assignees.data, fallback)}
              canRecord={hasPermission(user, 'deliveries.manage')}
            />
          ))}
        </div>
      ) : null}
    </>
  );
}

function DaySection({
  day,
  deliveries,
  canAssign,
  candidates,
  canRecord,
}: {
  day: string;
  deliveries: Delivery[];
  canAssign: boolean;
  candidates: (delivery: Delivery) => Candidate[];
  canRecord: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const weekday = useWeekday();
  const nearDay = useNearDay();
  const serviceName = useDeliveryService();
  const near = nearDay(day);
  const headingId = `day-${day}`;
  const columns = {
    beneficiary: t('deliveries.columns.beneficiary'),
    district: t('deliveries.columns.district'),
    service: t('deliveries.columns.service'),
    status: t('deliveries.columns.status'),
    assignee: t('deliveries.columns.assignee'),
  };
  const isPast = day < riyadhDate(new Date());

  return (
    <section aria-labelledby={headingId}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="flex flex-wrap items-center gap-2 text-base font-bold text-slate-900">
          <span>{weekday(day)}</span>
          <time dateTime={day} className="font-medium text-slate-700">
            {format.dual(day)}
          </time>
          {near ? <Badge tone="info">{near}</Badge> : null}
          {deliveries.length > 0 ? (
            <Badge tone="neutral">
              {t('deliveries.count', { count: deliveries.length, formatted: format.number(deliveries.length) })}
            </Badge>
          ) : null}
        </h2>
        {canRecord && deliveries.length > 0 && !isPast ? (
          <Link
            href={`/deliveries/today?date=${day}`}
            className="text-sm font-medium text-brand-800 underline underline-offset-2"
          >
            {t('deliveries.openRoute')}
          </Link>
        ) : null}
      </div>
      {deliveries.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-2 text-slate-600">
          {t('deliveries.emptyDay')}
        </p>
      ) : (
        <div className={tableWrapClass}>
          <table className={tableClass}>
            <caption className="sr-only">{`${weekday(day)} ${format.dual(day)}`}</caption>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={thClass}>
                  {columns.beneficiary}
                </th>
                <th scope="col" className={thClass}>
                  {columns.district}
                </th>
                <th scope="col" className={thClass}>
                  {columns.service}
                </th>
                <th scope="col" className={thClass}>
                  {columns.status}
                </th>
                <th scope="col" className={thClass}>
                  {columns.assignee}
                </th>
              </tr>
            </thead>
            <tbody className={tbodyClass}>
              {deliveries.map((d) => (
                <tr key={d.id} className={trClass}>
                  <td className={cx(tdClass, 'max-sm:mb-1')}>
                    <span className="flex flex-col">
                      <Link
                        href={`/beneficiaries/${d.beneficiaryId}`}
                        className="font-medium text-brand-800 underline-offset-2 hover:underline"
                      >
                        {d.beneficiaryName}
                      </Link>
                      <span className="text-xs text-slate-600">
                        <Ltr>{d.fileNumber}</Ltr>
                      </span>
                    </span>
                  </td>
                  <td className={cx(tdClass, tdLabelClass)} data-label={columns.district}>
                    {d.district}
                  </td>
                  <td className={cx(tdClass, tdLabelClass)} data-label={columns.service}>
                    {serviceName(d)}
                  </td>
                  <td className={cx(tdClass, tdLabelClass)} data-label={columns.status}>
                    <DeliveryStatusBadge status={d.status} />
                  </td>
                  <td className={cx(tdClass, tdLabelClass)} data-label={columns.assignee}>
                    {canAssign && d.status === 'scheduled' ? (
                      <AssigneeSelect delivery={d} candidates={candidates(d)} />
                    ) : d.assigneeName ? (
                      <bdi>{d.assigneeName}</bdi>
                    ) : (
                      <span className="text-slate-600">{t('deliveries.assign.nobody')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

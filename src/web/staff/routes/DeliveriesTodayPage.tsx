import { CalendarDays, ChevronLeft, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { addDays, riyadhDate } from '../../../common/dates';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, PageHeader } from '../../ui/Page';
import { SegmentedControl } from '../../ui/SegmentedControl';
import type { Delivery, DeliveryOutcomeResponse } from '../api-types';
import { dateParam, useNearDay, useWeekday } from '../features/deliveries/days';
import { findDelivery, useDeliveries } from '../features/deliveries/queries';
import { StopCard } from '../features/deliveries/StopCard';
import { hasPermission, useUser } from '../session';

type Scope = 'mine' | 'all';

/**
 * "زياراتي اليوم": the field worker's route for one day on a phone — one card per stop, village by village
 * (the server orders by district), with the outcome recorded at the door. Other days are a tap away.
 */
export default function DeliveriesTodayPage() {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const weekday = useWeekday();
  const nearDay = useNearDay();
  const [params, setParams] = useSearchParams();
  const day = dateParam(params.get('date'));
  const scope: Scope = params.get('scope') === 'all' ? 'all' : 'mine';
  const list = useDeliveries({ from: day, to: day, ...(scope === 'mine' ? { assignee: 'me' } : {}) });
  const [notice, setNotice] = useState<string | null>(null);
  const today = riyadhDate(new Date());
  const isToday = day === today;
  const items = list.data ?? [];
  const left = items.filter((d) => d.status === 'scheduled').length;

  const go = (change: Record<string, string | null>) => {
    setNotice(null);
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(change)) {
        if (value === null) out.delete(key);
        else out.set(key, value);
      }
      return out;
    });
  };

  async function recorded(delivery: Delivery, result: DeliveryOutcomeResponse, details: { rescheduleTo?: string }) {
    const name = delivery.beneficiaryName;
    if (result.status !== 'delivered') {
      setNotice(
        details.rescheduleTo
          ? t('deliveries.failed.doneRescheduled', { name, date: format.dual(details.rescheduleTo) })
          : t('deliveries.failed.done', { name }),
      );
      return;
    }
    setNotice(t('deliveries.delivered.done', { name }));
    if (!result.nextDeliveryId) return;
    // A recurring service: say when the next visit is, so the beneficiary can be told at the door.
    const next = await findDelivery(delivery.beneficiaryId, result.nextDeliveryId).catch(() => undefined);
    if (next) setNotice(t('deliveries.delivered.doneNext', { name, date: format.dual(next.scheduledDate) }));
  }

  // Stops grouped by district, in the server's route order.
  const districts: { district: string; stops: { delivery: Delivery; stop: number }[] }[] = [];
  items.forEach((delivery, index) => {
    const last = districts[districts.length - 1];
    if (last && last.district === delivery.district) last.stops.push({ delivery, stop: index + 1 });
    else districts.push({ district: delivery.district, stops: [{ delivery, stop: index + 1 }] });
  });
  const near = nearDay(day);

  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title={isToday ? t('deliveries.today.title') : t('deliveries.today.titleDay', { day: near ?? weekday(day) })}
        subtitle={
          <>
            {weekday(day)} <time dateTime={day}>{format.dual(day)}</time>
          </>
        }
      />

      <nav
        aria-label={t('deliveries.today.daysLabel')}
        className="mb-3 grid grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)] gap-2"
      >
        <Button
          className="min-h-12 gap-1 px-2 leading-tight whitespace-normal!"
          onPress={() => go({ date: addDays(day, -1) })}
        >
          <ChevronRight aria-hidden="true" className="size-5 shrink-0 ltr:-scale-x-100" />
          {t('deliveries.today.previous')}
        </Button>
        <Button className="min-h-12 gap-1 px-3" variant="ghost" isDisabled={isToday} onPress={() => go({ date: null })}>
          <CalendarDays aria-hidden="true" className="size-5 shrink-0" />
          {t('deliveries.days.today')}
        </Button>
        <Button
          className="min-h-12 gap-1 px-2 leading-tight whitespace-normal!"
          onPress={() => go({ date: addDays(day, 1) })}
        >
          {t('deliveries.today.next')}
          <ChevronLeft aria-hidden="true" className="size-5 shrink-0 ltr:-scale-x-100" />
        </Button>
      </nav>
      <SegmentedControl
        label={t('deliveries.today.scopeLabel')}
        value={scope}
        onChange={(value) => go({ scope: value === 'all' ? 'all' : null })}
        segments={[
          { id: 'mine', label: t('deliveries.today.mine') },
          {
            id: 'all',
            label: user.role === 'branch_rep' ? t('deliveries.today.allBranch') : t('deliveries.today.all'),
          },
        ]}
        className="mb-4"
      />

      <SuccessNotice className="mb-4">{notice}</SuccessNotice>

      {list.isPending ? <Loading label={t('app.loading')} /> : null}
      {list.isError ? (
        <div className="flex flex-col items-start gap-3">
          <ErrorAlert>{errorMessage(list.error)}</ErrorAlert>
          <Button onPress={() => void list.refetch()}>{t('app.retry')}</Button>
        </div>
      ) : null}
      {list.data ? (
        items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-base text-slate-700">
            {scope === 'mine' ? t('deliveries.today.emptyMine') : t('deliveries.today.empty')}
          </p>
        ) : (
          <>
            <p className="mb-3 text-base text-slate-800">
              {t('deliveries.today.summary', {
                count: items.length,
                formatted: format.number(items.length),
                left: format.number(left),
              })}
            </p>
            <div className="flex flex-col gap-5">
              {districts.map((group) => (
                <section key={`${group.district}-${group.stops[0]?.stop}`} aria-label={group.district}>
                  <h2 className="mb-2 text-base font-bold text-slate-900">{group.district}</h2>
                  <ol className="flex flex-col gap-3">
                    {group.stops.map(({ delivery, stop }) => (
                      <StopCard
                        key={delivery.id}
                        delivery={delivery}
                        stop={stop}
                        canRecord={hasPermission(user, 'deliveries.manage')}
                        onRecorded={(d, result, details) => void recorded(d, result, details)}
                      />
                    ))}
                  </ol>
                </section>
              ))}
            </div>
          </>
        )
      ) : null}
    </div>
  );
}

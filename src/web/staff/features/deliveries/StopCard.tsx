import { CircleCheck, CircleX, Clock, MapPin, Navigation, Phone } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { geoHref, mapsHref, telHref } from '../../../lib/contact-links';
import { useFormat } from '../../../lib/display';
import { Button } from '../../../ui/Button';
import { Ltr, localMobile } from '../../../ui/Ltr';
import type { Delivery, DeliveryOutcomeResponse } from '../../api-types';
import { DeliveryStatusBadge, useDeliveryService, useDeliveryWindow } from './labels';
import { DeliveredDialog, FailedDialog } from './OutcomeDialogs';

const linkClass =
  'inline-flex min-h-12 flex-1 items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-3 ' +
  'font-medium text-brand-800 hover:bg-slate-50';

/**
 * One stop of the day's route, for a phone in the sun: who and where, a call button, the home on the phone's
 * own map, and two large buttons — delivered, or could not deliver.
 */
export function StopCard({
  delivery,
  stop,
  canRecord,
  onRecorded,
}: {
  delivery: Delivery;
  stop: number;
  canRecord: boolean;
  onRecorded: (delivery: Delivery, result: DeliveryOutcomeResponse, details: { rescheduleTo?: string }) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const serviceName = useDeliveryService();
  const windowOf = useDeliveryWindow();
  const headingId = useId();
  const [dialog, setDialog] = useState<'delivered' | 'failed' | null>(null);
  const scheduled = delivery.status === 'scheduled';
  const close = (open: boolean) => {
    if (!open) setDialog(null);
  };

  return (
    <li>
      <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex items-start justify-between gap-3">
          <div className="flex min-w-0 items-start gap-3">
            <span
              aria-hidden="true"
              className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-700 text-base font-bold text-white"
            >
              {format.number(stop)}
            </span>
            <div className="min-w-0">
              <h3 id={headingId} className="text-lg leading-snug font-bold text-slate-900">
                <span className="sr-only">{t('deliveries.today.stop', { number: format.number(stop) })} </span>
                <bdi>{delivery.beneficiaryName}</bdi>
              </h3>
              <p className="text-slate-700">
                {serviceName(delivery)} · <Ltr>{delivery.fileNumber}</Ltr>
              </p>
            </div>
          </div>
          <DeliveryStatusBadge status={delivery.status} />
        </div>

        <p className="mt-3 flex items-center gap-2 text-base text-slate-900">
          <MapPin aria-hidden="true" className="size-5 shrink-0 text-brand-700" />
          {delivery.district}
        </p>
        {windowOf(delivery) ? (
          <p className="mt-1 flex items-center gap-2 text-base text-slate-900" data-testid="delivery-window">
            <Clock aria-hidden="true" className="size-5 shrink-0 text-brand-700" />
            {t('deliveries.window', { window: windowOf(delivery) })}
          </p>
        ) : null}

        <div className="mt-3 flex flex-wrap gap-2">
          <a href={telHref(delivery.mobile)} className={linkClass}>
            <Phone aria-hidden="true" className="size-5 shrink-0" />
            <span className="sr-only">{t('deliveries.today.call')}</span>
            <Ltr className="text-base">{localMobile(delivery.mobile)}</Ltr>
          </a>
          {delivery.homeLat !== null && delivery.homeLng !== null ? (
            <>
              <a
                href={mapsHref(delivery.homeLat, delivery.homeLng)}
                target="_blank"
                rel="noopener noreferrer"
                className={linkClass}
              >
                <Navigation aria-hidden="true" className="size-5 shrink-0" />
                {t('deliveries.today.map')}
              </a>
              <a
                href={geoHref(delivery.homeLat, delivery.homeLng, delivery.beneficiaryName)}
                className="inline-flex min-h-12 items-center px-2 text-sm text-brand-800 underline"
              >
                {t('person.otherMapApp')}
              </a>
            </>
          ) : (
            <span className="inline-flex min-h-12 flex-1 items-center justify-center rounded-md border border-dashed border-slate-300 px-3 text-center text-slate-600">
              {t('deliveries.today.noPin')}
            </span>
          )}
        </div>

        {delivery.status === 'delivered' ? (
          <p className="mt-3 rounded-md bg-emerald-50 p-3 text-emerald-950">
            {t('deliveries.today.deliveredTo')} <bdi className="font-medium">{delivery.recipientName}</bdi>
            {delivery.completedAt ? (
              <>
                {' · '}
                <time dateTime={delivery.completedAt}>{format.dateTime(delivery.completedAt)}</time>
              </>
            ) : null}
            {delivery.note ? (
              <span dir="auto" className="mt-1 block whitespace-pre-line">
                {delivery.note}
              </span>
            ) : null}
          </p>
        ) : null}
        {delivery.status === 'failed' && delivery.failureReason ? (
          <p className="mt-3 rounded-md bg-red-50 p-3 whitespace-pre-line text-red-900">
            {t('deliveries.today.failedBecause')} <bdi>{delivery.failureReason}</bdi>
          </p>
        ) : null}

        {canRecord && scheduled ? (
          <div className="mt-4 grid grid-cols-1 gap-2 min-[360px]:grid-cols-2">
            <Button
              variant="primary"
              className="min-h-14 px-3 text-base leading-tight whitespace-normal!"
              onPress={() => setDialog('delivered')}
            >
              <CircleCheck aria-hidden="true" className="size-5 shrink-0" />
              {t('deliveries.today.delivered')}
            </Button>
            <Button
              variant="dangerQuiet"
              className="min-h-14 px-3 text-base leading-tight whitespace-normal!"
              onPress={() => setDialog('failed')}
            >
              <CircleX aria-hidden="true" className="size-5 shrink-0" />
              {t('deliveries.today.failed')}
            </Button>
          </div>
        ) : null}
      </article>
      {canRecord && scheduled ? (
        <>
          <DeliveredDialog
            delivery={delivery}
            isOpen={dialog === 'delivered'}
            onOpenChange={close}
            onDone={(result, details) => {
              setDialog(null);
              onRecorded(delivery, result, details);
            }}
          />
          <FailedDialog
            delivery={delivery}
            isOpen={dialog === 'failed'}
            onOpenChange={close}
            onDone={(result, details) => {
              setDialog(null);
              onRecorded(delivery, result, details);
            }}
          />
        </>
      ) : null}
    </li>
  );
}

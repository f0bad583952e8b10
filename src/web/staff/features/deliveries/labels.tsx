import { useTranslation } from 'react-i18next';
import { formatWindow } from '../../../../common/dates';
import { useFormat } from '../../../lib/display';
import { Badge, type BadgeTone } from '../../../ui/Badge';
import type { Delivery } from '../../api-types';
import { useLocalized } from '../applications/queries';

export const DELIVERY_STATUS_TONE: Record<string, BadgeTone> = {
  scheduled: 'info',
  delivered: 'success',
  failed: 'danger',
  cancelled: 'neutral',
};

const KNOWN = ['scheduled', 'delivered', 'failed', 'cancelled'] as const;

/** A delivery's state as a coloured word: مجدولة، تم التسليم، تعذّر التسليم، ملغاة. */
export function DeliveryStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = KNOWN.find((k) => k === status);
  return (
    <Badge tone={DELIVERY_STATUS_TONE[status] ?? 'neutral'}>{known ? t(`deliveries.status.${known}`) : status}</Badge>
  );
}

/** The delivery's service in the interface language. */
export function useDeliveryService(): (delivery: Pick<Delivery, 'serviceNameAr' | 'serviceNameEn'>) => string {
  const localized = useLocalized();
  return (d) => localized(d.serviceNameAr, d.serviceNameEn);
}

/**
 * A link that opens the home's pin in the phone's own maps app (a `geo:` URI), so the page itself asks no third
 * party for anything.
 */
export function geoUri(lat: number, lng: number, label: string): string {
  return `geo:${lat},${lng}?q=${lat},${lng}(${encodeURIComponent(label)})`;
}

/** An https maps link for a pin: it opens in the maps app on iPhone and Android alike (`geo:` does not on iOS). */
export function mapsUrl(lat: number, lng: number): string {
  return `https://www.google.com/maps/search/?api=1&query=${lat},${lng}`;
}

/** The time window agreed with the beneficiary, in the user's language and digits, or null when none was. */
export function useDeliveryWindow(): (delivery: Pick<Delivery, 'windowFrom' | 'windowTo'>) => string | null {
  const format = useFormat();
  return (d) =>
    d.windowFrom && d.windowTo ? formatWindow({ from: d.windowFrom, to: d.windowTo }, format.display) : null;
}

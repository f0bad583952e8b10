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

/** The time window agreed with the beneficiary, in the user's language and digits, or null when none was. */
export function useDeliveryWindow(): (delivery: Pick<Delivery, 'windowFrom' | 'windowTo'>) => string | null {
  const format = useFormat();
  return (d) =>
    d.windowFrom && d.windowTo ? formatWindow({ from: d.windowFrom, to: d.windowTo }, format.display) : null;
}

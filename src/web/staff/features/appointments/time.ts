import { useMemo } from 'react';
import { RIYADH_TZ } from '../../../../common/dates';
import { useDisplay } from '../../../lib/display';

/**
 * A time of day in Riyadh, e.g. "٩:٣٠ ص" / "9:30 am", with the user's digits. (dates.ts formats dates and date-times;
 * a day view of slots needs the time alone.)
 */
export function useTimeFormat(): (instant: string | Date) => string {
  const { locale, digits } = useDisplay();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(`${locale === 'ar' ? 'ar-SA' : 'en-GB'}-u-nu-${digits}`, {
      timeZone: RIYADH_TZ,
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h12',
    });
    return (instant) => format.format(typeof instant === 'string' ? new Date(instant) : instant);
  }, [locale, digits]);
}

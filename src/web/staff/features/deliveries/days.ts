import { useTranslation } from 'react-i18next';
import { addDays, parseIsoDate, riyadhDate } from '../../../../common/dates';
import { useDisplay } from '../../../lib/display';

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

/** The day of the week of a calendar date (YYYY-MM-DD), e.g. "الخميس". */
export function useWeekday(): (isoDate: string) => string {
  const { locale } = useDisplay();
  const tag = locale === 'ar' ? 'ar-SA' : 'en-GB';
  return (isoDate) => {
    let format = weekdayFormats.get(tag);
    if (!format) {
      format = new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' });
      weekdayFormats.set(tag, format);
    }
    return format.format(new Date(`${isoDate}T00:00:00Z`));
  };
}

/** "اليوم", "غداً", "أمس" for the days around today in Riyadh; nothing for other days. */
export function useNearDay(): (isoDate: string) => string | null {
  const { t } = useTranslation();
  return (isoDate) => {
    const today = riyadhDate(new Date());
    if (isoDate === today) return t('deliveries.days.today');
    if (isoDate === addDays(today, 1)) return t('deliveries.days.tomorrow');
    if (isoDate === addDays(today, -1)) return t('deliveries.days.yesterday');
    return null;
  };
}

/** A date from the address bar, or today in Riyadh. */
export function dateParam(value: string | null): string {
  return (value && parseIsoDate(value)) || riyadhDate(new Date());
}

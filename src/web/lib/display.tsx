import { createContext, type ReactNode, useContext, useMemo } from 'react';
import {
  type DateDisplay,
  formatDateTime,
  formatDual,
  formatGregorian,
  formatHijri,
  formatNumber,
  formatRelative,
} from '../../common/dates';

/**
 * How dates and numbers are shown: the interface language and the user's digits (Arabic-Indic or Latin).
 * Every number on screen goes through these formatters so the digits preference holds everywhere.
 */
const DisplayContext = createContext<DateDisplay>({ locale: 'ar', digits: 'arab' });

export function DisplayProvider({ value, children }: { value: DateDisplay; children: ReactNode }) {
  const memo = useMemo(() => ({ locale: value.locale, digits: value.digits }), [value.locale, value.digits]);
  return <DisplayContext.Provider value={memo}>{children}</DisplayContext.Provider>;
}

export function useDisplay(): DateDisplay {
  return useContext(DisplayContext);
}

export type Formatters = {
  display: DateDisplay;
  number: (n: number) => string;
  gregorian: (value: Date | string) => string;
  hijri: (value: Date | string) => string;
  dual: (value: Date | string) => string;
  dateTime: (instant: Date | string) => string;
  relative: (instant: Date | string, now?: Date) => string;
};

export function useFormat(): Formatters {
  const display = useDisplay();
  return useMemo(
    () => ({
      display,
      number: (n) => formatNumber(n, display),
      gregorian: (value) => formatGregorian(value, display),
      hijri: (value) => formatHijri(value, display),
      dual: (value) => formatDual(value, display),
      dateTime: (instant) => formatDateTime(instant, display),
      relative: (instant, now = new Date()) => formatRelative(instant, now, display),
    }),
    [display],
  );
}

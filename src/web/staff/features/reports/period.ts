import { addDays, type DateDisplay, gregorianToHijri, hijriToGregorian, parseIsoDate } from '../../../../common/dates';
import type { Period } from './types';

/**
 * The report's period: a Gregorian month, a Hijri (Umm al-Qura) month, or any range of days. Months are written
 * "YYYY-MM" in their own calendar ("2026-11", "1448-06"); the API always receives Gregorian days.
 */
export type CalendarMode = 'gregorian' | 'hijri' | 'custom';
export const CALENDAR_MODES: readonly CalendarMode[] = ['gregorian', 'hijri', 'custom'];

export type PeriodChoice = Period & {
  mode: CalendarMode;
  /** The month shown in the month list ("" for a custom range). */
  month: string;
  branchId: string | null;
  /** A custom range whose end comes before its start: nothing is asked of the server. */
  invalid: boolean;
};

const MONTH = /^(\d{4})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

function splitMonth(id: string | null): [number, number] | null {
  const match = MONTH.exec(id ?? '');
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? [year, month] : null;
}

/** The first and last day of a Gregorian month. */
export function gregorianMonth(id: string): Period | null {
  const parts = splitMonth(id);
  if (!parts) return null;
  const [year, month] = parts;
  const from = parseIsoDate(`${year}-${pad(month)}-01`);
  const next = parseIsoDate(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`);
  return from && next ? { from, to: addDays(next, -1) } : null;
}

/** The first and last day of an Umm al-Qura month (29 or 30 days), as Gregorian dates. */
export function hijriMonth(id: string): Period | null {
  const parts = splitMonth(id);
  if (!parts) return null;
  const [year, month] = parts;
  const from = hijriToGregorian(year, month, 1);
  const to = hijriToGregorian(year, month, 30) ?? hijriToGregorian(year, month, 29);
  return from && to ? { from, to } : null;
}

function monthsBack(year: number, month: number, count: number): string[] {
  const months: string[] = [];
  let [y, m] = [year, month];
  for (let i = 0; i < count; i++) {
    months.push(`${y}-${pad(m)}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return months;
}

/** This month and the ones before it, newest first, in the chosen calendar. */
export function recentMonths(mode: 'gregorian' | 'hijri', today: string, count = 24): string[] {
  if (mode === 'hijri') {
    const hijri = gregorianToHijri(today);
    return monthsBack(hijri.year, hijri.month, count);
  }
  const [year, month] = today.split('-').map(Number) as [number, number];
  return monthsBack(year, month, count);
}

/** Reads the period from the address bar (?cal=h&month=1448-06&branch=…), defaulting to this Gregorian month. */
export function readPeriod(params: URLSearchParams, today: string): PeriodChoice {
  const cal = params.get('cal');
  const mode: CalendarMode = cal === 'h' ? 'hijri' : cal === 'c' ? 'custom' : 'gregorian';
  const branchId = params.get('branch') || null;
  if (mode === 'custom') {
    const from = parseIsoDate(params.get('from') ?? '') ?? `${today.slice(0, 8)}01`;
    const to = parseIsoDate(params.get('to') ?? '') ?? today;
    return { mode, month: '', from, to, branchId, invalid: from > to };
  }
  const current = recentMonths(mode, today, 1)[0] ?? '';
  const asked = params.get('month') ?? '';
  const monthOf = mode === 'hijri' ? hijriMonth : gregorianMonth;
  const month = monthOf(asked) ? asked : current;
  const period = monthOf(month) ?? { from: today, to: today };
  return { mode, month, ...period, branchId, invalid: false };
}

/** The address-bar form of a calendar mode. */
export const MODE_PARAM: Record<CalendarMode, string> = { gregorian: 'g', hijri: 'h', custom: 'c' };

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** A month's name and year in its calendar, e.g. "نوفمبر ٢٠٢٦" or "جمادى الآخرة ١٤٤٨ هـ". */
export function monthName(mode: 'gregorian' | 'hijri', firstDay: string, display: DateDisplay): string {
  const calendar = mode === 'hijri' ? 'islamic-umalqura' : 'gregory';
  const tag = `${display.locale === 'ar' ? 'ar-SA' : 'en-GB'}-u-ca-${calendar}-nu-${display.digits}`;
  let format = monthFormats.get(tag);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', year: 'numeric', month: 'long' });
    monthFormats.set(tag, format);
  }
  return format.format(new Date(`${firstDay}T12:00:00Z`));
}

// Dates for people in Saudi Arabia: Riyadh time (UTC+3, no daylight saving) and the Umm al-Qura Hijri
// calendar, using only Intl so the server and the browser agree. Values are UTC instants (Date or ISO strings)
// or calendar dates ("YYYY-MM-DD", no time zone). Invalid input throws a RangeError.
import { toArabicDigits, toLatinDigits } from './arabic';

export type Digits = 'arab' | 'latn';
export type Locale = 'ar' | 'en';
export type DateDisplay = { locale: Locale; digits: Digits };
export type HijriDate = { year: number; month: number; day: number };

export const RIYADH_TZ = 'Asia/Riyadh';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Hijri dates are converted within this range of years (about 622 to 3533 CE).
const MAX_HIJRI_YEAR = 3000;

// Building an Intl formatter is far slower than using one, so each is made once.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

// Saudi Arabic (month names as used in the Kingdom) and British English (day month year, like the Arabic).
function localeTag(opts: DateDisplay, calendar?: 'gregory' | 'islamic-umalqura'): string {
  const base = opts.locale === 'ar' ? 'ar-SA' : 'en-GB';
  return calendar ? `${base}-u-ca-${calendar}-nu-${opts.digits}` : `${base}-u-nu-${opts.digits}`;
}

// --- calendar dates as day numbers (days since 1970-01-01), computed in UTC so no time zone can shift them

function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0–99 as they are
  return Math.round(date.getTime() / DAY_MS);
}

function isoFromDayNumber(days: number): string {
  const date = new Date(days * DAY_MS);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999) throw new RangeError('Date out of range');
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

function parseToDayNumber(s: string): number | null {
  const match = ISO_DATE.exec(toLatinDigits(s).trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const days = dayNumber(year, month, day);
  // A day past the end of the month rolls into the next month: that is how an impossible date shows.
  return isoFromDayNumber(days) === `${match[1]}-${match[2]}-${match[3]}` ? days : null;
}

function requireDayNumber(isoDate: string): number {
  const days = parseToDayNumber(isoDate);
  if (days === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${isoDate}"`);
  return days;
}

/** A real calendar date "YYYY-MM-DD" (Arabic-Indic digits allowed) in Latin digits, otherwise null. */
export function parseIsoDate(s: string): string | null {
  const days = parseToDayNumber(s);
  return days === null ? null : isoFromDayNumber(days);
}

/** The calendar date `days` days after (or before, if negative) an ISO date. */
export function addDays(isoDate: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return isoFromDayNumber(requireDayNumber(isoDate) + days);
}

// --- instants

function toInstant(value: Date | string): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid instant: "${String(value)}"`);
  return date;
}

/** The calendar date in Riyadh at an instant. */
export function riyadhDate(instant: Date | string): string {
  const parts = dateFormat('en-US-u-ca-gregory-nu-latn', {
    timeZone: RIYADH_TZ,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(toInstant(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return isoFromDayNumber(dayNumber(part('year'), part('month'), part('day')));
}

// A calendar date is shown as itself (formatted at UTC midnight in UTC); an instant as its day in Riyadh.
function displayPoint(value: Date | string): { date: Date; timeZone: string } {
  if (typeof value === 'string' && ISO_DATE.test(toLatinDigits(value).trim())) {
    return { date: new Date(requireDayNumber(value) * DAY_MS), timeZone: 'UTC' };
  }
  return { date: toInstant(value), timeZone: RIYADH_TZ };
}

function formatCalendar(
  value: Date | string,
  opts: DateDisplay,
  calendar: 'gregory' | 'islamic-umalqura',
  era = false,
): string {
  const { date, timeZone } = displayPoint(value);
  const options: Intl.DateTimeFormatOptions = { timeZone, year: 'numeric', month: 'long', day: 'numeric' };
  if (era) options.era = 'short';
  return dateFormat(localeTag(opts, calendar), options).format(date);
}

/** Gregorian date, e.g. "٢٦ نوفمبر ٢٠٢٦" or "26 November 2026". */
export function formatGregorian(value: Date | string, opts: DateDisplay): string {
  return formatCalendar(value, opts, 'gregory');
}

/** Umm al-Qura Hijri date, e.g. "١٦ جمادى الآخرة ١٤٤٨ هـ" or "16 Jumada II 1448 AH". */
export function formatHijri(value: Date | string, opts: DateDisplay): string {
  return formatCalendar(value, opts, 'islamic-umalqura');
}

/**
 * Hijri first, then the Gregorian date after an em dash, each with its era so neither can be mistaken for the
 * other: "١٦ جمادى الآخرة ١٤٤٨ هـ — ٢٦ نوفمبر ٢٠٢٦ م" / "16 Jumada II 1448 AH — 26 November 2026 AD".
 */
export function formatDual(value: Date | string, opts: DateDisplay): string {
  return `${formatHijri(value, opts)} — ${formatCalendar(value, opts, 'gregory', true)}`;
}

/** Gregorian date and 12-hour time in Riyadh, e.g. "٢٦ نوفمبر ٢٠٢٦ في ١٢:٠٥ م". */
export function formatDateTime(instant: Date | string, opts: DateDisplay): string {
  return dateFormat(localeTag(opts, 'gregory'), {
    timeZone: RIYADH_TZ,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h12',
  }).format(toInstant(instant));
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/**
 * How long ago or ahead an instant is, e.g. "قبل ٣ أيام", "أمس", "خلال ساعتين". Under a day it counts seconds,
 * minutes or hours; from a day on it counts calendar days in Riyadh (so "yesterday" means the Riyadh date before),
 * then months (30 days) and years (365 days).
 */
export function formatRelative(instant: Date | string, now: Date, opts: DateDisplay): string {
  const tag = localeTag(opts);
  let format = relativeFormats.get(tag);
  if (!format) {
    format = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
    relativeFormats.set(tag, format);
  }
  const seconds = (toInstant(instant).getTime() - toInstant(now).getTime()) / 1000;
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(Math.trunc(seconds), 'second');
  if (abs < 3600) return format.format(Math.trunc(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.trunc(seconds / 3600), 'hour');
  const days = requireDayNumber(riyadhDate(instant)) - requireDayNumber(riyadhDate(now));
  if (Math.abs(days) < 30) return format.format(days, 'day');
  if (Math.abs(days) < 365) return format.format(Math.trunc(days / 30), 'month');
  return format.format(Math.trunc(days / 365), 'year');
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number with the locale's separators and the chosen digits, e.g. "١٬٢٣٤٫٥" or "1,234.5". */
export function formatNumber(n: number, opts: DateDisplay): string {
  const tag = localeTag(opts);
  let format = numberFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag);
    numberFormats.set(tag, format);
  }
  return format.format(n);
}

// --- Umm al-Qura conversion

function hijriOfDayNumber(days: number): HijriDate {
  const parts = dateFormat('en-u-ca-islamic-umalqura-nu-latn', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(new Date(days * DAY_MS));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** The Umm al-Qura Hijri date of a Gregorian calendar date. */
export function gregorianToHijri(isoDate: string): HijriDate {
  return hijriOfDayNumber(requireDayNumber(isoDate));
}

// Approximate days since the Hijri epoch (mean year 354.367 days, mean month 29.531 days); close enough that the
// difference between two nearby dates is off by at most a day or two.
function hijriSerial({ year, month, day }: HijriDate): number {
  return Math.floor((year - 1) * 354.36667) + Math.floor((month - 1) * 29.530589) + day;
}

const HIJRI_EPOCH = dayNumber(622, 7, 19) - 1; // 1 Muharram 1 AH is about 19 July 622 (proleptic Gregorian)

/**
 * The Gregorian ISO date of an Umm al-Qura date, or null when that date does not exist (day 30 of a 29-day
 * month, month 13, day 0 …). It estimates the day, then checks nearby days with Intl, so it agrees with Intl.
 */
export function hijriToGregorian(year: number, month: number, day: number): string | null {
  const target = { year, month, day };
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1 || year > MAX_HIJRI_YEAR || month < 1 || month > 12 || day < 1 || day > 30) return null;
  let guess = HIJRI_EPOCH + hijriSerial(target);
  for (let step = 0; step < 5; step++) {
    const delta = hijriSerial(target) - hijriSerial(hijriOfDayNumber(guess));
    if (delta === 0) break;
    guess += delta;
  }
  for (const offset of [0, -1, 1, -2, 2, -3, 3]) {
    const found = hijriOfDayNumber(guess + offset);
    if (found.year === year && found.month === month && found.day === day) return isoFromDayNumber(guess + offset);
  }
  return null;
}

/** A wall-clock time 'HH:MM' on the 12-hour clock the association's letters use: '13:30' → '1:30 م'. */
export function formatClock(hhmm: string, opts: DateDisplay): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  const text = `${hour}:${String(m).padStart(2, '0')}`;
  const suffix = opts.locale === 'ar' ? (h < 12 ? 'ص' : 'م') : h < 12 ? 'am' : 'pm';
  return `${opts.digits === 'arab' ? toArabicDigits(text) : text} ${suffix}`;
}

/** An agreed time window on one day: 'بين ٨:٠٠ ص و١٢:٠٠ م' / 'between 8:00 am and 12:00 pm'. */
export function formatWindow(window: { from: string; to: string }, opts: DateDisplay): string {
  const from = formatClock(window.from, opts);
  const to = formatClock(window.to, opts);
  return opts.locale === 'ar' ? `بين ${from} و${to}` : `between ${from} and ${to}`;
}

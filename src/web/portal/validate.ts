import { normalizeArabicCompact, toLatinDigits } from '../../common/arabic';
import { hijriToGregorian, parseIsoDate, riyadhDate } from '../../common/dates';
import { birthDateProblem } from '../../common/input';
import { localSaudiMobile, MOBILE_CHARACTERS, nationalIdError } from '../../common/national-id';
import type { Key } from './i18n';

/**
 * Checks made in the browser so a mistake is shown next to its field before the last step. They are deliberately
 * no stricter than the server's, which has the final word (its messages are shown when it disagrees).
 */
export type Errors = Record<string, string>;

/** Latin digits, no surrounding spaces: what is sent for numbers people type. */
export const clean = (value: string) => toLatinDigits(value).trim();

/** An ID or number typed with spaces or dashes ("1 234 567 890"): digits only. */
export const idDigits = (value: string) => clean(value).replace(/[\s-]/g, '');

/** The national ID rule shared with the server and the staff forms (common/saudi.ts), in the portal's words. */
export function nationalIdProblem(value: string): Key | null {
  const problem = nationalIdError(idDigits(value));
  const keys = {
    required: 'errors.required',
    digits: 'errors.nationalIdDigits',
    length: 'errors.nationalIdLength',
    first_digit: 'errors.nationalIdFirst',
    check_digit: 'errors.nationalIdCheck',
  } as const;
  return problem ? keys[problem] : null;
}

/** Which message a typed mobile number gets: letters or markup are named as such (common/saudi.ts rule). */
export function mobileProblem(value: string, required = true): Key | null {
  if (clean(value) === '') return required ? 'errors.required' : null;
  if (!MOBILE_CHARACTERS.test(clean(value))) return 'errors.mobileCharacters';
  return localMobile(value) ? null : 'errors.mobile';
}

/** A Saudi mobile number as "05XXXXXXXX", or null: the shared shape rule (common/national-id.ts). */
export const localMobile = localSaudiMobile;

/**
 * A whole number as people write it: Arabic-Indic or Latin digits, thousands separated by commas or spaces, and
 * money with its currency ("٣٥٠٠ ريال", "3,500 SAR", "3500 ر.س", "3500.00").
 */
export function wholeNumber(value: string, min: number, max: number): number | null {
  const text = clean(value)
    .replace(/ريال[اًٌ]*|ر\.?\s?س\.?|﷼|SAR|SR|riyals?|rials?/gi, '')
    .replace(/[,٬،\s]/g, '')
    .replace(/[.٫]0{1,2}$/, '');
  if (!/^\d{1,9}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

export type DateValue = { calendar: 'hijri' | 'gregorian'; day: string; month: string; year: string };

export const emptyDate = (calendar: DateValue['calendar'] = 'hijri'): DateValue => ({
  calendar,
  day: '',
  month: '',
  year: '',
});

const pad = (value: string) => clean(value).padStart(2, '0');

/** The date as typed, "YYYY-MM-DD" in its own calendar (what the server takes for a birth date). */
export function dateText(value: DateValue): string {
  return `${clean(value.year)}-${pad(value.month)}-${pad(value.day)}`;
}

/** The Gregorian ISO date of a typed date, or null when it does not exist. */
export function dateIso(value: DateValue): string | null {
  const year = Number(clean(value.year));
  const month = Number(clean(value.month));
  const day = Number(clean(value.day));
  if (!/^\d{4}$/.test(clean(value.year)) || !/^\d{1,2}$/.test(clean(value.day)) || !month) return null;
  return value.calendar === 'hijri' ? hijriToGregorian(year, month, day) : parseIsoDate(dateText(value));
}

export function dateProblem(value: DateValue): Key | null {
  if (!value.day.trim() && !value.month && !value.year.trim()) return 'errors.required';
  const iso = dateIso(value);
  if (!iso) return value.calendar === 'hijri' && /^\d{4}$/.test(clean(value.year)) ? 'errors.hijriDate' : 'errors.date';
  // The birth-date limits shared with the server and the staff forms (common/input.ts).
  const problem = birthDateProblem(iso, riyadhDate(new Date()));
  return problem === 'future' ? 'errors.futureDate' : problem === 'too_old' ? 'errors.birthTooOld' : null;
}

/** Whether a typed declaration name is the four-part name, however it is spaced or spelled with hamza forms. */
export function sameName(typed: string, expected: string): boolean {
  return normalizeArabicCompact(typed) === normalizeArabicCompact(expected);
}

export function textProblem(value: string, min: number): Key | null {
  const length = value.trim().length;
  if (length === 0) return 'errors.required';
  return length < min ? 'errors.name' : null;
}

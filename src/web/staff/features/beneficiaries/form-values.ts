import { toLatinDigits } from '../../../../common/arabic';
import { hijriToGregorian, parseIsoDate } from '../../../../common/dates';
import { SAUDI_BOUNDS } from '../../../../common/domain/beneficiary';

/** A whole number typed with Latin or Arabic-Indic digits (and thousands separators), or null. */
export function parseWhole(text: string): number | null {
  const clean = toLatinDigits(text)
    .replace(/[\s,٬]/g, '')
    .trim();
  if (!/^\d{1,9}$/.test(clean)) return null;
  return Number(clean);
}

/** A decimal coordinate typed with either digits (the Arabic decimal mark ٫ too), or null. */
export function parseDecimal(text: string): number | null {
  const clean = toLatinDigits(text).replace('٫', '.').trim();
  if (!/^-?\d{1,3}(\.\d+)?$/.test(clean)) return null;
  return Number(clean);
}

/** A birth date typed as day, month and year in either calendar, as the ISO Gregorian date; null if it does not exist. */
export function birthDateIso(calendar: 'gregorian' | 'hijri', day: string, month: string, year: string): string | null {
  const [d, m, y] = [parseWhole(day), parseWhole(month), parseWhole(year)];
  if (d === null || m === null || y === null) return null;
  if (calendar === 'hijri') return hijriToGregorian(y, m, d);
  return parseIsoDate(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** The date as the server takes it: YYYY-MM-DD in the chosen calendar. */
export function birthDateText(day: string, month: string, year: string): string {
  const pad = (text: string, width: number) => String(parseWhole(text) ?? 0).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export type PinCheck = 'empty' | 'ok' | 'partial' | 'invalid' | 'outside';

/** Whether the typed pin is usable: both coordinates, numbers, inside Saudi Arabia. */
export function checkPin(lat: string, lng: string): PinCheck {
  if (!lat.trim() && !lng.trim()) return 'empty';
  if (!lat.trim() || !lng.trim()) return 'partial';
  const [a, b] = [parseDecimal(lat), parseDecimal(lng)];
  if (a === null || b === null) return 'invalid';
  const inside =
    a >= SAUDI_BOUNDS.latMin && a <= SAUDI_BOUNDS.latMax && b >= SAUDI_BOUNDS.lngMin && b <= SAUDI_BOUNDS.lngMax;
  return inside ? 'ok' : 'outside';
}

/**
 * Numbers are typed left to right, but in the Arabic form they sit at the start (right) of their box, under
 * their label, like the other answers.
 */
export const numberInputClass = 'rtl:text-right';

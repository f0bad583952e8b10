// Saudi national ID / iqama numbers (Luhn) and the characters a mobile number may hold: no libphonenumber-js here,
// so the portal's bundle can check these without the phone metadata (see saudi.ts for mobile numbers).
import { toLatinDigits } from './arabic';

export type NationalIdKind = 'citizen' | 'resident';
export type NationalIdError = 'required' | 'digits' | 'length' | 'first_digit' | 'check_digit';
export type MobileError = 'required' | 'characters' | 'invalid';

/** What a mobile number may be written with: digits (Latin or Arabic-Indic), spaces, +, dashes and brackets. */
export const MOBILE_CHARACTERS = /^[0-9\u0660-\u0669\u06f0-\u06f9\s+\-()]+$/;

/**
 * A Saudi mobile number written any usual way (05…, 5…, +966…, 00966…, spaces, dashes, brackets, Arabic-Indic
 * digits), as "05XXXXXXXX"; null when it cannot be one. This is the shape only, light enough for the portal's
 * bundle: `normalizeSaudiMobile` (saudi.ts, with the phone metadata) decides on the server and staff forms whether
 * the number is a real mobile number.
 */
export function localSaudiMobile(input: string): string | null {
  const text = toLatinDigits(input).trim();
  if (!MOBILE_CHARACTERS.test(text)) return null;
  const match = /^(?:\+966|00966|966|0)?(5\d{8})$/.exec(text.replace(/[\s\-()]/g, ''));
  return match ? `0${match[1]}` : null;
}

/** Luhn sum over a digit string whose last digit is the check digit; valid when the sum is a multiple of 10. */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/**
 * Which rule a national ID / iqama number breaks, or null when it is valid: 'digits' when it holds anything but
 * digits (letters, signs, inner spaces), 'length' when it is digits but not ten of them. Arabic-Indic digits and
 * surrounding spaces are accepted. This is the one copy of the rule: the server's schemas, the staff forms and the
 * portal all call it.
 */
export function nationalIdError(input: string): NationalIdError | null {
  const id = toLatinDigits(input).trim();
  if (id === '') return 'required';
  if (!/^[0-9]+$/.test(id)) return 'digits';
  if (id.length !== 10) return 'length';
  if (id[0] !== '1' && id[0] !== '2') return 'first_digit';
  if (luhnSum(id) % 10 !== 0) return 'check_digit';
  return null;
}

/** The ten Latin digits of a valid national ID (starts with 1) or iqama (starts with 2), otherwise null. */
export function normalizeNationalId(input: string): string | null {
  return nationalIdError(input) === null ? toLatinDigits(input).trim() : null;
}

/** 'citizen' for a valid national ID, 'resident' for a valid iqama, null when the number is not valid. */
export function nationalIdKind(id: string): NationalIdKind | null {
  const normalized = normalizeNationalId(id);
  if (normalized === null) return null;
  return normalized[0] === '1' ? 'citizen' : 'resident';
}

/** Appends the Luhn check digit to nine digits (for tests, demo data and benchmarks). */
export function makeNationalId(prefix9: string): string {
  const prefix = toLatinDigits(prefix9);
  if (!/^[0-9]{9}$/.test(prefix)) throw new RangeError(`makeNationalId needs nine digits, got "${prefix9}"`);
  const check = (10 - (luhnSum(`${prefix}0`) % 10)) % 10;
  return `${prefix}${check}`;
}

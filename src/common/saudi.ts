// Saudi identifiers: national ID / iqama numbers (Luhn) and mobile numbers (libphonenumber-js).
import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';
import { toLatinDigits } from './arabic';
import { MOBILE_CHARACTERS, type MobileError } from './national-id';

export {
  localSaudiMobile,
  MOBILE_CHARACTERS,
  type MobileError,
  makeNationalId,
  type NationalIdError,
  type NationalIdKind,
  nationalIdError,
  nationalIdKind,
  normalizeNationalId,
} from './national-id';

/**
 * Which rule a mobile number breaks, or null when it is a valid Saudi mobile: 'characters' when it holds anything
 * but digits, spaces, +, dashes and brackets (letters or markup are refused, not dropped), 'invalid' when it is
 * not a Saudi mobile number. The one copy of the rule, for the server, the staff forms and the portal.
 */
export function mobileError(input: string): MobileError | null {
  const text = input.trim();
  if (text === '') return 'required';
  if (!MOBILE_CHARACTERS.test(text)) return 'characters';
  return normalizeSaudiMobile(text) === null ? 'invalid' : null;
}

/**
 * A Saudi mobile number in E.164 (+9665XXXXXXXX), or null when the input is not a valid Saudi mobile number
 * (landlines, toll-free and foreign numbers included). Accepts 05…, 5…, +966…, 00966…, spaces, dashes, brackets
 * and Arabic-Indic digits; any other character makes it invalid. libphonenumber-js decides validity and type; its
 * mobile-only metadata is used, so a number is valid only if it matches a mobile pattern.
 */
export function normalizeSaudiMobile(input: string): string | null {
  const text = toLatinDigits(input).trim();
  if (text === '' || !MOBILE_CHARACTERS.test(text)) return null;
  const phone = parsePhoneNumberFromString(text, 'SA');
  if (phone?.country !== 'SA' || !phone.isValid() || phone.getType() !== 'MOBILE') return null;
  return phone.number;
}

/**
 * The local display form "05X XXX XXXX" of a Saudi mobile number. Input that is not a valid Saudi mobile number
 * is returned unchanged, so a display never fails on old or foreign data.
 */
export function formatSaudiMobileLocal(e164: string): string {
  const normalized = normalizeSaudiMobile(e164);
  if (normalized === null) return e164;
  const national = `0${normalized.slice(4)}`;
  return `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
}

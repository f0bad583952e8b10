// Input rules shared by the server's schemas, the staff forms and the portal, so each rule has one copy:
// characters no text field takes, the range of dates the system works with, and the limits of a birth date.
// (National ID and mobile rules are in saudi.ts.)

/**
 * Control characters: C0 except tab, line feed and carriage return (which multi-line text keeps), DEL and C1.
 * PostgreSQL refuses U+0000 in text, and the others only hide or garble what staff read and export.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this rule's purpose
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/**
 * The paths ("a.0.b") of every string, and of every object key, in a parsed request part (body, query, route
 * parameters) that holds a control character. Depth is bounded; JSON bodies are small (1 MiB).
 */
export function controlCharacterPaths(value: unknown, path: string[] = [], found: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') {
    if (hasControlCharacters(value)) found.push(path.join('.'));
  } else if (Array.isArray(value)) {
    if (depth < 32) {
      for (const [i, item] of value.entries()) controlCharacterPaths(item, [...path, String(i)], found, depth + 1);
    }
  } else if (value !== null && typeof value === 'object' && depth < 32) {
    for (const [key, item] of Object.entries(value)) {
      if (hasControlCharacters(key)) found.push([...path, key.replace(CONTROL_CHARACTER, '?')].join('.'));
      else controlCharacterPaths(item, [...path, key], found, depth + 1);
    }
  }
  return found;
}

/**
 * The calendar dates the system stores and filters by. Anything outside (year 1, year 9999) is a typing mistake or
 * a probe, and would only fail deeper down (PostgreSQL has no year 0; JavaScript dates break past year 9999).
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2199-12-31' } as const;

/** Whether an ISO calendar date ("YYYY-MM-DD") or the date part of an ISO instant lies inside DATE_RANGE. */
export function dateInRange(iso: string): boolean {
  const day = iso.slice(0, 10);
  return day >= DATE_RANGE.min && day <= DATE_RANGE.max;
}

/** The earliest birth date taken (1 January 1900 = 29 Sha'ban 1317 AH): older is a typing mistake. */
export const BIRTH_DATE_MIN = '1900-01-01';

export type BirthDateProblem = 'future' | 'too_old';

/**
 * Which limit a birth date (ISO Gregorian, after any Hijri conversion, so both calendars share it) breaks:
 * after today (Riyadh) or before BIRTH_DATE_MIN. `today` is the Riyadh calendar date "YYYY-MM-DD".
 */
export function birthDateProblem(iso: string, today: string): BirthDateProblem | null {
  if (iso > today) return 'future';
  if (iso < BIRTH_DATE_MIN) return 'too_old';
  return null;
}

/** The longest "describe the water problem" an applicant may write on the portal (the form counts down to it). */
export const WATER_PROBLEM_MAX = 1000;

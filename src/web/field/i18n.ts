import ar from '../../common/i18n/ar/field.json';
import en from '../../common/i18n/en/field.json';

/** The field app's words: flat keys, both languages in the bundle (a few KB), Arabic first. */
export type FieldKey = keyof typeof ar;
export type FieldLang = 'ar' | 'en';
export type FieldDigits = 'arab' | 'latn';
const STORAGE_KEY = 'wasl.field.lang';
// The staff app's key: the digits chosen in the profile apply here too (remembered at its sign-in).
const DIGITS_KEY = 'wasl.digits';

let lang: FieldLang = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';
const storedDigits = localStorage.getItem(DIGITS_KEY);
let chosenDigits: FieldDigits | null = storedDigits === 'arab' || storedDigits === 'latn' ? storedDigits : null;
// Intl rather than the shared digit helpers: importing those would split them out of the portal's own chunk.
let digits = numberFormat();

/** Arabic-Indic digits in Arabic and Latin in English, unless the user chose otherwise in their profile. */
function numbering(): FieldDigits {
  return chosenDigits ?? (lang === 'ar' ? 'arab' : 'latn');
}

function locale(calendar = ''): string {
  return `${lang === 'ar' ? 'ar-SA' : 'en-GB'}-u-${calendar ? `ca-${calendar}-` : ''}nu-${numbering()}`;
}

function numberFormat() {
  return new Intl.NumberFormat(locale(), { useGrouping: false });
}

export function fieldLang(): FieldLang {
  return lang;
}

export function setFieldLang(next: FieldLang): void {
  lang = next;
  digits = numberFormat();
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  document.documentElement.dir = next === 'ar' ? 'rtl' : 'ltr';
}

/** The signed-in user's digits preference (from their session), kept for the next start without a signal. */
export function setFieldDigits(next: FieldDigits | null | undefined): void {
  if (next !== 'arab' && next !== 'latn') return;
  chosenDigits = next;
  digits = numberFormat();
  localStorage.setItem(DIGITS_KEY, next);
}

/** `{{name}}` replaced; numbers in the user's digits. */
export function tr(key: FieldKey, vars: Record<string, string | number> = {}): string {
  const template = (lang === 'en' ? en : ar)[key] ?? ar[key];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) return '';
    return typeof value === 'number' ? digits.format(value) : String(value);
  });
}

/** A calendar day (YYYY-MM-DD) as words, in the Gregorian calendar and the user's digits. */
export function dayText(day: string, withWeekday = true): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(locale('gregory'), {
    ...(withWeekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    ...(withWeekday ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  });
}

/** An instant as Riyadh's time of day (e.g. a visit's start), in the user's digits. */
export function timeText(iso: string): string {
  return new Date(iso).toLocaleTimeString(locale('gregory'), {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'Asia/Riyadh',
  });
}

/** An instant as Riyadh's date and time, in the user's digits. */
export function dateTimeText(iso: string): string {
  return new Date(iso).toLocaleString(locale('gregory'), {
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'Asia/Riyadh',
  });
}

/** Today in Riyadh (UTC+3 all year), as the server's calendar counts it. */
export function todayInRiyadh(): string {
  return new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);
}

import ar from '../../common/i18n/ar/field.json';
import en from '../../common/i18n/en/field.json';

/** The field app's words: flat keys, both languages in the bundle (a few KB), Arabic first. */
export type FieldKey = keyof typeof ar;
export type FieldLang = 'ar' | 'en';
const STORAGE_KEY = 'wasl.field.lang';

let lang: FieldLang = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';
// Intl rather than the shared digit helpers: importing those would split them out of the portal's own chunk.
let digits = new Intl.NumberFormat(lang === 'ar' ? 'ar-SA' : 'en-GB', { useGrouping: false });

export function fieldLang(): FieldLang {
  return lang;
}

export function setFieldLang(next: FieldLang): void {
  lang = next;
  digits = new Intl.NumberFormat(next === 'ar' ? 'ar-SA' : 'en-GB', { useGrouping: false });
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  document.documentElement.dir = next === 'ar' ? 'rtl' : 'ltr';
}

/** `{{name}}` replaced; numbers in Arabic-Indic digits in Arabic. */
export function tr(key: FieldKey, vars: Record<string, string | number> = {}): string {
  const template = (lang === 'en' ? en : ar)[key] ?? ar[key];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) return '';
    return typeof value === 'number' ? digits.format(value) : String(value);
  });
}

/** Today in Riyadh (UTC+3 all year), as the server's calendar counts it. */
export function todayInRiyadh(): string {
  return new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);
}

import { toArabicDigits } from '../../common/arabic';
import ar from '../../common/i18n/ar/field.json';
import en from '../../common/i18n/en/field.json';

/** The field app's words: flat keys, both languages in the bundle (a few KB), Arabic first. */
export type FieldKey = keyof typeof ar;
export type FieldLang = 'ar' | 'en';
const STORAGE_KEY = 'wasl.field.lang';

let lang: FieldLang = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';

export function fieldLang(): FieldLang {
  return lang;
}

export function setFieldLang(next: FieldLang): void {
  lang = next;
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
    return lang === 'ar' && typeof value === 'number' ? toArabicDigits(String(value)) : String(value);
  });
}

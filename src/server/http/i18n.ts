import { toArabicDigits } from '../../common/arabic';
import ar from '../../common/i18n/ar/errors.json';
import en from '../../common/i18n/en/errors.json';

export type Lang = 'ar' | 'en';
const MESSAGES: Record<Lang, Record<string, string>> = { ar, en };

/** Arabic unless the caller prefers English first. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ar';
}

export function translate(lang: Lang, key: string, vars: Record<string, unknown> = {}): string {
  const template = MESSAGES[lang][key] ?? MESSAGES.ar[key] ?? MESSAGES[lang].internal ?? key;
  // Numbers inside Arabic messages are written in Arabic-Indic digits, like the rest of the Arabic UI.
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = String(vars[name] ?? '');
    return lang === 'ar' ? toArabicDigits(value) : value;
  });
}

export function hasMessage(key: string): boolean {
  return key in MESSAGES.ar;
}

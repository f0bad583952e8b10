import app from 'virtual:portal-strings/app';
import errors from 'virtual:portal-strings/errors';
import home from 'virtual:portal-strings/home';
import notFound from 'virtual:portal-strings/notFound';
import { toArabicDigits } from '../../common/arabic';
import type { DateDisplay } from '../../common/dates';
import type arAll from '../../common/i18n/ar/portal.json';

/**
 * The portal's own tiny translation. Arabic (the source) comes in sections: the home page's ship in the main
 * bundle, and each page's module registers its own (`addStrings`), so they travel in that page's chunk (the
 * first-load budget, docs/benchmarks.md). English is loaded whole, only when asked for. `t('home.title')` looks a
 * dotted key up; `{{name}}` is replaced, numbers in the reader's digits.
 */
type Dict = typeof arAll;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type Key = Leaves<Dict>;
export type Lang = 'ar' | 'en';

const STORAGE_KEY = 'wasl.portal.lang';
let lang: Lang = 'ar';
const ar: Partial<Record<keyof Dict, unknown>> = { app, errors, home, notFound };
let dict: Partial<Record<keyof Dict, unknown>> = ar;

/** Registers Arabic sections a page needs; called at the top of each page's module, before it renders. */
export function addStrings(sections: Partial<Record<keyof Dict, Record<string, unknown>>>): void {
  Object.assign(ar, sections);
}

function lookup(source: unknown, key: string): string | undefined {
  let node = source;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const template = lookup(dict, key) ?? lookup(ar, key) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) return '';
    return typeof value === 'number' ? num(value) : value;
  });
}

/** A list kept in one string, split at "|" (month names). */
export function list(key: Key): string[] {
  return t(key).split('|');
}

/** A number in the reader's digits: Arabic-Indic in Arabic, Latin in English. */
export function num(value: number | string): string {
  return lang === 'ar' ? toArabicDigits(String(value)) : String(value);
}

export function currentLang(): Lang {
  return lang;
}

export function dateDisplay(): DateDisplay {
  return lang === 'ar' ? { locale: 'ar', digits: 'arab' } : { locale: 'en', digits: 'latn' };
}

export function storedLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

/** Switches the language (fetching English the first time), the page direction, and remembers the choice. */
export async function loadLang(next: Lang): Promise<void> {
  dict = next === 'en' ? (await import('../../common/i18n/en/portal.json')).default : ar;
  lang = next;
  document.documentElement.lang = next;
  document.documentElement.dir = next === 'ar' ? 'rtl' : 'ltr';
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Storage may be off (private mode): the choice still holds for this visit.
  }
}

import arCore from 'virtual:ui-strings/ar-core';
import i18next from 'i18next';
import { type ComponentType, lazy } from 'react';
import { initReactI18next } from 'react-i18next';

export type UiLocale = 'ar' | 'en';
export type UiDigits = 'arab' | 'latn';

/**
 * Arabic is the source language; English is the translation. The first download carries only the Arabic strings of
 * the sign-in page, the shell and the home page (src/web/staff/strings-core.json); the rest of the Arabic comes with
 * the first other page (lazyPage), the English when it is chosen (issue 19: the whole ui.json was a third of the
 * first download). Both stay one source file each; vite.config.ts (uiStrings) cuts them.
 */
export const UI_LOCALES: readonly UiLocale[] = ['ar', 'en'];
export const defaultNS = 'ui';

let arabicRest: Promise<void> | undefined;
let english: Promise<void> | undefined;

/** The Arabic strings outside the core; once loaded, every key resolves (English falls back to them). */
export function loadAllStrings(): Promise<void> {
  arabicRest ??= import('virtual:ui-strings/ar-rest').then(({ default: rest }) => {
    i18n.addResourceBundle('ar', defaultNS, rest, true, false);
  });
  return arabicRest;
}

function loadEnglish(): Promise<void> {
  english ??= import('virtual:ui-strings/en').then(({ default: en }) => {
    i18n.addResourceBundle('en', defaultNS, en, true, true);
  });
  return english;
}

/** React.lazy for a page: its code and the strings outside the core are fetched at the same time. */
// biome-ignore lint/suspicious/noExplicitAny: the same bound as React.lazy's own signature
export function lazyPage<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  return lazy(async () => (await Promise.all([load(), loadAllStrings()]))[0]);
}

const STORAGE_LOCALE = 'wasl.locale';
const STORAGE_DIGITS = 'wasl.digits';

export function isUiLocale(value: unknown): value is UiLocale {
  return value === 'ar' || value === 'en';
}

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode or storage disabled: the preference still applies for this page load.
  }
}

/** The language shown before anyone signs in: the last one used on this device, otherwise Arabic. */
function initialLocale(): UiLocale {
  const stored = readStored(STORAGE_LOCALE);
  return isUiLocale(stored) ? stored : 'ar';
}

/** Digits remembered on this device for the sign-in page; a signed-in user's preference overrides them. */
export function storedDigits(locale: UiLocale): UiDigits {
  const stored = readStored(STORAGE_DIGITS);
  if (stored === 'arab' || stored === 'latn') return stored;
  return locale === 'ar' ? 'arab' : 'latn';
}

export function rememberDigits(digits: UiDigits): void {
  writeStored(STORAGE_DIGITS, digits);
}

function applyToDocument(locale: UiLocale): void {
  const root = document.documentElement;
  root.lang = locale;
  root.dir = locale === 'ar' ? 'rtl' : 'ltr';
}

export const i18n = i18next.createInstance();

const startLocale = initialLocale();
void i18n.use(initReactI18next).init({
  resources: { ar: { [defaultNS]: arCore } },
  // English starts once its strings have come (stringsReady); until then nothing is rendered.
  lng: 'ar',
  fallbackLng: 'ar',
  supportedLngs: [...UI_LOCALES],
  ns: [defaultNS],
  defaultNS,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

applyToDocument(currentLocale());
i18n.on('languageChanged', (lng) => {
  const locale = isUiLocale(lng) ? lng : 'ar';
  applyToDocument(locale);
  writeStored(STORAGE_LOCALE, locale);
});

/** Resolves when the language remembered on this device can be shown; main.tsx renders after it. */
export const stringsReady: Promise<void> =
  startLocale === 'en' ? setLocale('en').catch(() => undefined) : Promise.resolve();

export function currentLocale(): UiLocale {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isUiLocale(lng) ? lng : 'ar';
}

/** Switch the interface language; `<html lang dir>` follows through the languageChanged listener. */
export async function setLocale(locale: UiLocale): Promise<void> {
  if (locale === 'en') await loadEnglish();
  if (currentLocale() !== locale) await i18n.changeLanguage(locale);
}

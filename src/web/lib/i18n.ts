import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from '../../common/i18n/ar/ui.json';
import en from '../../common/i18n/en/ui.json';

export type UiLocale = 'ar' | 'en';
export type UiDigits = 'arab' | 'latn';

/** Arabic is the source language; English is the translation. Both bundles are small, so both ship inline. */
export const UI_LOCALES: readonly UiLocale[] = ['ar', 'en'];
export const defaultNS = 'ui';
export const resources = { ar: { ui: ar }, en: { ui: en } } as const;

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

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
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

export function currentLocale(): UiLocale {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isUiLocale(lng) ? lng : 'ar';
}

/** Switch the interface language; `<html lang dir>` follows through the languageChanged listener. */
export async function setLocale(locale: UiLocale): Promise<void> {
  if (currentLocale() !== locale) await i18n.changeLanguage(locale);
}

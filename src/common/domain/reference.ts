/**
 * References as people type them: with or without the `APP-`/`C-` prefix, with spaces, slashes or no
 * separators, in Arabic-Indic or Latin digits. `APP-2026-00012`, `app 2026 12`, `٢٠٢٦-١٢` and `2026/00012` are
 * the same application. Returns the stored form, or null when it cannot be one.
 */
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';

export function latinDigits(value: string): string {
  return value.replace(/[٠-٩۰-۹]/g, (d) => {
    const a = ARABIC_INDIC.indexOf(d);
    return String(a >= 0 ? a : PERSIAN.indexOf(d));
  });
}

export function normalizeReference(input: string, prefix: 'APP' | 'C'): string | null {
  const text = latinDigits(input)
    .toUpperCase()
    .replace(/[\s\u200e\u200f\u061c]+/g, '');
  const match = /^(?:([A-Z]{1,5})[-_/.]?)?(\d{4})[-_/.]?(\d{1,6})$/.exec(text);
  if (!match) return null;
  const [, given, year, seq] = match;
  if (given && given !== prefix) return null;
  if (Number(seq) === 0) return null;
  return `${prefix}-${year}-${seq!.padStart(5, '0')}`;
}

/** Digits and separators only: the shape of a short code typed or read aloud (e.g. "4821 0937"). */
export function digitsOnly(input: string): string {
  return latinDigits(input).replace(/[\s\-_.\u200e\u200f]/g, '');
}

// Arabic text helpers shared by the server and the browser: digit conversion and normalisation for search.

const ARABIC_INDIC_ZERO = 0x0660; // ٠
const EASTERN_ARABIC_INDIC_ZERO = 0x06f0; // ۰ (Persian/Urdu forms)

/** Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits to Latin 0-9; everything else is kept. */
export function toLatinDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (ch) => {
    const code = ch.charCodeAt(0);
    const zero = code >= EASTERN_ARABIC_INDIC_ZERO ? EASTERN_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/** Latin 0-9 to Arabic-Indic ٠-٩; everything else is kept. */
export function toArabicDigits(s: string): string {
  return s.replace(/[0-9]/g, (ch) => String.fromCharCode(ARABIC_INDIC_ZERO + Number(ch)));
}

// Tashkeel and other marks (U+064B–U+065F, which also covers the combining hamza and madda), the superscript
// alef, Quranic annotation marks, tatweel, and invisible format characters (zero-width and bidi marks that
// copy-pasted text and Intl output carry) — none of them changes which word is meant.
const REMOVED = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/g;

// Letters people write interchangeably. Persian yeh and keheh come from Persian keyboard layouts.
const LETTER_MAP: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ئ: 'ي',
  ؤ: 'و',
  ة: 'ه',
  ک: 'ك',
};
const MAPPED = /[أإآٱىیئؤةک]/g;

// Compound names with "عبد" (عبد الله, عبد الرحمن) are written both with and without the space. When "عبد" is
// a separate word followed by another word, the space after it is dropped so both spellings match.
const ABD_PREFIX = /(?<=^| )عبد (?=\S)/g;
// Kunyas with "ابو" (أبو بكر, ابو زيد) are written joined and spaced alike; after alef normalisation the same rule
// joins "ابو" to the word after it.
const ABU_PREFIX = /(?<=^| )ابو (?=\S)/g;

/**
 * Normalises Arabic (and mixed) text for search and matching: removes diacritics, tatweel and invisible
 * marks; unifies alef, yaa, taa marbuta, and hamza-on-waw/yaa forms; converts digits to Latin; lowercases
 * Latin; collapses whitespace; joins "عبد" and "ابو" with the word after it. The result is stable: normalising it again
 * changes nothing.
 */
export function normalizeArabic(s: string): string {
  return toLatinDigits(s)
    .replace(REMOVED, '')
    .replace(MAPPED, (ch) => LETTER_MAP[ch] ?? ch)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(ABD_PREFIX, 'عبد')
    .replace(ABU_PREFIX, 'ابو');
}

/** The words of a normalised text, for matching words in any order. */
export function nameTokens(s: string): string[] {
  const norm = normalizeArabic(s);
  return norm === '' ? [] : norm.split(' ');
}

/**
 * A word without its definite article (القحطاني → قحطاني), for comparing family names written with and without
 * it. Short words are kept whole so that a name such as "الي" is not cut to one letter.
 */
export function withoutArticle(word: string): string {
  return word.startsWith('ال') && word.length > 4 ? word.slice(2) : word;
}

/** `normalizeArabic` with every space removed, to match names however they are spaced. */
export function normalizeArabicCompact(s: string): string {
  return normalizeArabic(s).replace(/ /g, '');
}

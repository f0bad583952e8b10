import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nameTokens,
  normalizeArabic,
  normalizeArabicCompact,
  toArabicDigits,
  toLatinDigits,
  withoutArticle,
} from './arabic';

const FORBIDDEN_IN_OUTPUT = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640أإآٱىةؤئ\u0660-\u0669\u06f0-\u06f9]/;

// Arabic letters (including every form the normaliser rewrites), marks, tatweel, digits and spaces.
const arabicChar = fc.constantFrom(
  ...'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيٱیک',
  ...'\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u06d6\u06ed\u0640',
  ...'٠١٢٣٤٥٦٧٨٩۰۴۹0123456789',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u200f',
  'عبد ',
  'ابو ',
  'أبو ',
);
const arabicText = fc.array(arabicChar, { maxLength: 40 }).map((parts) => parts.join(''));

describe('toLatinDigits', () => {
  it('converts Arabic-Indic digits', () => {
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });

  it('converts Eastern Arabic-Indic (Persian) digits', () => {
    expect(toLatinDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('keeps other characters', () => {
    expect(toLatinDigits('رقم ١٢ و 34 - abc')).toBe('رقم 12 و 34 - abc');
  });
});

describe('toArabicDigits', () => {
  it('converts Latin digits to Arabic-Indic', () => {
    expect(toArabicDigits('0123456789')).toBe('٠١٢٣٤٥٦٧٨٩');
    expect(toArabicDigits('الطلب 2026/15')).toBe('الطلب ٢٠٢٦/١٥');
  });

  it('round-trips with toLatinDigits', () => {
    fc.assert(fc.property(fc.string(), (s) => toLatinDigits(toArabicDigits(toLatinDigits(s))) === toLatinDigits(s)));
  });
});

describe('normalizeArabic', () => {
  it('unifies alef with hamza above', () => {
    expect(normalizeArabic('أحمد')).toBe(normalizeArabic('احمد'));
    expect(normalizeArabic('أحمد')).toBe('احمد');
  });

  it('unifies alef with hamza below, madda and wasla', () => {
    expect(normalizeArabic('إبراهيم')).toBe('ابراهيم');
    expect(normalizeArabic('آمنة')).toBe('امنه');
    expect(normalizeArabic('ٱلله')).toBe('الله');
  });

  it('unifies decomposed hamza and madda (combining marks) with the composed letters', () => {
    expect(normalizeArabic('\u0627\u0654حمد')).toBe(normalizeArabic('أحمد'));
    expect(normalizeArabic('\u0627\u0653منة')).toBe(normalizeArabic('آمنة'));
  });

  it('maps alef maqsura to yaa', () => {
    expect(normalizeArabic('ليلى')).toBe('ليلي');
    expect(normalizeArabic('مصطفى')).toBe(normalizeArabic('مصطفي'));
  });

  it('maps taa marbuta to haa', () => {
    expect(normalizeArabic('فاطمة')).toBe('فاطمه');
  });

  it('maps hamza on waw and on yaa', () => {
    expect(normalizeArabic('مؤمن')).toBe('مومن');
    expect(normalizeArabic('هائل')).toBe('هايل');
  });

  it('maps Persian yeh and keheh', () => {
    expect(normalizeArabic('علی')).toBe('علي');
    expect(normalizeArabic('کريم')).toBe('كريم');
  });

  it('removes diacritics', () => {
    expect(normalizeArabic('مُحَمَّد')).toBe('محمد');
    expect(normalizeArabic('كِتَابٌ')).toBe('كتاب');
  });

  it('removes superscript alef and Quranic marks', () => {
    expect(normalizeArabic('الرَّحْمٰن')).toBe('الرحمن');
    expect(normalizeArabic('العالمين\u06d6')).toBe('العالمين');
  });

  it('removes tatweel', () => {
    expect(normalizeArabic('مـــحمد')).toBe('محمد');
  });

  it('removes invisible bidi and zero-width marks', () => {
    expect(normalizeArabic('\u200fسارة\u200c\u200b')).toBe('ساره');
  });

  it('converts Arabic-Indic digits to Latin', () => {
    expect(normalizeArabic('١٢٣')).toBe('123');
    expect(normalizeArabic('۱۲۳')).toBe('123');
  });

  it('lowercases Latin letters', () => {
    expect(normalizeArabic('Ahmed AL-Qahtani')).toBe('ahmed al-qahtani');
  });

  it('collapses whitespace and trims', () => {
    expect(normalizeArabic('  محمد \t\n  علي\u00a0 ')).toBe('محمد علي');
    expect(normalizeArabic('   ')).toBe('');
    expect(normalizeArabic('')).toBe('');
  });

  it('joins "عبد" with the following word', () => {
    expect(normalizeArabic('عبد الله')).toBe('عبدالله');
    expect(normalizeArabic('عبدالله')).toBe('عبدالله');
    expect(normalizeArabic('محمد عبد   الرحمن  السالم')).toBe('محمد عبدالرحمن السالم');
    expect(normalizeArabic('عَبْدُ الله')).toBe('عبدالله');
  });

  it('leaves "عبد" alone when it is not a separate word or has no word after it', () => {
    expect(normalizeArabic('العبد الصالح')).toBe('العبد الصالح');
    expect(normalizeArabic('محمد عبد')).toBe('محمد عبد');
    expect(normalizeArabic('عبده علي')).toBe('عبده علي');
  });

  it('joins "ابو" (any alef) with the following word, so أبو بكر and ابوبكر match', () => {
    expect(normalizeArabic('أبو بكر')).toBe('ابوبكر');
    expect(normalizeArabic('ابوبكر')).toBe('ابوبكر');
    expect(normalizeArabic('محمد ابو  زيد')).toBe('محمد ابوزيد');
    expect(normalizeArabic('ابو عبد الله')).toBe('ابوعبدالله');
    expect(normalizeArabic('الابو بكر')).toBe('الابو بكر');
    expect(normalizeArabic('سعد ابو')).toBe('سعد ابو');
  });

  it('splits a name into normalised words and drops the article only from long words', () => {
    expect(nameTokens(' سعد  أبو بكر القحطانى ')).toEqual(['سعد', 'ابوبكر', 'القحطاني']);
    expect(nameTokens('')).toEqual([]);
    expect(withoutArticle('القحطاني')).toBe('قحطاني');
    expect(withoutArticle('الي')).toBe('الي');
    expect(withoutArticle('سعد')).toBe('سعد');
  });

  it('matches a full name written in different ways', () => {
    expect(normalizeArabic('عبدُ الله بن أحمد آل سعود')).toBe(normalizeArabic('عبدالله بن احمد ال سعود'));
  });

  it('is idempotent on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => normalizeArabic(normalizeArabic(s)) === normalizeArabic(s)),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => normalizeArabic(normalizeArabic(s)) === normalizeArabic(s)),
    );
  });

  it('is idempotent on Arabic text', () => {
    fc.assert(fc.property(arabicText, (s) => normalizeArabic(normalizeArabic(s)) === normalizeArabic(s)));
  });

  it('never outputs diacritics, tatweel, alef/hamza variants or Arabic-Indic digits', () => {
    fc.assert(fc.property(arabicText, (s) => !FORBIDDEN_IN_OUTPUT.test(normalizeArabic(s))));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => !FORBIDDEN_IN_OUTPUT.test(normalizeArabic(s))));
  });

  it('never outputs leading, trailing or repeated whitespace', () => {
    fc.assert(
      fc.property(arabicText, (s) => {
        const out = normalizeArabic(s);
        return out === out.trim() && !/\s{2}|[^\S ]/.test(out);
      }),
    );
  });
});

describe('normalizeArabicCompact', () => {
  it('removes all spaces after normalising', () => {
    expect(normalizeArabicCompact(' أبو  بكر ')).toBe('ابوبكر');
    expect(normalizeArabicCompact('ابو بكر')).toBe(normalizeArabicCompact('أبوبكر'));
  });

  it('never contains whitespace and is idempotent', () => {
    fc.assert(
      fc.property(arabicText, (s) => {
        const out = normalizeArabicCompact(s);
        return !/\s/.test(out) && normalizeArabicCompact(out) === out;
      }),
    );
  });

  it('ignores spacing differences', () => {
    fc.assert(
      fc.property(arabicText, (s) => normalizeArabicCompact(s) === normalizeArabicCompact(s.replace(/\s+/g, ''))),
    );
  });
});

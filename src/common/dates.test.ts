import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type DateDisplay,
  formatDateTime,
  formatDual,
  formatGregorian,
  formatHijri,
  formatNumber,
  formatRelative,
  gregorianToHijri,
  hijriToGregorian,
  parseIsoDate,
  RIYADH_TZ,
  riyadhDate,
} from './dates';

const AR: DateDisplay = { locale: 'ar', digits: 'arab' };
const AR_LATN: DateDisplay = { locale: 'ar', digits: 'latn' };
const EN: DateDisplay = { locale: 'en', digits: 'latn' };
const EN_ARAB: DateDisplay = { locale: 'en', digits: 'arab' };

const ARABIC_DIGIT = /[٠-٩]/;
const LATIN_DIGIT = /[0-9]/;

// Pairs checked against Intl (ICU 78) with the islamic-umalqura calendar before being written down.
const KNOWN: [string, number, number, number][] = [
  ['2026-11-26', 1448, 6, 16],
  ['2026-02-18', 1447, 9, 1], // 1 Ramadan 1447
  ['2026-03-20', 1447, 10, 1], // 1 Shawwal 1447
  ['2026-01-19', 1447, 7, 30], // Rajab 1447 has 30 days
  ['2026-06-15', 1447, 12, 29], // Dhu al-Hijjah 1447 has 29 days
  ['2026-06-16', 1448, 1, 1], // 1 Muharram 1448
  ['2026-05-27', 1447, 12, 10],
  ['2025-06-26', 1447, 1, 1],
  ['2024-03-11', 1445, 9, 1],
  ['2024-02-29', 1445, 8, 19],
  ['2000-01-01', 1420, 9, 24],
];

// Any calendar date between 1930 and 2075 (inside the Umm al-Qura tables).
const isoDateArb = fc.integer({ min: 0, max: 53_000 }).map((n) => addDays('1930-01-01', n));

describe('RIYADH_TZ', () => {
  it('is the IANA zone', () => {
    expect(RIYADH_TZ).toBe('Asia/Riyadh');
  });
});

describe('parseIsoDate', () => {
  it('accepts real calendar dates', () => {
    expect(parseIsoDate('2026-11-26')).toBe('2026-11-26');
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('2000-02-29')).toBe('2000-02-29');
    expect(parseIsoDate('0001-01-01')).toBe('0001-01-01');
    expect(parseIsoDate('9999-12-31')).toBe('9999-12-31');
  });

  it('accepts Arabic-Indic digits and surrounding spaces', () => {
    expect(parseIsoDate('٢٠٢٦-١١-٢٦')).toBe('2026-11-26');
    expect(parseIsoDate(' 2026-11-26 ')).toBe('2026-11-26');
  });

  it('rejects impossible dates', () => {
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('1900-02-29')).toBeNull();
    expect(parseIsoDate('2026-04-31')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2026-00-10')).toBeNull();
    expect(parseIsoDate('2026-01-00')).toBeNull();
    expect(parseIsoDate('0000-01-01')).toBeNull();
  });

  it('rejects other shapes', () => {
    for (const s of ['', '2026-1-5', '26-11-2026', '2026/11/26', '2026-11-26T00:00:00Z', '20261126', 'yesterday']) {
      expect(parseIsoDate(s)).toBeNull();
    }
  });

  it('accepts exactly what it produces', () => {
    fc.assert(fc.property(isoDateArb, (d) => parseIsoDate(d) === d));
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        const parsed = parseIsoDate(s);
        return parsed === null || parseIsoDate(parsed) === parsed;
      }),
    );
  });
});

describe('addDays', () => {
  it('crosses February in a leap year', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('crosses February in a common year and in 1900', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
  });

  it('crosses the end of the year', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('crosses month ends and handles zero', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-04-30', 1)).toBe('2026-05-01');
    expect(addDays('2026-11-26', 0)).toBe('2026-11-26');
    expect(addDays('2026-11-26', 30)).toBe('2026-12-26');
  });

  it('keeps years below 100 as they are', () => {
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
  });

  it('throws on bad input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-11-26', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('is consistent: adding a then b equals adding a + b, and subtracting undoes adding', () => {
    const delta = fc.integer({ min: -2000, max: 2000 });
    fc.assert(
      fc.property(isoDateArb, delta, delta, (d, a, b) => {
        return addDays(addDays(d, a), b) === addDays(d, a + b) && addDays(addDays(d, a), -a) === d;
      }),
    );
  });

  it('the next day is always a valid date and later', () => {
    fc.assert(fc.property(isoDateArb, (d) => addDays(d, 1) > d && parseIsoDate(addDays(d, 1)) !== null));
  });
});

describe('riyadhDate', () => {
  it('changes date at 21:00 UTC (midnight in Riyadh)', () => {
    expect(riyadhDate('2026-11-26T20:59:59Z')).toBe('2026-11-26');
    expect(riyadhDate('2026-11-26T21:00:00Z')).toBe('2026-11-27');
    expect(riyadhDate(new Date('2026-12-31T21:00:00.000Z'))).toBe('2027-01-01');
  });

  it('is three hours ahead of UTC all year (no daylight saving)', () => {
    expect(riyadhDate('2026-06-30T20:59:59Z')).toBe('2026-06-30');
    expect(riyadhDate('2026-06-30T21:00:00Z')).toBe('2026-07-01');
    expect(riyadhDate('2026-03-01T00:00:00+03:00')).toBe('2026-03-01');
  });

  it('agrees with UTC shifted by three hours', () => {
    const instant = fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2070, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(
        instant,
        (at) => riyadhDate(at) === new Date(at.getTime() + 3 * 3_600_000).toISOString().slice(0, 10),
      ),
    );
  });

  it('throws on an invalid instant', () => {
    expect(() => riyadhDate('not a date')).toThrow(RangeError);
    expect(() => riyadhDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('Gregorian ↔ Umm al-Qura conversion', () => {
  it.each(KNOWN)('%s is %i-%i-%i AH', (iso, year, month, day) => {
    expect(gregorianToHijri(iso)).toEqual({ year, month, day });
    expect(hijriToGregorian(year, month, day)).toBe(iso);
  });

  it('returns null for Hijri dates that do not exist', () => {
    expect(hijriToGregorian(1447, 8, 30)).toBeNull(); // Sha'ban 1447 has 29 days
    expect(hijriToGregorian(1447, 12, 30)).toBeNull(); // Dhu al-Hijjah 1447 has 29 days
    expect(hijriToGregorian(1447, 13, 1)).toBeNull();
    expect(hijriToGregorian(1447, 0, 1)).toBeNull();
    expect(hijriToGregorian(1447, 9, 0)).toBeNull();
    expect(hijriToGregorian(1447, 9, 31)).toBeNull();
    expect(hijriToGregorian(1447, 9, 1.5)).toBeNull();
    expect(hijriToGregorian(0, 1, 1)).toBeNull();
    expect(hijriToGregorian(Number.NaN, 1, 1)).toBeNull();
  });

  it('accepts the last day of a 30-day month', () => {
    expect(hijriToGregorian(1447, 7, 30)).toBe('2026-01-19');
    expect(hijriToGregorian(1447, 9, 30)).toBe('2026-03-19');
  });

  it('round-trips every day from 2020 to 2030', () => {
    let day = '2020-01-01';
    while (day < '2031-01-01') {
      const { year, month, day: d } = gregorianToHijri(day);
      expect(hijriToGregorian(year, month, d)).toBe(day);
      day = addDays(day, 1);
    }
  });

  it('round-trips any date (Gregorian → Hijri → Gregorian)', () => {
    fc.assert(
      fc.property(isoDateArb, (iso) => {
        const h = gregorianToHijri(iso);
        return hijriToGregorian(h.year, h.month, h.day) === iso;
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any existing Hijri date (Hijri → Gregorian → Hijri)', () => {
    const hijri = fc.record({
      year: fc.integer({ min: 1350, max: 1500 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(hijri, (h) => {
        const iso = hijriToGregorian(h.year, h.month, h.day);
        // Days 1–29 always exist; day 30 exists only in 30-day months.
        if (iso === null) return h.day === 30 && hijriToGregorian(h.year, h.month, 29) !== null;
        return JSON.stringify(gregorianToHijri(iso)) === JSON.stringify(h);
      }),
      { numRuns: 500 },
    );
  });

  it('consecutive Gregorian days are consecutive Hijri days', () => {
    fc.assert(
      fc.property(isoDateArb, (iso) => {
        const a = gregorianToHijri(iso);
        const b = gregorianToHijri(addDays(iso, 1));
        if (b.day !== 1) return b.year === a.year && b.month === a.month && b.day === a.day + 1;
        const monthEnded = a.day === 29 || a.day === 30;
        return monthEnded && (a.month === 12 ? b.year === a.year + 1 && b.month === 1 : b.month === a.month + 1);
      }),
    );
  });

  it('gregorianToHijri throws on an invalid date', () => {
    expect(() => gregorianToHijri('2026-02-30')).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it('formats a Gregorian calendar date', () => {
    expect(formatGregorian('2026-11-26', AR)).toBe('٢٦ نوفمبر ٢٠٢٦');
    expect(formatGregorian('2026-11-26', AR_LATN)).toBe('26 نوفمبر 2026');
    expect(formatGregorian('2026-11-26', EN)).toBe('26 November 2026');
  });

  it('formats an ISO calendar date as that date, not shifted by a time zone', () => {
    expect(formatGregorian('2026-01-01', EN)).toBe('1 January 2026');
    expect(formatGregorian('2026-12-31', EN)).toBe('31 December 2026');
    expect(formatGregorian('٢٠٢٦-١١-٢٦', AR)).toBe('٢٦ نوفمبر ٢٠٢٦');
  });

  it('formats an instant as its date in Riyadh', () => {
    expect(formatGregorian('2026-11-26T20:59:59Z', EN)).toBe('26 November 2026');
    expect(formatGregorian('2026-11-26T21:00:00Z', EN)).toBe('27 November 2026');
    expect(formatGregorian(new Date('2026-11-26T21:00:00Z'), AR)).toBe('٢٧ نوفمبر ٢٠٢٦');
  });

  it('formats an Umm al-Qura date', () => {
    expect(formatHijri('2026-11-26', AR)).toBe('١٦ جمادى الآخرة ١٤٤٨ هـ');
    expect(formatHijri('2026-11-26', AR_LATN)).toBe('16 جمادى الآخرة 1448 هـ');
    expect(formatHijri('2026-02-18', AR)).toBe('١ رمضان ١٤٤٧ هـ');
    expect(formatHijri('2026-11-26', EN)).toBe('16 Jumada II 1448 AH');
    expect(formatHijri('2026-11-26T21:00:00Z', AR_LATN)).toBe('17 جمادى الآخرة 1448 هـ');
  });

  it('formats Hijri and Gregorian side by side', () => {
    expect(formatDual('2026-11-26', AR)).toBe('١٦ جمادى الآخرة ١٤٤٨ هـ — ٢٦ نوفمبر ٢٠٢٦ م');
    expect(formatDual('2026-11-26', EN)).toBe('16 Jumada II 1448 AH — 26 November 2026 AD');
    expect(formatDual(new Date('2026-11-26T09:00:00Z'), AR_LATN)).toBe('16 جمادى الآخرة 1448 هـ — 26 نوفمبر 2026 م');
  });

  it('formats a date and time in Riyadh', () => {
    expect(formatDateTime('2026-11-26T09:05:00Z', AR)).toBe('٢٦ نوفمبر ٢٠٢٦ في ١٢:٠٥ م');
    expect(formatDateTime('2026-11-26T18:30:00Z', EN)).toBe('26 November 2026 at 9:30 pm');
    expect(formatDateTime(new Date('2026-11-26T21:30:00Z'), AR_LATN)).toBe('27 نوفمبر 2026 في 12:30 ص');
  });

  it('formats relative times', () => {
    const now = new Date('2026-11-26T09:00:00Z'); // noon in Riyadh
    expect(formatRelative('2026-11-23T09:00:00Z', now, AR)).toBe('قبل ٣ أيام');
    expect(formatRelative('2026-11-23T09:00:00Z', now, EN)).toBe('3 days ago');
    expect(formatRelative('2026-11-25T09:00:00Z', now, AR)).toBe('أمس');
    expect(formatRelative('2026-11-27T09:00:00Z', now, EN)).toBe('tomorrow');
    expect(formatRelative('2026-11-26T08:55:00Z', now, EN)).toBe('5 minutes ago');
    expect(formatRelative('2026-11-26T11:00:00Z', now, EN)).toBe('in 2 hours');
    expect(formatRelative(now, now, EN)).toBe('now');
    expect(formatRelative('2026-09-26T09:00:00Z', now, EN)).toBe('2 months ago');
    expect(formatRelative('2024-11-26T09:00:00Z', now, EN)).toBe('2 years ago');
  });

  it('counts days by the Riyadh calendar', () => {
    const now = new Date('2026-11-26T21:30:00Z'); // 00:30 on 27 November in Riyadh
    expect(formatRelative('2026-11-25T22:00:00Z', now, EN)).toBe('23 hours ago'); // 01:00 on 26 November
    expect(formatRelative('2026-11-25T21:00:00Z', now, EN)).toBe('yesterday'); // 00:00 on 26 November
    expect(formatRelative('2026-11-25T21:00:00Z', now, AR_LATN)).toBe('أمس');
    expect(formatRelative('2026-11-25T20:00:00Z', now, EN)).toBe('2 days ago'); // 23:00 on 25 November
  });

  it('formats numbers with the chosen digits', () => {
    expect(formatNumber(1234.5, AR)).toBe('١٬٢٣٤٫٥');
    expect(formatNumber(1234.5, AR_LATN)).toBe('1,234.5');
    expect(formatNumber(1234.5, EN)).toBe('1,234.5');
    expect(formatNumber(42, EN_ARAB)).toBe('٤٢');
  });

  it('uses only the chosen digits', () => {
    const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(instant, (at) => {
        for (const opts of [AR, EN_ARAB]) {
          const all = [formatDual(at, opts), formatDateTime(at, opts), formatNumber(at.getTime(), opts)].join(' ');
          if (LATIN_DIGIT.test(all) || !ARABIC_DIGIT.test(all)) return false;
        }
        for (const opts of [AR_LATN, EN]) {
          const all = [formatDual(at, opts), formatDateTime(at, opts), formatNumber(at.getTime(), opts)].join(' ');
          if (ARABIC_DIGIT.test(all) || !LATIN_DIGIT.test(all)) return false;
        }
        return true;
      }),
    );
  });

  it('a calendar date and noon in Riyadh on that date look the same', () => {
    fc.assert(
      fc.property(isoDateArb, (iso) => {
        const noon = new Date(`${iso}T12:00:00+03:00`);
        return formatDual(iso, AR) === formatDual(noon, AR) && riyadhDate(noon) === iso;
      }),
    );
  });

  it('throws on invalid values', () => {
    expect(() => formatGregorian('2026-02-30', AR)).toThrow(RangeError);
    expect(() => formatHijri('soon', AR)).toThrow(RangeError);
    expect(() => formatDateTime(new Date(Number.NaN), EN)).toThrow(RangeError);
  });
});

import { normalizeArabic, toLatinDigits } from '../../../common/arabic';
import { hijriToGregorian, parseIsoDate } from '../../../common/dates';
import type { FAMILY_STATUSES, GENDERS, HOUSING, RELATIONS } from '../../../common/domain/beneficiary';
import { normalizeSaudiMobile } from '../../../common/saudi';
import type { Cell } from './read-sheet';

/** A cell as text: trimmed, Arabic-Indic digits made Latin, dates as ISO. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  return toLatinDigits(cell).replace(/\s+/g, ' ').trim();
}

/** A number typed with spaces or dashes inside (national IDs, mobiles): its digits, or the text when not digits. */
export function digitsOf(cell: Cell): string {
  const text = cellText(cell);
  const stripped = text.replace(/[\s\-–—_.()]/g, '');
  return /^\+?\d+$/.test(stripped) ? stripped : text;
}

/** 05…, 5…, 9665…, 009665…, +966 5… (spaces, dashes, Arabic digits) as E.164, or null. */
export function parseMobile(cell: Cell): string | null {
  let digits = digitsOf(cell);
  if (/^9665\d{8}$/.test(digits)) digits = `+${digits}`;
  return normalizeSaudiMobile(digits);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A date as people write it, to an ISO Gregorian date: Excel dates and serial numbers, ISO, `1445/05/12`,
 * `12-5-1445هـ`, `12/05/1980م`. A year before 1600 is Hijri (Umm al-Qura); `calendar` forces one reading.
 * Null when it is not a date that exists.
 */
export function parseDate(cell: Cell, calendar: 'hijri' | 'gregorian' | null = null): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 80_000) return null;
    return new Date(EXCEL_EPOCH_MS + cell * 86_400_000).toISOString().slice(0, 10);
  }
  let text = cellText(cell);
  let hint = calendar;
  if (/(هـ|ه)$/.test(text)) {
    hint = 'hijri';
    text = text.replace(/\s*(هـ|ه)$/, '');
  } else if (/م$/.test(text)) {
    hint = 'gregorian';
    text = text.replace(/\s*م$/, '');
  }
  if (/^\d{5}$/.test(text)) return parseDate(Number(text), calendar);
  let parts: [number, number, number] | null = null;
  let m = /^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$/.exec(text);
  if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  m = /^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$/.exec(text);
  if (m) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  if (!parts) return null;
  const [year, month, day] = parts;
  const hijri = hint === 'hijri' || (hint === null && year < 1600);
  if (hijri) return year < 1600 ? hijriToGregorian(year, month, day) : null;
  if (year < 1600) return null;
  return parseIsoDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/** Words that join the next word into one name part: عبد الله, أبو بكر, آل سعود. */
const JOINS_NEXT = new Set(['عبد', 'ابو', 'ال', 'بو']);
/** "son of"/"daughter of" between the parts of a lineage name. */
const LINEAGE = new Set(['بن', 'ابن', 'بنت']);

/**
 * Four names written in one cell, to first, father, grandfather and family name. Compound parts stay together
 * (عبد الله, أبو بكر); بن/بنت between parts are dropped; a fifth part and beyond belong to the family name
 * (آل الشيخ). Null when fewer than four parts are there.
 */
export function splitFullName(full: string): [string, string, string, string] | null {
  const words = full.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const parts: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const norm = normalizeArabic(word);
    if (LINEAGE.has(norm) && parts.length > 0 && i < words.length - 1) continue;
    if (JOINS_NEXT.has(norm) && i < words.length - 1) {
      parts.push(`${word} ${words[i + 1]}`);
      i++;
      continue;
    }
    parts.push(word);
  }
  if (parts.length < 4) return null;
  return [parts[0]!, parts[1]!, parts[2]!, parts.slice(3).join(' ')];
}

function lookup<T extends string>(table: Record<string, T>, cell: Cell): T | null {
  const key = normalizeArabic(cellText(cell)).replace(/[^\p{L}\p{N}]/gu, '');
  return key ? (table[key] ?? null) : null;
}

const GENDER: Record<string, (typeof GENDERS)[number]> = {
  ذكر: 'male',
  ذ: 'male',
  م: 'male',
  رجل: 'male',
  male: 'male',
  m: 'male',
  انثي: 'female',
  ث: 'female',
  ا: 'female',
  امراه: 'female',
  female: 'female',
  f: 'female',
};
export const parseGender = (cell: Cell) => lookup(GENDER, cell);

const RELATION: Record<string, (typeof RELATIONS)[number]> = {
  زوج: 'spouse',
  زوجه: 'spouse',
  spouse: 'spouse',
  wife: 'spouse',
  husband: 'spouse',
  ابن: 'son',
  son: 'son',
  ابنه: 'daughter',
  بنت: 'daughter',
  daughter: 'daughter',
  اب: 'father',
  والد: 'father',
  father: 'father',
  ام: 'mother',
  والده: 'mother',
  mother: 'mother',
  اخ: 'brother',
  brother: 'brother',
  اخت: 'sister',
  sister: 'sister',
};
export const parseRelation = (cell: Cell) => lookup(RELATION, cell) ?? (cellText(cell) ? 'other' : null);

const HOUSING_WORDS: Record<string, (typeof HOUSING)[number]> = {
  ملك: 'owned',
  owned: 'owned',
  ايجار: 'rented',
  مستاجر: 'rented',
  rented: 'rented',
  معالاهل: 'family',
  family: 'family',
  خيري: 'charity',
  سكنخيري: 'charity',
  charity: 'charity',
  اخري: 'other',
  other: 'other',
};
export const parseHousing = (cell: Cell) => lookup(HOUSING_WORDS, cell);

const FAMILY_STATUS: Record<string, (typeof FAMILY_STATUSES)[number]> = {
  متزوج: 'married',
  متزوجه: 'married',
  married: 'married',
  اعزب: 'single',
  عزباء: 'single',
  single: 'single',
  مطلق: 'divorced',
  مطلقه: 'divorced',
  divorced: 'divorced',
  ارمل: 'widowed',
  ارمله: 'widowed',
  widowed: 'widowed',
};
export const parseFamilyStatus = (cell: Cell) => lookup(FAMILY_STATUS, cell);

/** A whole number typed with thousands separators or Arabic digits; null when empty, NaN when not a number. */
export function parseCount(cell: Cell): number | null {
  if (typeof cell === 'number') return cell;
  const text = cellText(cell).replace(/[,\s٬]/g, '');
  if (!text) return null;
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

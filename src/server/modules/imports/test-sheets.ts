// Messy sample sheets for tests and the browser journey, written the way associations' sheets arrive.
import ExcelJS from 'exceljs';
import { toArabicDigits, toLatinDigits } from '../../../common/arabic';
import { makeNationalId } from '../../../common/saudi';

export const SAMPLE_HEADERS = [
  'رقم الهوية',
  'الاسم الرباعي',
  'الجنس',
  'تاريخ الميلاد',
  'الجوال',
  'الحي',
  'عدد أفراد الأسرة',
  'هوية رب الأسرة',
  'صلة القرابة',
];

export type SampleCell = string | number | { formula: string; result: string } | null;

/**
 * A sheet with known counts. `seed` (1–899) keeps the national IDs and mobiles of different sheets apart.
 * `existing` is a national ID and `existingMobile` a mobile already in the registry.
 * Rows: 4 valid heads (one suspected: it shares `existingMobile`), 1 member, 1 invalid ID, 1 bad mobile and short
 * name, 1 repeat of row 2 in the file, 1 member with no head in the file, 1 head already in the registry, and an
 * empty row. So: rows 10, valid 5, invalid 3, duplicates 2, to create 4.
 */
export function sampleRows(seed: number, existing: string, existingMobile: string) {
  const id = (n: number) => makeNationalId(`1${String(seed).padStart(3, '0')}${String(n).padStart(5, '0')}`);
  const mobile = (n: number) => `05${String(seed).padStart(3, '0')}${String(n).padStart(5, '0')}`.slice(0, 10);
  const head1 = id(1);
  const localExisting = `0${existingMobile.replace(/^\+966/, '')}`;
  const rows: SampleCell[][] = [
    // Arabic-Indic digits with spaces, "بن" and a compound name, Hijri text date, trailing spaces.
    [
      toArabicDigits(`${head1.slice(0, 4)} ${head1.slice(4)}`),
      'محمد بن عبد الله سعد القحطاني  ',
      'ذكر',
      '1400/05/12',
      toArabicDigits(`${mobile(1).slice(0, 3)} ${mobile(1).slice(3, 6)} ${mobile(1).slice(6)}`),
      'الروضة',
      4,
      null,
      null,
    ],
    // Dashes in the ID, 9665… mobile, Hijri date with هـ, the district a formula's stored value.
    [
      `${id(2).slice(0, 3)}-${id(2).slice(3)}`,
      'فاطمة علي حسن الزهراني',
      'أنثى',
      '12-5-1405هـ',
      `966${mobile(2).slice(1)}`,
      { formula: 'CONCAT("حي ","النسيم")', result: 'حي النسيم' },
      2,
      null,
      null,
    ],
    // Gregorian text date day-first, +966 mobile with spaces, أبو in the name.
    [id(3), 'سعد أبو بكر فهد الغامدي', 'ذكر', '15/03/1985', `+966 ${mobile(3).slice(1)}`, 'العزيزية', 3, null, null],
    // Excel serial date (1975-04-12); shares a mobile and the birth year with a registry file: suspected, created.
    [id(4), 'خالد ناصر علي الدوسري', 'ذكر', 27496, localExisting, 'الملز', 1, null, null],
    // A member of the first head.
    [null, 'نورة سعد', 'أنثى', '1985-01-01', null, null, null, head1, 'زوجة'],
    // Invalid: check digit.
    [
      `${id(6).slice(0, 9)}${(Number(id(6)[9]) + 1) % 10}`,
      'عمر خالد سالم الشهري',
      'ذكر',
      '1990-01-01',
      mobile(6),
      'الربوة',
      1,
      null,
      null,
    ],
    // Invalid: a landline, and a name of two parts.
    [id(7), 'هند صالح', 'أنثى', '1992-02-02', '0112345678', 'الورود', 1, null, null],
    // Duplicate in the file: row 2's national ID again.
    [id(2), 'فاطمه علي حسن الزهراني', 'أنثى', '12-5-1405هـ', mobile(2), 'حي النسيم', 2, null, null],
    // Empty row, left out.
    [null, null, null, null, null, null, null, null, null],
    // Invalid: a member whose head is not in the file.
    [null, 'ريم', 'أنثى', '2015-01-01', null, null, null, id(99), 'ابنة'],
    // Duplicate of the registry: this national ID already has a file.
    [existing, 'اسم آخر تماما للملف', 'ذكر', '1970-01-01', mobile(11), 'الروضة', 1, null, null],
  ];
  return { rows, ids: { head1, head2: id(2), head3: id(3), head4: id(4) } };
}

export async function sampleXlsx(rows: SampleCell[][], headers: string[] = SAMPLE_HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('المستفيدون', { views: [{ rightToLeft: true }] });
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row.map((c) => (c === null ? null : c)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvText(rows: SampleCell[][]): string {
  const cell = (c: SampleCell) => {
    const text = c === null ? '' : typeof c === 'object' ? c.result : String(c);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [SAMPLE_HEADERS, ...rows].map((r) => r.map(cell).join(',')).join('\r\n');
}

let cp1256: Map<string, number> | null = null;
/** Encodes text in Windows-1256 (the inverse of the decoder's table); Node has no encoder for it. */
export function encodeWindows1256(text: string): Buffer {
  if (!cp1256) {
    cp1256 = new Map();
    const decoder = new TextDecoder('windows-1256');
    for (let b = 0; b < 256; b++) cp1256.set(decoder.decode(Uint8Array.of(b)), b);
  }
  const table = cp1256;
  return Buffer.from(
    Array.from(text, (ch) => {
      const byte = table.get(ch);
      if (byte === undefined) throw new Error(`not in Windows-1256: ${ch}`);
      return byte;
    }),
  );
}

export function sampleCsv(rows: SampleCell[][], encoding: 'utf-8' | 'utf-8-bom' | 'windows-1256'): Buffer {
  const text = csvText(rows);
  // Windows-1256 has no Arabic-Indic digits: Excel writes Latin ones in that encoding.
  if (encoding === 'windows-1256') return encodeWindows1256(toLatinDigits(text));
  const body = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

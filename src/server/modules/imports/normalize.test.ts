import { describe, expect, it } from 'vitest';
import { proposeMapping } from '../../../common/domain/registry-import';
import type { AppError } from '../../errors';
import { cellText, digitsOf, parseDate, parseGender, parseMobile, parseRelation, splitFullName } from './normalize';
import { decodeText, readSheet } from './read-sheet';
import { encodeWindows1256, SAMPLE_HEADERS, sampleCsv, sampleRows, sampleXlsx } from './test-sheets';

describe('values as people typed them', () => {
  it('national IDs and mobiles with Arabic-Indic digits, spaces and dashes', () => {
    expect(digitsOf('١٠٢٣ ٤٥٦-٧٨٩')).toBe('1023456789');
    expect(digitsOf(1023456789)).toBe('1023456789');
    for (const m of [
      '0501234567',
      '٠٥٠١٢٣٤٥٦٧',
      '050-123-4567',
      '966501234567',
      '+966 50 123 4567',
      '00966501234567',
    ]) {
      expect(parseMobile(m), m).toBe('+966501234567');
    }
    expect(parseMobile('0112345678')).toBeNull();
  });

  it('dates: Hijri text, Gregorian text, ISO, Excel serials and Date cells', () => {
    expect(parseDate('1400/05/12')).toBe('1980-03-29');
    expect(parseDate('١٤٠٠/٠٥/١٢')).toBe('1980-03-29');
    expect(parseDate('12-5-1400هـ')).toBe('1980-03-29');
    expect(parseDate('12/05/1400 هـ')).toBe('1980-03-29');
    expect(parseDate('29/03/1980')).toBe('1980-03-29');
    expect(parseDate('29-3-1980م')).toBe('1980-03-29');
    expect(parseDate('1980-03-29')).toBe('1980-03-29');
    expect(parseDate(29309)).toBe('1980-03-29');
    expect(parseDate('29309')).toBe('1980-03-29');
    expect(parseDate(new Date(Date.UTC(1980, 2, 29)))).toBe('1980-03-29');
    expect(parseDate('1400/05/12', 'hijri')).toBe('1980-03-29');
    expect(parseDate('30/02/1980')).toBeNull();
    expect(parseDate('1445/13/01')).toBeNull();
    expect(parseDate('قبل سنتين')).toBeNull();
    expect(parseDate(null)).toBeNull();
  });

  it('four names in one cell, compound parts kept whole', () => {
    expect(splitFullName('محمد بن عبد الله سعد القحطاني ')).toEqual(['محمد', 'عبد الله', 'سعد', 'القحطاني']);
    expect(splitFullName('سعد أبو بكر فهد آل الشيخ')).toEqual(['سعد', 'أبو بكر', 'فهد', 'آل الشيخ']);
    expect(splitFullName('نورة بنت سعد بن علي العتيبي')).toEqual(['نورة', 'سعد', 'علي', 'العتيبي']);
    expect(splitFullName('هند صالح')).toBeNull();
  });

  it('genders and relations in Arabic and English', () => {
    expect(parseGender('ذكر')).toBe('male');
    expect(parseGender('أنثى')).toBe('female');
    expect(parseGender(' F ')).toBe('female');
    expect(parseGender('؟')).toBeNull();
    expect(parseRelation('زوجة')).toBe('spouse');
    expect(parseRelation('ابنة')).toBe('daughter');
    expect(parseRelation('خالة')).toBe('other');
    expect(cellText('  نص   فيه  مسافات ')).toBe('نص فيه مسافات');
  });
});

describe('reading a sheet', () => {
  const { rows } = sampleRows(1, '1000000008', '+966509999999');

  it('reads .xlsx: stored formula values, numbers, and leaves empty rows out', async () => {
    const sheet = await readSheet(await sampleXlsx(rows), 'registry.xlsx');
    expect(sheet.format).toBe('xlsx');
    expect(sheet.headers).toEqual(SAMPLE_HEADERS);
    expect(sheet.rows).toHaveLength(10);
    expect(sheet.rows[1]!.cells[5]).toBe('حي النسيم');
    expect(sheet.rows[3]!.cells[3]).toBe(27496);
    // Row numbers are the sheet's: the header is row 1 and the empty row 10 is skipped.
    expect(sheet.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 11, 12]);
  });

  it.each(['utf-8', 'utf-8-bom', 'windows-1256'] as const)('reads CSV in %s', async (encoding) => {
    const sheet = await readSheet(sampleCsv(rows, encoding), 'registry.csv');
    expect(sheet.encoding).toBe(encoding);
    expect(sheet.headers).toEqual(SAMPLE_HEADERS);
    expect(sheet.rows).toHaveLength(10);
    expect(sheet.rows[2]!.cells[1]).toBe('سعد أبو بكر فهد الغامدي');
  });

  it('decodes Windows-1256 Arabic', () => {
    expect(decodeText(encodeWindows1256('الجوال')).text).toBe('الجوال');
  });

  const refused = async (bytes: Buffer, name: string) => {
    try {
      await readSheet(bytes, name);
    } catch (error) {
      return (error as AppError).code;
    }
    return 'accepted';
  };

  it('refuses files that are not spreadsheets, password-protected or old Excel files, and zip bombs', async () => {
    expect(await refused(Buffer.from('%PDF-1.7 binary\u0000\u0001\u0002'), 'x.csv')).toBe('import.not_spreadsheet');
    expect(await refused(Buffer.from('not a zip at all'), 'x.xlsx')).toBe('import.not_spreadsheet');
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    expect(await refused(cfb, 'old.xls')).toBe('import.old_excel');
    Buffer.from('EncryptedPackage', 'utf16le').copy(cfb, 1024);
    expect(await refused(cfb, 'locked.xlsx')).toBe('import.password_protected');
    expect(await refused(Buffer.alloc(0), 'x.csv')).toBe('import.empty');
    expect(await refused(Buffer.from('رقم الهوية,الاسم\r\n'), 'x.csv')).toBe('import.empty');
    // A zip whose one part declares 3 GB unpacked.
    const bomb = zipDeclaring(3 * 1024 * 1024 * 1024);
    expect(await refused(bomb, 'bomb.xlsx')).toBe('import.zip_bomb');
    // A broken zip (a real .xlsx cut in half).
    const xlsx = await sampleXlsx(rows);
    expect(await refused(xlsx.subarray(0, xlsx.length / 2), 'cut.xlsx')).toBe('import.not_spreadsheet');
  });
});

/** A minimal zip with one stored entry whose central directory declares `size` bytes unpacked. */
function zipDeclaring(size: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(Math.min(size, 0xfffffffe), 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length, 16);
  return Buffer.concat([local, name, central, name, end]);
}

describe('proposing a mapping', () => {
  it('from Arabic and English headers as associations write them', () => {
    expect(
      proposeMapping([
        'السجل المدني',
        'الاسم الأول',
        'اسم الأب',
        'اسم الجد',
        'العائلة',
        'رقم الجوال',
        'تاريخ الميلاد (هجري)',
        'الحي ',
      ]),
    ).toEqual({
      nationalId: 'السجل المدني',
      firstName: 'الاسم الأول',
      fatherName: 'اسم الأب',
      grandfatherName: 'اسم الجد',
      familyName: 'العائلة',
      mobile: 'رقم الجوال',
      birthDateHijri: 'تاريخ الميلاد (هجري)',
      district: 'الحي ',
    });
    expect(proposeMapping(['National ID', 'Full Name', 'Mobile', 'Date of birth', 'District', 'Notes'])).toEqual({
      nationalId: 'National ID',
      fullName: 'Full Name',
      mobile: 'Mobile',
      birthDate: 'Date of birth',
      district: 'District',
    });
  });

  it('a saved mapping wins for the headers the sheet has', () => {
    expect(proposeMapping(['الرقم', 'الاسم'], { nationalId: 'الرقم', mobile: 'غير موجود' })).toEqual({
      nationalId: 'الرقم',
      fullName: 'الاسم',
    });
  });
});

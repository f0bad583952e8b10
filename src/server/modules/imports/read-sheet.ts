import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors';

/** A cell as the sheet stored it: text, a number (Excel serial dates included) or a date. */
export type Cell = string | number | Date | null;
export type Sheet = {
  format: 'xlsx' | 'csv';
  encoding: string | null;
  headers: string[];
  /** Data rows, empty rows left out; `line` is the row number the user sees in the sheet. */
  rows: { line: number; cells: Cell[] }[];
};

export const IMPORT_LIMITS = {
  /** Rows a sheet may hold. */
  rows: 200_000,
  columns: 100,
  /** What the parts of an .xlsx may unpack to, in total, and how much bigger than the file they may be. */
  unpackedBytes: 400 * 1024 * 1024,
  unpackRatio: 200,
} as const;

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * Reads the zip's central directory and refuses a file whose parts would unpack to too much (a zip bomb), before
 * any of it is inflated. The sizes are what the archive declares; the inflater stops at them too.
 */
function checkZip(bytes: Buffer): void {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new AppError('import.not_spreadsheet');
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== ZIP_CENTRAL) {
      throw new AppError('import.not_spreadsheet');
    }
    const size = bytes.readUInt32LE(offset + 24);
    // 0xFFFFFFFF: the real size is in a ZIP64 record, i.e. over 4 GB.
    if (size === 0xffffffff) throw new AppError('import.zip_bomb');
    total += size;
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  if (total > IMPORT_LIMITS.unpackedBytes || total > Math.max(bytes.length, 64 * 1024) * IMPORT_LIMITS.unpackRatio) {
    throw new AppError('import.zip_bomb');
  }
}

/** The value Excel stored: a formula's last result (never evaluated), a rich text's text, a link's text. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('result' in value) return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

function isEmpty(cells: Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

function toSheet(format: Sheet['format'], encoding: string | null, table: { line: number; cells: Cell[] }[]): Sheet {
  const nonEmpty = table.filter((r) => !isEmpty(r.cells));
  const head = nonEmpty.shift();
  if (!head || nonEmpty.length === 0) throw new AppError('import.empty');
  const headers = head.cells.map((c, i) => {
    const text = c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim();
    return text || `#${i + 1}`;
  });
  if (headers.length > IMPORT_LIMITS.columns) throw new AppError('import.too_many_columns');
  if (nonEmpty.length > IMPORT_LIMITS.rows) throw new AppError('import.too_many_rows');
  return { format, encoding, headers, rows: nonEmpty };
}

async function readXlsx(bytes: Buffer): Promise<Sheet> {
  checkZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import.not_spreadsheet');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('import.empty');
  if (sheet.rowCount > IMPORT_LIMITS.rows + 1) throw new AppError('import.too_many_rows');
  const table: { line: number; cells: Cell[] }[] = [];
  const width = Math.min(sheet.columnCount, IMPORT_LIMITS.columns + 1);
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    table.push({ line, cells });
  });
  return toSheet('xlsx', null, table);
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise Windows-1256 (Arabic Excel's CSV). */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1256').decode(bytes), encoding: 'windows-1256' };
  }
}

function readCsv(bytes: Buffer): Sheet {
  const { text, encoding } = decodeText(bytes);
  // Text has no NULs and few control characters; a binary file renamed .csv has many.
  const sample = text.slice(0, 4096);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 9 || (code > 13 && code < 32)) controls++;
  }
  if (sample.includes('\u0000') || controls > sample.length / 100) throw new AppError('import.not_spreadsheet');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      to: IMPORT_LIMITS.rows + 2,
    }) as string[][];
  } catch {
    throw new AppError('import.not_spreadsheet');
  }
  return toSheet(
    'csv',
    encoding,
    records.map((cells, i) => ({ line: i + 1, cells: cells.slice(0, IMPORT_LIMITS.columns + 1) })),
  );
}

/** Reads the first sheet of an .xlsx, or a CSV; anything else is refused with a clear error. */
export async function readSheet(bytes: Buffer, fileName: string): Promise<Sheet> {
  if (bytes.length === 0) throw new AppError('import.empty');
  if (bytes.subarray(0, 8).equals(CFB_MAGIC)) {
    // An encrypted .xlsx is an OLE compound file holding an "EncryptedPackage" stream; old .xls is one too.
    throw new AppError(bytes.includes(ENCRYPTED_PACKAGE) ? 'import.password_protected' : 'import.old_excel');
  }
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === ZIP_LOCAL) return readXlsx(bytes);
  if (/\.(xlsx|xlsm|xls)$/i.test(fileName)) throw new AppError('import.not_spreadsheet');
  return readCsv(bytes);
}

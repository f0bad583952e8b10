import ExcelJS from 'exceljs';
import type { RowReport } from '../../../common/domain/registry-import';
import { AppError } from '../../errors';
import type { Deps, SessionUser } from '../../http/context';
import { type Lang, translate } from '../../http/i18n';
import { loadImport } from './preview-import';
import { getImportReport } from './queries';

const HEADINGS: Record<Lang, string[]> = {
  ar: ['رقم الصف', 'الحالة', 'رقم الهوية', 'الاسم', 'العمود', 'السبب'],
  en: ['Row', 'Status', 'National ID', 'Name', 'Column', 'Reason'],
};
const STATUS: Record<Lang, Record<RowReport['status'], string>> = {
  ar: { valid: 'سليم', invalid: 'غير صالح', duplicate: 'مكرر', suspected: 'مشتبه بتكراره' },
  en: { valid: 'valid', invalid: 'invalid', duplicate: 'duplicate', suspected: 'suspected duplicate' },
};

/** The rows that were not simply valid, one line per problem, with a reason column; a right-to-left sheet in Arabic. */
export async function importReportWorkbook(deps: Deps, user: SessionUser, id: string, lang: Lang) {
  const row = await loadImport(deps, user, id);
  if (row.status === 'uploaded') throw new AppError('import.not_previewed');
  const report = ((await getImportReport(deps.db, user.orgId, id)) ?? []) as RowReport[];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(lang === 'ar' ? 'تقرير الاستيراد' : 'Import report', {
    views: [{ rightToLeft: lang === 'ar', state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(HEADINGS[lang]).font = { bold: true };
  for (const r of report) {
    const base = [r.row, STATUS[lang][r.status], r.nationalId ?? '', r.name ?? ''];
    if (r.issues.length === 0) {
      const reason =
        r.status === 'duplicate'
          ? r.duplicateOf?.fileNumber
            ? `${translate(lang, 'beneficiary.national_id_exists')} (${r.duplicateOf.fileNumber})`
            : `${lang === 'ar' ? 'مكرر في الملف، الصف' : 'Repeats row'} ${r.duplicateOf?.row ?? ''}`
          : `${lang === 'ar' ? 'يشبه الملف' : 'Resembles file'} ${r.duplicateOf?.fileNumber ?? ''}`;
      sheet.addRow([...base, '', reason]);
    }
    for (const i of r.issues) sheet.addRow([...base, i.column ?? '', i.message]);
  }
  sheet.columns.forEach((c, i) => {
    c.width = [10, 16, 14, 36, 24, 60][i] ?? 16;
  });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { bytes, name: `${row.fileName.replace(/\.[^.]+$/, '')}-report.xlsx` };
}

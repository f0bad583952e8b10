import { PassThrough } from 'node:stream';
import { type AnyColumn, and, asc, eq, gt, or, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { formatHijri, riyadhDate } from '../../../common/dates';
import type { Db } from '../../db/client';
import { applications, beneficiaries, cases, deliveries, services } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { fullName } from '../beneficiaries';
import { label } from './labels';

const AR = { locale: 'ar', digits: 'latn' } as const;
const PAGE = 1000;
/** A date written in both calendars: Gregorian (ISO, sortable) and Umm al-Qura Hijri. */
const dual = (v: Date | string | null) =>
  v ? [typeof v === 'string' ? v : riyadhDate(v), formatHijri(v, AR)] : ['', ''];

/** The period, and the branch when the manager chose one on the dashboard. */
export type ExportRange = { from: string; to: string; branchId?: string | null };

export type Dataset = {
  title: string;
  headers: string[];
  rows: (db: Db, orgId: string, range: ExportRange) => AsyncGenerator<(string | number)[]>;
};

const inRange = (column: AnyColumn, r: ExportRange) =>
  sql`${column} >= ${`${r.from}T00:00:00+03:00`}::timestamptz and ${column} < (${r.to}::date + 1)::timestamp at time zone 'Asia/Riyadh'`;

/** Keyset pages ordered by (time, id): memory stays flat however long the list is. */
async function* pages<T extends { id: string; at: Date }>(
  fetch: (after: { at: Date; id: string } | null) => Promise<T[]>,
) {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const batch = await fetch(after);
    for (const row of batch) yield row;
    if (batch.length < PAGE) return;
    const last = batch[batch.length - 1]!;
    after = { at: last.at, id: last.id };
  }
}

const inBranch = (column: AnyColumn, r: ExportRange) => (r.branchId ? eq(column, r.branchId) : undefined);

const afterCursor = (atCol: AnyColumn, idCol: AnyColumn, after: { at: Date; id: string } | null) =>
  after ? or(gt(atCol, after.at), and(eq(atCol, after.at), gt(idCol, after.id))) : undefined;

export const DATASETS: Record<string, Dataset> = {
  applications: {
    title: 'طلبات الالتحاق',
    headers: [
      'رقم الطلب',
      'رقم الملف',
      'مقدم الطلب',
      'المرحلة',
      'القناة',
      'تاريخ التقديم (ميلادي)',
      'تاريخ التقديم (هجري)',
      'موعد القرار المتوقع (ميلادي)',
      'موعد القرار المتوقع (هجري)',
      'درجة الأولوية',
    ],
    async *rows(db, orgId, range) {
      for await (const r of pages((after) =>
        db
          .select({
            id: applications.id,
            at: applications.createdAt,
            reference: applications.reference,
            stage: applications.stage,
            channel: applications.channel,
            expected: applications.expectedDecisionDate,
            score: applications.score,
            fileNumber: beneficiaries.fileNumber,
            firstName: beneficiaries.firstName,
            fatherName: beneficiaries.fatherName,
            grandfatherName: beneficiaries.grandfatherName,
            familyName: beneficiaries.familyName,
          })
          .from(applications)
          .innerJoin(
            beneficiaries,
            and(eq(beneficiaries.orgId, applications.orgId), eq(beneficiaries.id, applications.beneficiaryId)),
          )
          .where(
            inOrg(
              applications,
              orgId,
              inRange(applications.createdAt, range),
              inBranch(applications.branchId, range),
              afterCursor(applications.createdAt, applications.id, after),
            ),
          )
          .orderBy(asc(applications.createdAt), asc(applications.id))
          .limit(PAGE),
      )) {
        yield [
          r.reference,
          r.fileNumber,
          fullName(r),
          label('stage', r.stage),
          label('channel', r.channel),
          ...dual(r.at),
          ...dual(r.expected),
          r.score ?? '',
        ];
      }
    },
  },
  cases: {
    title: 'الاستفسارات والشكاوى والمقترحات',
    headers: [
      'المرجع',
      'النوع',
      'الحالة',
      'القناة',
      'الموضوع',
      'تاريخ الورود (ميلادي)',
      'تاريخ الورود (هجري)',
      'تاريخ الحل (ميلادي)',
      'تاريخ الحل (هجري)',
      'نتيجة المقترح',
    ],
    async *rows(db, orgId, range) {
      for await (const r of pages((after) =>
        db
          .select({
            id: cases.id,
            at: cases.createdAt,
            reference: cases.reference,
            kind: cases.kind,
            status: cases.status,
            channel: cases.channel,
            subject: cases.subject,
            resolvedAt: cases.resolvedAt,
            outcome: cases.outcome,
          })
          .from(cases)
          .where(
            inOrg(
              cases,
              orgId,
              inRange(cases.createdAt, range),
              inBranch(cases.branchId, range),
              afterCursor(cases.createdAt, cases.id, after),
            ),
          )
          .orderBy(asc(cases.createdAt), asc(cases.id))
          .limit(PAGE),
      )) {
        yield [
          r.reference,
          label('kind', r.kind),
          label('caseStatus', r.status),
          label('channel', r.channel),
          r.subject,
          ...dual(r.at),
          ...dual(r.resolvedAt),
          label('outcome', r.outcome),
        ];
      }
    },
  },
  beneficiaries: {
    title: 'ملفات المستفيدين',
    headers: [
      'رقم الملف',
      'الاسم',
      'رقم الهوية',
      'الجوال',
      'الحي أو القرية',
      'مصدر المياه',
      'الحالة',
      'تاريخ التسجيل (ميلادي)',
      'تاريخ التسجيل (هجري)',
    ],
    async *rows(db, orgId, range) {
      for await (const r of pages((after) =>
        db
          .select({
            id: beneficiaries.id,
            at: beneficiaries.createdAt,
            fileNumber: beneficiaries.fileNumber,
            nationalId: beneficiaries.nationalId,
            mobile: beneficiaries.mobile,
            district: beneficiaries.district,
            waterSource: beneficiaries.waterSource,
            status: beneficiaries.status,
            firstName: beneficiaries.firstName,
            fatherName: beneficiaries.fatherName,
            grandfatherName: beneficiaries.grandfatherName,
            familyName: beneficiaries.familyName,
          })
          .from(beneficiaries)
          .where(
            inOrg(
              beneficiaries,
              orgId,
              inRange(beneficiaries.createdAt, range),
              inBranch(beneficiaries.branchId, range),
              afterCursor(beneficiaries.createdAt, beneficiaries.id, after),
            ),
          )
          .orderBy(asc(beneficiaries.createdAt), asc(beneficiaries.id))
          .limit(PAGE),
      )) {
        yield [
          r.fileNumber,
          fullName(r),
          r.nationalId,
          r.mobile,
          r.district,
          label('waterSource', r.waterSource),
          label('beneficiaryStatus', r.status),
          ...dual(r.at),
        ];
      }
    },
  },
  deliveries: {
    title: 'تقديم الخدمات',
    headers: ['الموعد (ميلادي)', 'الموعد (هجري)', 'المستفيد', 'رقم الملف', 'الخدمة', 'الحالة', 'المستلم', 'سبب التعذر'],
    async *rows(db, orgId, range) {
      for await (const r of pages((after) =>
        db
          .select({
            id: deliveries.id,
            at: deliveries.createdAt,
            date: deliveries.scheduledDate,
            status: deliveries.status,
            recipient: deliveries.recipientName,
            failure: deliveries.failureReason,
            service: services.nameAr,
            fileNumber: beneficiaries.fileNumber,
            firstName: beneficiaries.firstName,
            fatherName: beneficiaries.fatherName,
            grandfatherName: beneficiaries.grandfatherName,
            familyName: beneficiaries.familyName,
          })
          .from(deliveries)
          .innerJoin(
            beneficiaries,
            and(eq(beneficiaries.orgId, deliveries.orgId), eq(beneficiaries.id, deliveries.beneficiaryId)),
          )
          .innerJoin(services, and(eq(services.orgId, deliveries.orgId), eq(services.id, deliveries.serviceId)))
          .where(
            inOrg(
              deliveries,
              orgId,
              sql`${deliveries.scheduledDate} between ${range.from} and ${range.to}`,
              inBranch(deliveries.branchId, range),
              afterCursor(deliveries.createdAt, deliveries.id, after),
            ),
          )
          .orderBy(asc(deliveries.createdAt), asc(deliveries.id))
          .limit(PAGE),
      )) {
        yield [
          ...dual(r.date),
          fullName(r),
          r.fileNumber,
          r.service,
          label('deliveryStatus', r.status),
          r.recipient ?? '',
          r.failure ?? '',
        ];
      }
    },
  },
};

/** A plain number, which a spreadsheet reads as a number and never as a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Text a spreadsheet would take as a formula (OWASP "CSV injection"): a cell starting with = + - @, a tab or a
 * carriage return, also in their full-width forms, unless it is a plain number (a mobile "+9665…", an amount).
 * Whatever the text came from (a portal visitor's complaint subject, a name), it is then written with a leading
 * apostrophe, which spreadsheets show as text.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function csvCell(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : neutraliseFormula(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV in UTF-8 with a byte-order mark, so Excel opens the Arabic correctly; written as it is read. */
export function streamCsv(db: Db, orgId: string, dataset: Dataset, range: { from: string; to: string }): PassThrough {
  const out = new PassThrough();
  (async () => {
    out.write('\ufeff');
    out.write(`${dataset.headers.map(csvCell).join(',')}\r\n`);
    for await (const row of dataset.rows(db, orgId, range)) {
      if (!out.write(`${row.map(csvCell).join(',')}\r\n`)) await new Promise((r) => out.once('drain', r));
    }
    out.end();
  })().catch((error) => out.destroy(error));
  return out;
}

/** An Excel workbook with a right-to-left sheet and Arabic headers, streamed row by row. */
export function streamXlsx(db: Db, orgId: string, dataset: Dataset, range: { from: string; to: string }): PassThrough {
  const out = new PassThrough();
  (async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet(dataset.title.slice(0, 31), {
      views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = dataset.headers.map((header) => ({ header, width: Math.max(14, header.length + 4) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const row of dataset.rows(db, orgId, range)) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error));
  return out;
}

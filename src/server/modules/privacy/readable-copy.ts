import { formatDateTime, formatDual, formatHijri, formatNumber } from '../../../common/dates';
import ui from '../../../common/i18n/ar/ui.json';
import { esc } from '../../print/html';
import type { PersonalData } from './collect-personal-data';

type Value = unknown;

const AR = { locale: 'ar', digits: 'arab' } as const;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Arabic for an enum value, from the staff app's own labels (the same words the person hears at the desk). */
function label(group: Record<string, string>, value: Value): string {
  return typeof value === 'string' ? (group[value] ?? value) : '—';
}

/** A value as the person reads it: Hijri and Gregorian dates, Arabic digits, yes/no, never a raw key. */
function show(value: Value): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'نعم' : 'لا';
  if (typeof value === 'number') return formatNumber(value, AR);
  if (value instanceof Date) return `${formatHijri(value, AR)} — ${formatDateTime(value, AR)}`;
  if (typeof value === 'string' && ISO_DAY.test(value)) return formatDual(value, AR);
  if (typeof value === 'string' && ISO_INSTANT.test(value)) {
    return `${formatHijri(value, AR)} — ${formatDateTime(value, AR)}`;
  }
  return String(value);
}

/** A number written left to right inside Arabic text (IDs, mobiles, references). */
const ltr = (value: Value) => (value ? `<span class="num">${esc(String(value))}</span>` : '—');

function facts(rows: [string, string][]): string {
  return `<table><tbody>${rows.map(([k, v]) => `<tr><th scope="row" style="width:38%">${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

function list(head: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p>${esc(empty)}</p>`;
  return `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const e = (v: Value) => esc(show(v));

/**
 * The person's copy of their data in plain Arabic (PDPL right of access): every section of what the
 * association holds, with Arabic labels and Hijri and Gregorian dates, ready to print and hand over.
 * The machine-readable copy (JSON) holds the same data.
 */
export function readableCopy(data: PersonalData, names: { branch: string | null; services: Map<string, string> }) {
  const f = data.file as PersonalData['file'] & {
    monthlyIncome?: number;
    familyStatus?: string;
    disability?: boolean;
    healthNotes?: string | null;
  };
  const en = ui.enums;
  const person = facts([
    ['رقم الملف', ltr(f.fileNumber)],
    ['رقم الهوية الوطنية أو الإقامة', ltr(f.nationalId)],
    ['الاسم الأول', e(f.firstName)],
    ['اسم الأب', e(f.fatherName)],
    ['اسم الجد', e(f.grandfatherName)],
    ['اسم العائلة', e(f.familyName)],
    ['الجنس', esc(label(en.gender, f.gender))],
    ['تاريخ الميلاد', e(f.birthDate)],
    ['رقم الجوال', ltr(f.mobile)],
    ['جوال آخر', ltr(f.mobile2)],
    ['الحي', e(f.district)],
    ['الفرع', e(names.branch)],
    ['موقع المنزل', f.location ? ltr(`${f.location.lat}, ${f.location.lng}`) : 'لم يُحدد'],
    ['السكن', esc(label(en.housing, f.housing))],
    ['مصدر المياه', esc(label(en.waterSource, f.water.source))],
    ['سعة خزان المياه (لتر)', e(f.water.storageLitres)],
    ['عدد الساكنين في المنزل', e(f.water.peopleAtHome)],
    ['الدخل الشهري للأسرة (ريال)', e(f.monthlyIncome)],
    ['الحالة الاجتماعية', esc(label(en.familyStatus, f.familyStatus))],
    ['لدى المستفيد إعاقة', e(f.disability)],
    ['ملاحظات صحية', e(f.healthNotes)],
    ['حالة الملف', esc(label(en.beneficiaryStatus, f.status))],
    ['تاريخ التسجيل', e(f.createdAt)],
    ['آخر تحديث', e(f.updatedAt)],
  ]);
  const household = list(
    ['الاسم', 'صلة القرابة', 'تاريخ الميلاد', 'إعاقة'],
    f.household.map((m) => [
      e(m.name),
      esc(label(en.relation, m.relation)),
      e(m.birthDate),
      e((m as { disability?: boolean }).disability),
    ]),
    'لا يوجد أفراد مسجلون مع المستفيد.',
  );
  const consents = list(
    ['الغرض', 'نسخة إشعار الخصوصية', 'القناة', 'تاريخ الموافقة', 'سحب الموافقة'],
    data.consents.map((c) => [
      e(c.purpose),
      e(c.noticeVersion),
      esc(label(en.channel, c.channel)),
      e(c.at),
      c.withdrawnAt ? `${e(c.withdrawnAt)}<br>${e(c.withdrawnReason)}` : 'سارية',
    ]),
    'لا توجد موافقات مسجلة.',
  );
  const applications = list(
    ['رقم الطلب', 'المرحلة', 'القناة', 'تاريخ التقديم', 'القرار المتوقع', 'خطوات الطلب'],
    data.applications.map((a) => [
      ltr(a.reference),
      esc(label(en.stage, a.stage)),
      esc(label(en.channel, a.channel)),
      e(a.createdAt),
      e(a.expectedDecisionDate),
      a.steps.length === 0
        ? '—'
        : a.steps
            .map((s) => {
              const step = s as { toStage?: string; at?: Date };
              return `${esc(label(en.stage, step.toStage))} (${e(step.at)})`;
            })
            .join('<br>'),
    ]),
    'لا توجد طلبات.',
  );
  const contacts = list(
    ['التاريخ', 'القناة', 'الاتجاه', 'الملخص'],
    data.contacts.map((c) => [
      e(c.occurredAt),
      esc(label(en.channel, c.channel)),
      esc(label(ui.interactions.directions, c.direction)),
      e(c.summary),
    ]),
    'لا يوجد تواصل مسجل.',
  );
  const cases = list(
    ['الرقم', 'النوع', 'الموضوع', 'الحالة', 'تاريخ الفتح'],
    data.cases.map((c) => [
      ltr(c.reference),
      esc(label(ui.cases.kinds, c.kind)),
      e(c.subject),
      esc(label(ui.cases.statuses, c.status)),
      e(c.createdAt),
    ]),
    'لا توجد استفسارات أو شكاوى.',
  );
  const deliveries = list(
    ['الخدمة', 'الموعد', 'الحالة', 'تاريخ التنفيذ'],
    data.deliveries.map((d) => [
      e(names.services.get(d.serviceId) ?? null),
      e(d.scheduledDate),
      esc(label(ui.deliveries.status, d.status)),
      e(d.completedAt),
    ]),
    'لا يوجد تقديم خدمات مسجل.',
  );
  const docs = list(
    ['النوع', 'اسم الملف', 'الحجم (ك.ب)', 'تاريخ الرفع'],
    data.documents.map((d) => [e(d.kind), e(d.originalName), e(Math.ceil(d.size / 1024)), e(d.at)]),
    'لا توجد مستندات.',
  );
  return `<style>@media print { .noprint { display: none; } }</style>
<p class="noprint" style="background:#fff8e1;border:1px solid #f0c36d;padding:6px 10px">للطباعة: اضغط Ctrl+P (أو ⌘+P) واختر الطابعة أو «حفظ بصيغة PDF».</p>
<h1>نسخة المستفيد من بياناته الشخصية لدى الجمعية</h1>
<p>صدرت في ${e(new Date(data.generatedAt))} استجابةً لطلب الاطلاع على البيانات وفق نظام حماية البيانات الشخصية. تشمل كل ما تحفظه الجمعية عن المستفيد، ويحق له طلب تصحيح أي بيان غير صحيح، أو سحب موافقته، أو إتلاف بياناته متى انتهى الغرض منها ما لم يوجب النظام حفظها.</p>
<h2>البيانات الشخصية</h2>${person}
<h2>الأسرة</h2>${household}
<h2>الموافقات</h2>${consents}
<h2>طلبات الالتحاق</h2>${applications}
<h2>التواصل</h2>${contacts}
<h2>الاستفسارات والشكاوى والمقترحات</h2>${cases}
<h2>تقديم الخدمات</h2>${deliveries}
<h2>المستندات</h2>${docs}
<footer>تُسلَّم هذه النسخة لصاحب البيانات أو من يفوّضه نظاماً. النسخة الآلية (JSON) تحوي البيانات نفسها.</footer>`;
}

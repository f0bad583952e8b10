import { normalizeArabic } from '../../common/arabic';
import type { Db } from '../db/client';
import { knowledgeDocuments, knowledgeVersions } from '../db/tables/index';

/**
 * Demo content for the staff's four tools, FAQs and canned answers: short texts written for the demo, not the
 * association's approved documents (those are loaded by its manager through the knowledge base).
 */
const DEMO = [
  {
    kind: 'bylaws',
    titleAr: 'اللائحة الأساسية للجمعية (ملخص للتجربة)',
    bodyAr:
      'تعمل الجمعية على توفير المياه الصالحة للشرب للأسر المحتاجة في نطاق خدمتها، وتدير شؤونها جمعيتها العمومية ومجلس إدارتها، وتُعتمد سياساتها بقرار من المجلس.',
  },
  {
    kind: 'services_regulation',
    titleAr: 'لائحة شؤون الخدمات (ملخص للتجربة)',
    bodyAr:
      'تُقدَّم الخدمات بعد قبول اللجنة للطلب واستكمال إجراءات التسجيل. خدمة توصيل الصهريج دورية كل ثلاثين يوماً، وتُقدَّم بقية الخدمات حسب الاحتياج بعد معاينة المندوب.',
  },
  {
    kind: 'policies_manual',
    titleAr: 'دليل السياسات والإجراءات (ملخص للتجربة)',
    bodyAr:
      'يستقبل موظف علاقات المستفيدين المراجع ويتحقق من اكتمال بياناته وقت التقديم، وإذا لم تتضح الإجراءات للمستفيد يُحيله إلى مسؤول التنفيذ، ثم يوقّع المستفيد على إقرار صحة البيانات ويُرفع الطلب للجنة.',
  },
  {
    kind: 'selection_mechanism',
    titleAr: 'آلية اختيار المستفيدين (ملخص للتجربة)',
    bodyAr:
      'تُرتّب الطلبات بدرجة أولوية تجمع دخل الفرد في الأسرة وعدد أفرادها ووجود إعاقة أو كبير سن ومصدر المياه وسعة التخزين لكل فرد، وتُعرض الدرجة وتفصيلها على اللجنة.',
  },
  {
    kind: 'faq',
    titleAr: 'متى أعرف نتيجة طلبي؟',
    bodyAr:
      'تدرس اللجنة طلبك بعد رفعه إليها، وتصلك النتيجة خلال أسبوعين تقريباً، ويمكنك متابعة الطلب برقمه من بوابة المستفيد.',
  },
  {
    kind: 'faq',
    titleAr: 'ما المستندات المطلوبة لخدمة الصهريج؟',
    bodyAr: 'صورة الهوية الوطنية أو الإقامة، والعنوان الوطني أو موقع المنزل، وإثبات الدخل الشهري، وسجل الأسرة.',
  },
  {
    kind: 'answer',
    titleAr: 'رد: موعد التوصيل القادم',
    bodyAr: 'شكراً لتواصلكم. موعد التوصيل القادم مسجل في ملفكم، وسيتواصل معكم المندوب قبل وصوله بيوم.',
  },
  {
    kind: 'answer',
    titleAr: 'رد: استكمال النواقص',
    bodyAr: 'نشكر تواصلكم. ينقص طلبكم بعض المستندات، ويمكنكم إحضارها إلى مقر الجمعية أو تسليمها لمندوب المكتب الفرعي.',
  },
] as const;

export async function seedDemoKnowledge(db: Db, orgId: string): Promise<void> {
  for (const item of DEMO) {
    const [doc] = await db
      .insert(knowledgeDocuments)
      .values({ orgId, kind: item.kind, titleAr: item.titleAr, published: item.kind === 'faq' })
      .returning({ id: knowledgeDocuments.id });
    await db.insert(knowledgeVersions).values({
      orgId,
      documentId: doc!.id,
      version: 1,
      bodyAr: item.bodyAr,
      searchNorm: normalizeArabic(`${item.titleAr} ${item.bodyAr}`),
      approvalRef: 'نسخة تجريبية',
      approvedOn: '2026-03-01',
      effectiveFrom: '2026-03-01',
    });
  }
}

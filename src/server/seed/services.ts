import type { Db } from '../db/client';
import { services } from '../db/tables/index';

const ID = {
  key: 'national_id_copy',
  labelAr: 'صورة الهوية الوطنية أو الإقامة',
  labelEn: 'Copy of national ID or iqama',
};
const ADDRESS = {
  key: 'national_address',
  labelAr: 'العنوان الوطني أو موقع المنزل',
  labelEn: 'National address or home location',
};
const INCOME = { key: 'income_proof', labelAr: 'إثبات الدخل الشهري', labelEn: 'Proof of monthly income' };
const SITE_VISIT = {
  key: 'site_visit',
  labelAr: 'معاينة موقع المنزل من المندوب',
  labelEn: 'Home site visit by the representative',
};
const SCHEDULE = {
  key: 'schedule_agreed',
  labelAr: 'الاتفاق مع المستفيد على موعد التقديم',
  labelEn: 'Delivery schedule agreed with the beneficiary',
};
const FAMILY = { key: 'family_record', labelAr: 'سجل الأسرة', labelEn: 'Family record' };

/** The water association's catalogue (PRODUCT.md → Service); another association edits its own. */
export const FIRST_SERVICES = [
  {
    code: 'tank_delivery',
    nameAr: 'توصيل صهريج مياه',
    nameEn: 'Water tank delivery',
    descriptionAr: 'توصيل صهريج مياه صالحة للشرب إلى منزل المستفيد بشكل دوري.',
    descriptionEn: 'Regular delivery of a drinking-water tank to the beneficiary’s home.',
    requiredDocuments: [ID, ADDRESS, INCOME, FAMILY],
    eligibilityNotesAr: 'للأسر التي لا تصلها شبكة المياه أو لا يكفيها مصدرها الحالي.',
    recurringDays: 30,
    completionSteps: [SITE_VISIT, SCHEDULE],
  },
  {
    code: 'water_cooler',
    nameAr: 'برادة مياه',
    nameEn: 'Water cooler',
    descriptionAr: 'تركيب برادة مياه في المنزل أو المسجد أو المرفق.',
    descriptionEn: 'A water cooler installed at a home, mosque or facility.',
    requiredDocuments: [ID, ADDRESS],
    eligibilityNotesAr: 'تُقدّم مرة واحدة حسب الاحتياج.',
    recurringDays: null,
    completionSteps: [SITE_VISIT],
  },
  {
    code: 'home_filter',
    nameAr: 'فلتر مياه منزلي',
    nameEn: 'Home water filter',
    descriptionAr: 'تركيب جهاز تنقية مياه منزلي مع الصيانة الأولى.',
    descriptionEn: 'A home water-purification unit, installed, with its first service.',
    requiredDocuments: [ID, ADDRESS, INCOME],
    eligibilityNotesAr: 'للأسر ذات الدخل المحدود التي تعتمد على مصدر غير معالج.',
    recurringDays: null,
    completionSteps: [SITE_VISIT, SCHEDULE],
  },
  {
    code: 'bill_assistance',
    nameAr: 'المساعدة في سداد فاتورة المياه',
    nameEn: 'Water-bill assistance',
    descriptionAr: 'المساهمة في سداد فواتير المياه المتأخرة أو الشهرية.',
    descriptionEn: 'Help paying overdue or monthly water bills.',
    requiredDocuments: [
      ID,
      INCOME,
      { key: 'water_bill', labelAr: 'صورة فاتورة المياه', labelEn: 'Copy of the water bill' },
    ],
    eligibilityNotesAr: 'وفق دخل الفرد في الأسرة وحجم الفاتورة.',
    recurringDays: 90,
    completionSteps: [
      { key: 'water_account', labelAr: 'تسجيل رقم حساب المياه لدى الشركة', labelEn: 'Water account number recorded' },
    ],
  },
  {
    code: 'tank_repair',
    nameAr: 'صيانة الخزانات والتمديدات',
    nameEn: 'Tank and pipe repair',
    descriptionAr: 'إصلاح خزان المنزل أو تمديدات المياه التالفة.',
    descriptionEn: 'Repair of a home water tank or damaged pipes.',
    requiredDocuments: [
      ID,
      ADDRESS,
      { key: 'damage_photo', labelAr: 'صورة توضح العطل', labelEn: 'Photo of the damage' },
    ],
    eligibilityNotesAr: 'بعد معاينة المندوب للموقع.',
    recurringDays: null,
    completionSteps: [SITE_VISIT],
  },
];

export async function seedServices(db: Db, orgId: string): Promise<void> {
  await db
    .insert(services)
    .values(FIRST_SERVICES.map((s) => ({ ...s, orgId })))
    .onConflictDoNothing();
}

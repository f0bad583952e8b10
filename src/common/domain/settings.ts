import { z } from 'zod';
import { CASE_KINDS, DEFAULT_SLA } from './case';
import { isoDate } from './fields';

/** One named holiday: from and to are Gregorian dates (inclusive), whatever calendar it was typed in. */
export const holidayRangeSchema = z
  .object({
    nameAr: z.string().trim().min(2).max(80),
    from: z.iso.date(),
    to: z.iso.date(),
    calendar: z.enum(['hijri', 'gregorian']),
  })
  .refine((r) => r.from <= r.to, { message: 'field.range_order', path: ['to'] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < 60, {
    message: 'field.range_too_long',
    path: ['to'],
  });
export type HolidayRange = z.infer<typeof holidayRangeSchema>;

/** Every day of the ranges, sorted and without repeats: what the SLA clocks skip. */
export function holidayDays(ranges: readonly HolidayRange[]): string[] {
  const days = new Set<string>();
  for (const range of ranges) {
    for (let t = Date.parse(range.from); t <= Date.parse(range.to); t += 86_400_000) {
      days.add(new Date(t).toISOString().slice(0, 10));
    }
  }
  return [...days].sort();
}

/**
 * An association's configuration, stored in organizations.settings. Every field has the first customer's value
 * as its default, so a new association starts from the policy's template and changes what differs.
 */
export const organizationSettingsSchema = z.object({
  declarationTextAr: z
    .string()
    .min(10)
    .max(4000)
    .default(
      'أقر أنا مقدم الطلب بأن جميع البيانات والمستندات التي قدمتها إلى الجمعية صحيحة ومطابقة للواقع، وأنني مسؤول مسؤولية مباشرة عن صحتها، وأتعهد بإبلاغ الجمعية بأي تغيير يطرأ عليها، وأعلم أن تقديم بيانات غير صحيحة يوقف الخدمة.',
    ),
  declarationTextEn: z
    .string()
    .min(10)
    .max(4000)
    .default(
      'I, the applicant, declare that all the data and documents I have given the association are true and match reality, that I am directly responsible for their correctness, and that I will tell the association of any change; I know that false data stops the service.',
    ),
  privacyNoticeVersion: z.string().min(1).max(40).default('2026-03'),
  privacyNoticeAr: z
    .string()
    .min(10)
    .max(4000)
    .default(
      'تجمع الجمعية بياناتك لغرض دراسة طلبك وتقديم خدماتها لك والتواصل معك بشأنها فقط، ولا تشاركها مع غيرها إلا بما يوجبه النظام. يحق لك الاطلاع على بياناتك وطلب تصحيحها أو إتلافها عند انتهاء الغرض، مع مراعاة مدد الحفظ النظامية.',
    ),
  consentPurposeAr: z.string().min(5).max(500).default('دراسة طلب الالتحاق بخدمات الجمعية وتقديمها والتواصل بشأنها'),
  /** Days the committee has to decide after an application is raised (the policy's "two weeks"). */
  committeeTargetDays: z.number().int().min(1).max(120).default(14),
  /** A file is re-verified this many months after it becomes active, and yearly after that. */
  reverifyMonths: z.number().int().min(1).max(60).default(12),
  /** Days past the re-verification date before a file is suspended. */
  reverifyGraceDays: z.number().int().min(0).max(365).default(30),
  maxUploadMb: z.number().int().min(1).max(25).default(5),
  /** Members present needed to decide: 'majority' of the committee's members, or a fixed number. */
  committeeQuorum: z.union([z.literal('majority'), z.number().int().min(1).max(50)]).default('majority'),
  /** The reasons a rejection letter may give; the committee picks one or more and may add free text. */
  rejectionReasons: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z0-9_]{2,40}$/),
        labelAr: z.string().min(2).max(200),
        labelEn: z.string().min(2).max(200),
      }),
    )
    .min(1)
    .max(40)
    .default([
      {
        code: 'income_above_limit',
        labelAr: 'دخل الأسرة يتجاوز الحد المعتمد في آلية الاختيار',
        labelEn: 'Household income is above the approved limit',
      },
      {
        code: 'outside_service_area',
        labelAr: 'موقع السكن خارج نطاق خدمة الجمعية',
        labelEn: 'The home is outside the association’s service area',
      },
      {
        code: 'aided_elsewhere',
        labelAr: 'يتلقى المستفيد الخدمة نفسها من جهة أخرى',
        labelEn: 'The beneficiary receives the same service elsewhere',
      },
      {
        code: 'data_mismatch',
        labelAr: 'البيانات المقدمة لا تطابق الواقع بعد التحقق',
        labelEn: 'The data given did not match on verification',
      },
      {
        code: 'need_not_established',
        labelAr: 'لم تثبت الحاجة إلى الخدمة',
        labelEn: 'The need for the service was not established',
      },
    ]),
  /** Days after a rejection during which the applicant may appeal (تظلم). */
  appealWindowDays: z.number().int().min(0).max(365).default(30),
  /** The association's letterhead: shown on minutes and letters. */
  letterheadAr: z
    .string()
    .max(300)
    .default('المملكة العربية السعودية — مسجلة لدى المركز الوطني لتنمية القطاع غير الربحي'),
  /** Working calendar for SLAs: days 0 = Sunday … 6 = Saturday; minutes after midnight, Riyadh time. */
  workDays: z.array(z.number().int().min(0).max(6)).min(1).max(7).default([0, 1, 2, 3, 4]),
  workStartMinute: z
    .number()
    .int()
    .min(0)
    .max(1439)
    .default(8 * 60),
  workEndMinute: z
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(16 * 60),
  publicHolidays: z.array(isoDate()).max(400).default([]),
  /**
   * Holidays as the admin enters them: named ranges, typed in the Hijri or the Gregorian calendar (kept as
   * Gregorian dates, with the calendar they were entered in). Saving them rewrites publicHolidays, the day list
   * the SLA clocks read.
   */
  holidayRanges: z.array(holidayRangeSchema).max(60).default([]),
  /** First-run checklist steps the admin has confirmed by hand (the texts, the working calendar). */
  setupConfirmed: z
    .array(z.enum(['calendar', 'texts']))
    .max(10)
    .default([]),
  /** Working hours per case kind for the first response and the resolution, at normal priority. */
  slaTargets: z
    .record(
      z.enum(CASE_KINDS),
      z.object({ firstResponseHours: z.number().min(0.25).max(2000), resolutionHours: z.number().min(0.25).max(5000) }),
    )
    .default(DEFAULT_SLA),
  /** A case is "at risk" when less than this share of its time is left. */
  slaAtRiskShare: z.number().min(0.05).max(0.9).default(0.25),
  /** Days after resolution during which a case may be reopened. */
  caseReopenDays: z.number().int().min(0).max(365).default(14),
  /**
   * No survey fatigue: at most one satisfaction survey invitation per person (mobile) in this many days; never
   * two within a day, whatever this is set to.
   */
  surveyIntervalDays: z.number().int().min(1).max(365).default(30),
  /**
   * The board's approval of the beneficiary-relationship policy, cited by the evidence report: the minutes'
   * number and the meeting's date (the first customer: minutes no. 4 of 1 March 2026).
   */
  boardApprovalMinutesNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z/ -]{1,20}$/)
    .default('4'),
  boardApprovalDate: isoDate().default('2026-03-01'),
  /** Months a closed file is kept before it is anonymised (unless under a legal hold). */
  retentionMonths: z.number().int().min(1).max(600).default(60),
  /** The portal's contact page: how people reach the association (phones in local form, 05… or 01…). */
  contactPhone: z
    .string()
    .regex(/^[0-9+ -]{7,20}$/)
    .default('0163331144'),
  contactWhatsapp: z
    .string()
    .regex(/^[0-9+ -]{7,20}$/)
    .default('0553331144'),
  contactAddressAr: z.string().min(3).max(300).default('رياض الخبراء، منطقة القصيم، طريق الملك عبدالعزيز'),
  contactAddressEn: z.string().min(3).max(300).default('Riyadh Al-Khabra, Qassim, King Abdulaziz Road'),
  contactMapUrl: z
    .url({ protocol: /^https$/ })
    .max(500)
    .default('https://maps.google.com/?q=26.0450,43.5540'),
  /** Said under the working hours (the days and hours themselves are workDays / workStartMinute / workEndMinute). */
  contactHoursNoteAr: z.string().max(300).default('يمكنك إرسال رسالتك من الموقع في أي وقت، ونرد عليها في أوقات العمل.'),
  /** Where each branch is, by branch code (branches without an entry are listed by name only). */
  contactBranches: z
    .array(
      z.object({
        code: z.string().min(1).max(20),
        addressAr: z.string().max(300),
        phone: z
          .string()
          .regex(/^[0-9+ -]{7,20}$/)
          .or(z.literal('')),
        mapUrl: z
          .url({ protocol: /^https$/ })
          .max(500)
          .or(z.literal('')),
      }),
    )
    .max(50)
    .default([
      {
        code: 'HQ',
        addressAr: 'رياض الخبراء، طريق الملك عبدالعزيز، بجوار البلدية',
        phone: '0163331144',
        mapUrl: 'https://maps.google.com/?q=26.0450,43.5540',
      },
      {
        code: 'KHB',
        addressAr: 'الخبراء، الشارع العام، قرب مركز الرعاية الصحية',
        phone: '0163332255',
        mapUrl: 'https://maps.google.com/?q=26.0800,43.5500',
      },
    ]),
  /** Days a phone stays remembered for tracking after a verified code (0: never remember). */
  portalDeviceDays: z.number().int().min(0).max(180).default(30),
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

export const organizationSettingsPatch = z
  .strictObject(
    Object.fromEntries(
      Object.entries(organizationSettingsSchema.shape).map(([k, v]) => [
        k,
        (v as z.ZodDefault<z.ZodType>).unwrap().optional(),
      ]),
    ) as {
      [K in keyof typeof organizationSettingsSchema.shape]: z.ZodOptional<
        ReturnType<(typeof organizationSettingsSchema.shape)[K]['unwrap']>
      >;
    },
  )
  .refine((b) => Object.keys(b).length > 0, { message: 'field.required' });

export function readSettings(raw: unknown): OrganizationSettings {
  const parsed = organizationSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : organizationSettingsSchema.parse({});
}

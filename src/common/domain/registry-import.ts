import { z } from 'zod';
import { normalizeArabicCompact } from '../arabic';
import { FAMILY_STATUSES, GENDERS, HOUSING, WATER_SOURCES } from './beneficiary';

/** What a column of an association's sheet can hold. A row is a head of household unless it names its head. */
export const IMPORT_FIELDS = [
  'nationalId',
  'fullName',
  'firstName',
  'fatherName',
  'grandfatherName',
  'familyName',
  'gender',
  'birthDate',
  'birthDateHijri',
  'birthDateGregorian',
  'mobile',
  'mobile2',
  'district',
  'householdSize',
  'monthlyIncome',
  'housing',
  'familyStatus',
  'headNationalId',
  'relation',
  'lat',
  'lng',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Headers as associations write them, Arabic and English; compared after normalisation, spaces and marks removed. */
const HEADER_ALIASES: Record<ImportField, string[]> = {
  nationalId: [
    'رقم الهوية',
    'الهوية',
    'السجل المدني',
    'رقم السجل المدني',
    'رقم الهوية الوطنية',
    'الهوية الوطنية',
    'رقم الإقامة',
    'الهوية / الإقامة',
    'رقم الهوية أو الإقامة',
    'national id',
    'id number',
    'national id number',
    'iqama',
  ],
  fullName: [
    'الاسم الرباعي',
    'الاسم',
    'الاسم كاملاً',
    'الاسم الكامل',
    'اسم المستفيد',
    'اسم رب الأسرة',
    'full name',
    'name',
  ],
  firstName: ['الاسم الأول', 'first name'],
  fatherName: ['اسم الأب', 'father name', "father's name"],
  grandfatherName: ['اسم الجد', 'grandfather name', "grandfather's name"],
  familyName: ['اسم العائلة', 'العائلة', 'اللقب', 'family name', 'last name', 'surname'],
  gender: ['الجنس', 'النوع', 'gender', 'sex'],
  birthDate: ['تاريخ الميلاد', 'الميلاد', 'birth date', 'date of birth', 'dob'],
  birthDateHijri: [
    'تاريخ الميلاد هجري',
    'تاريخ الميلاد الهجري',
    'تاريخ الميلاد (هجري)',
    'الميلاد هجري',
    'birth date hijri',
    'hijri birth date',
  ],
  birthDateGregorian: [
    'تاريخ الميلاد ميلادي',
    'تاريخ الميلاد الميلادي',
    'تاريخ الميلاد (ميلادي)',
    'الميلاد ميلادي',
    'birth date gregorian',
    'gregorian birth date',
  ],
  mobile: ['الجوال', 'رقم الجوال', 'جوال', 'الهاتف', 'رقم الهاتف', 'رقم التواصل', 'mobile', 'phone', 'mobile number'],
  mobile2: ['جوال آخر', 'الجوال 2', 'جوال 2', 'رقم جوال آخر', 'جوال بديل', 'mobile 2', 'alternate mobile'],
  district: ['الحي', 'اسم الحي', 'district', 'neighbourhood', 'neighborhood'],
  householdSize: ['عدد أفراد الأسرة', 'عدد الأفراد', 'أفراد الأسرة', 'household size', 'family size'],
  monthlyIncome: ['الدخل', 'الدخل الشهري', 'monthly income', 'income'],
  housing: ['السكن', 'نوع السكن', 'housing'],
  familyStatus: ['الحالة الاجتماعية', 'family status', 'marital status'],
  headNationalId: ['هوية رب الأسرة', 'رقم هوية رب الأسرة', 'head national id', 'head of household id'],
  relation: ['صلة القرابة', 'القرابة', 'relation', 'relationship'],
  lat: ['خط العرض', 'latitude', 'lat'],
  lng: ['خط الطول', 'longitude', 'lng', 'lon'],
};

/** A header reduced to its letters and digits after Arabic normalisation. */
export function headerKey(header: string): string {
  return normalizeArabicCompact(header).replace(/[^\p{L}\p{N}]/gu, '');
}

const ALIAS_INDEX = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const alias of HEADER_ALIASES[field]) ALIAS_INDEX.set(headerKey(alias), field);

export type ImportMapping = Partial<Record<ImportField, string>>;

/**
 * Proposes a mapping from the sheet's headers: each field takes the first header written as one of its known
 * names; a saved mapping, when given, wins for the headers the sheet has.
 */
export function proposeMapping(headers: string[], saved?: ImportMapping): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  if (saved) {
    for (const [field, header] of Object.entries(saved) as [ImportField, string][]) {
      if (headers.includes(header) && !used.has(header)) {
        mapping[field] = header;
        used.add(header);
      }
    }
  }
  for (const header of headers) {
    const field = ALIAS_INDEX.get(headerKey(header));
    if (field && !mapping[field] && !used.has(header)) {
      mapping[field] = header;
      used.add(header);
    }
  }
  return mapping;
}

export const importMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1).max(200));

/** Values used where the sheet has no column (or an empty cell) for a field the registry needs. */
export const importDefaultsSchema = z.strictObject({
  gender: z.enum(GENDERS).nullable().default(null),
  housing: z.enum(HOUSING).default('other'),
  familyStatus: z.enum(FAMILY_STATUSES).default('married'),
  monthlyIncome: z.number().int().min(0).max(1_000_000).default(0),
  waterSource: z.enum(WATER_SOURCES).default('none'),
});
export type ImportDefaults = z.infer<typeof importDefaultsSchema>;

export const previewImportBody = z.strictObject({
  mapping: importMappingSchema,
  defaults: importDefaultsSchema.default(importDefaultsSchema.parse({})),
  /** Save this mapping under a name, to be proposed for the next sheet. */
  saveMappingAs: z.string().trim().min(2).max(80).optional(),
});
export type PreviewImportBody = z.input<typeof previewImportBody>;

export const ROW_STATUSES = ['valid', 'invalid', 'duplicate', 'suspected'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

export const rowIssueSchema = z.object({
  field: z.string(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export const rowReportSchema = z.object({
  row: z.number(),
  kind: z.enum(['head', 'member']),
  status: z.enum(ROW_STATUSES),
  nationalId: z.string().nullable(),
  name: z.string().nullable(),
  issues: z.array(rowIssueSchema),
  /** The earlier row of this file, or the registry file, this row repeats or resembles. */
  duplicateOf: z
    .object({ row: z.number().nullable(), fileNumber: z.string().nullable(), score: z.number().nullable() })
    .nullable(),
});
export type RowReport = z.infer<typeof rowReportSchema>;

export const importStatusSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  branchId: z.uuid(),
  status: z.enum(['uploaded', 'previewed', 'running', 'done']),
  headers: z.array(z.string()),
  mapping: importMappingSchema,
  counts: z.object({
    rows: z.number(),
    valid: z.number(),
    invalid: z.number(),
    duplicates: z.number(),
    created: z.number(),
    updated: z.number(),
  }),
  progress: z.object({ done: z.number(), total: z.number() }),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportStatus = z.infer<typeof importStatusSchema>;

import { z } from 'zod';
import { toLatinDigits } from '../arabic';
import { hijriToGregorian, parseIsoDate, riyadhDate } from '../dates';
import { birthDateProblem } from '../input';
import { mobileError, nationalIdError, normalizeNationalId, normalizeSaudiMobile } from '../saudi';
import { channelSchema } from './channels';

export const GENDERS = ['male', 'female'] as const;
export const BENEFICIARY_STATUSES = ['applicant', 'active', 'suspended', 'closed'] as const;
export type BeneficiaryStatus = (typeof BENEFICIARY_STATUSES)[number];
export const WATER_SOURCES = ['network', 'tank', 'well', 'none'] as const;
export type WaterSource = (typeof WATER_SOURCES)[number];
export const HOUSING = ['owned', 'rented', 'family', 'charity', 'other'] as const;
export const FAMILY_STATUSES = ['married', 'single', 'divorced', 'widowed'] as const;
export const RELATIONS = ['spouse', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'other'] as const;

export const LIMITS = {
  namePart: 40,
  district: 80,
  note: 500,
  householdMembers: 30,
  income: 1_000_000,
  storageLitres: 1_000_000,
  peopleAtHome: 60,
} as const;

/** Saudi Arabia's bounding box: a pin outside it is a typing mistake. */
export const SAUDI_BOUNDS = { latMin: 16, latMax: 33, lngMin: 34, lngMax: 56 } as const;

export const nationalIdSchema = z.string().transform((value, ctx) => {
  const id = normalizeNationalId(value);
  if (id) return id;
  ctx.addIssue({ code: 'custom', message: `field.national_id.${nationalIdError(value) ?? 'length'}` });
  return z.NEVER;
});

export const mobileSchema = z
  .string()
  .max(30)
  .transform((value, ctx) => {
    const mobile = normalizeSaudiMobile(value);
    if (mobile) return mobile;
    ctx.addIssue({
      code: 'custom',
      message: mobileError(value) === 'characters' ? 'field.mobile_characters' : 'field.mobile',
    });
    return z.NEVER;
  });

export const isoDateSchema = z
  .string()
  .max(20)
  .transform((value, ctx) => {
    const date = parseIsoDate(value);
    if (date) return date;
    ctx.addIssue({ code: 'custom', message: 'field.date' });
    return z.NEVER;
  });

/** A Hijri (Umm al-Qura) date written YYYY-MM-DD, turned into its ISO Gregorian date; a day that does not exist is refused. */
export const hijriDateSchema = z
  .string()
  .max(20)
  .transform((value, ctx) => {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(toLatinDigits(value.trim()));
    const iso = m ? hijriToGregorian(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (iso) return iso;
    ctx.addIssue({ code: 'custom', message: 'field.hijri_date' });
    return z.NEVER;
  });

/** A birth date (ISO Gregorian, after any Hijri conversion) is neither after today nor before BIRTH_DATE_MIN. */
const bornWhen = (schema: typeof isoDateSchema) =>
  schema.superRefine((iso, ctx) => {
    const problem = birthDateProblem(iso, riyadhDate(new Date()));
    if (problem) ctx.addIssue({ code: 'custom', message: `field.birth_date.${problem}` });
  });

/** A birth date entered in either calendar; stored as an ISO Gregorian date. */
export const birthDateInput = z.discriminatedUnion('calendar', [
  z.strictObject({ calendar: z.literal('gregorian'), date: bornWhen(isoDateSchema) }),
  z.strictObject({ calendar: z.literal('hijri'), date: bornWhen(hijriDateSchema) }),
]);

export const namePart = z.string().trim().min(2).max(LIMITS.namePart);

export const householdMemberInput = z.strictObject({
  name: z.string().trim().min(2).max(120),
  relation: z.enum(RELATIONS),
  birthDate: bornWhen(isoDateSchema),
  disability: z.boolean().default(false),
  disabilityNote: z.string().trim().max(LIMITS.note).optional(),
});

export const waterInput = z.strictObject({
  source: z.enum(WATER_SOURCES),
  storageLitres: z.number().int().min(0).max(LIMITS.storageLitres),
  peopleAtHome: z.number().int().min(1).max(LIMITS.peopleAtHome),
});

export const locationInput = z.strictObject({
  lat: z.number().min(SAUDI_BOUNDS.latMin).max(SAUDI_BOUNDS.latMax),
  lng: z.number().min(SAUDI_BOUNDS.lngMin).max(SAUDI_BOUNDS.lngMax),
});

/**
 * The applicant plus the listed household members against the stated "people at home" (issue 12): when they
 * differ, staff must confirm the stated number before the file is saved, and the selection score uses it.
 */
export function householdMismatch(peopleAtHome: number, members: number): { stated: number; listed: number } | null {
  const listed = 1 + members;
  return peopleAtHome === listed ? null : { stated: peopleAtHome, listed };
}

/** The fields of a beneficiary's file that staff enter (PRODUCT.md → Beneficiary). */
export const beneficiaryFields = {
  firstName: namePart,
  fatherName: namePart,
  grandfatherName: namePart,
  familyName: namePart,
  gender: z.enum(GENDERS),
  birthDate: birthDateInput,
  mobile: mobileSchema,
  mobile2: mobileSchema.nullable().optional(),
  district: z.string().trim().min(2).max(LIMITS.district),
  location: locationInput.nullable().optional(),
  branchId: z.uuid(),
  household: z.array(householdMemberInput).max(LIMITS.householdMembers),
  monthlyIncome: z.number().int().min(0).max(LIMITS.income),
  housing: z.enum(HOUSING),
  familyStatus: z.enum(FAMILY_STATUSES),
  disability: z.boolean(),
  healthNotes: z.string().trim().max(LIMITS.note).nullable().optional(),
  water: waterInput,
};

export const createBeneficiaryInput = z.strictObject({
  nationalId: nationalIdSchema,
  ...beneficiaryFields,
  household: beneficiaryFields.household.default([]),
  disability: beneficiaryFields.disability.default(false),
  /** The beneficiary agreed to the stated purpose after the privacy notice was shown. */
  consent: z.strictObject({ accepted: z.literal(true), channel: channelSchema }),
  /** The officer saw the likely duplicates and confirms this is a different person. */
  confirmNotDuplicate: z.boolean().default(false),
  /** The officer confirms "people at home" although it differs from the applicant plus the listed members. */
  householdConfirmed: z.boolean().optional(),
});
export type CreateBeneficiaryInput = z.infer<typeof createBeneficiaryInput>;

export const updateBeneficiaryInput = z
  .strictObject({
    ...(Object.fromEntries(Object.entries(beneficiaryFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof beneficiaryFields]: z.ZodOptional<(typeof beneficiaryFields)[K]>;
    }),
    householdConfirmed: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'field.required' });
export type UpdateBeneficiaryInput = z.infer<typeof updateBeneficiaryInput>;

/** Fields shown only to roles that need them (PRODUCT.md → Data protection). */
export const SENSITIVE_FIELDS = ['monthlyIncome', 'familyStatus', 'disability', 'healthNotes'] as const;

export const CONSENT_PURPOSE_KEY = 'consent.purpose.registration';

// The contract of the data-protection API (decision 032): a file's privacy panel, corrections, consents, who
// opened the file, legal holds, breaches and the person's data export.
import { z } from 'zod';
import { beneficiaryFields, nationalIdSchema } from '../domain/beneficiary';
import { isoDate, isoDateTime } from '../domain/fields';

/** The personal fields a correction may change: the national ID too, which ordinary editing does not allow. */
export const correctionInput = z.strictObject({
  fields: z
    .strictObject({
      nationalId: nationalIdSchema.optional(),
      firstName: beneficiaryFields.firstName.optional(),
      fatherName: beneficiaryFields.fatherName.optional(),
      grandfatherName: beneficiaryFields.grandfatherName.optional(),
      familyName: beneficiaryFields.familyName.optional(),
      gender: beneficiaryFields.gender.optional(),
      birthDate: beneficiaryFields.birthDate.optional(),
      mobile: beneficiaryFields.mobile.optional(),
      mobile2: beneficiaryFields.mobile2,
      district: beneficiaryFields.district.optional(),
      monthlyIncome: beneficiaryFields.monthlyIncome.optional(),
      housing: beneficiaryFields.housing.optional(),
      familyStatus: beneficiaryFields.familyStatus.optional(),
      disability: beneficiaryFields.disability.optional(),
      healthNotes: beneficiaryFields.healthNotes,
    })
    .refine((f) => Object.keys(f).length > 0, { message: 'field.required' }),
  reason: z.string().trim().min(5).max(500),
});
export type CorrectionInput = z.infer<typeof correctionInput>;
export const correctionResultSchema = z.object({ revisionId: z.string(), fields: z.array(z.string()) });

export const filePrivacySchema = z.object({
  legalHold: z.object({ until: z.string(), reason: z.string().nullable() }).nullable(),
  anonymisedAt: z.string().nullable(),
  consents: z.array(
    z.object({
      id: z.string(),
      purpose: z.string(),
      noticeVersion: z.string(),
      channel: z.string(),
      at: z.string(),
      withdrawnAt: z.string().nullable(),
      withdrawnReason: z.string().nullable(),
      withdrawnByName: z.string().nullable(),
    }),
  ),
});
export type FilePrivacy = z.infer<typeof filePrivacySchema>;

export const withdrawConsentInput = z.strictObject({ reason: z.string().trim().min(3).max(500) });

/** The audit actions that mean someone saw the person's data. */
export const ACCESS_ACTIONS = ['beneficiary.viewed', 'privacy.exported', 'document.downloaded'] as const;
export const accessEntrySchema = z.object({
  at: z.string(),
  action: z.enum(ACCESS_ACTIONS),
  username: z.string().nullable(),
  name: z.string().nullable(),
  role: z.string().nullable(),
});
export type AccessEntry = z.infer<typeof accessEntrySchema>;
export const accessLogSchema = z.object({ items: z.array(accessEntrySchema) });

export const legalHoldSchema = z.object({
  id: z.string(),
  fileNumber: z.string(),
  name: z.string(),
  until: z.string(),
  reason: z.string().nullable(),
});
export type LegalHold = z.infer<typeof legalHoldSchema>;
export const legalHoldListSchema = z.object({ items: z.array(legalHoldSchema) });
export const legalHoldInput = z.strictObject({
  until: isoDate().nullable(),
  reason: z.string().trim().min(3).max(500),
});
export const anonymiseInput = z.strictObject({ reason: z.string().trim().min(5).max(500) });

/** A correction's record: each changed field's old and new value (masked or hidden where sensitive). */
export const revisionSchema = z.object({
  at: z.iso.datetime(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  reason: z.string().nullable(),
  byName: z.string().nullable(),
});
export type Revision = z.infer<typeof revisionSchema>;
export const revisionListSchema = z.object({ items: z.array(revisionSchema) });

export const exportQuery = z.strictObject({ format: z.enum(['json', 'html']).default('json') });

export const breachInput = z.strictObject({
  discoveredAt: isoDateTime(),
  description: z.string().trim().min(5).max(4000),
  dataKinds: z.string().trim().min(2).max(500),
  affectedCount: z.number().int().min(0).max(10_000_000),
  actions: z.string().trim().max(4000).default(''),
});
export type BreachRequest = z.input<typeof breachInput>;

export const updateBreachInput = z
  .strictObject({
    reportedAt: isoDateTime().optional(),
    reportedTo: z.string().trim().max(300).optional(),
    actions: z.string().trim().max(4000).optional(),
    status: z.enum(['open', 'closed']).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'field.required' });
export type UpdateBreachRequest = z.input<typeof updateBreachInput>;

export const breachSchema = z.object({
  id: z.uuid(),
  discoveredAt: z.iso.datetime(),
  description: z.string(),
  dataKinds: z.string(),
  affectedCount: z.number().int(),
  reportedAt: z.iso.datetime().nullable(),
  reportedTo: z.string().nullable(),
  actions: z.string(),
  status: z.enum(['open', 'closed']),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  /** 72 hours after discovery: when the regulator must have been told. */
  reportDueAt: z.iso.datetime(),
  /** Reported late, or not yet reported and past 72 hours. */
  overdue: z.boolean(),
});
export type Breach = z.infer<typeof breachSchema>;
export const breachListSchema = z.object({ items: z.array(breachSchema) });
export const createdBreachSchema = z.object({ id: z.uuid() });

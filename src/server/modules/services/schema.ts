import { z } from 'zod';

const requiredDocument = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]{2,40}$/, { message: 'field.key' }),
  labelAr: z.string().trim().min(2).max(120),
  labelEn: z.string().trim().min(2).max(120),
});

const fields = {
  nameAr: z.string().trim().min(2).max(120),
  nameEn: z.string().trim().min(2).max(120),
  descriptionAr: z.string().trim().max(2000),
  descriptionEn: z.string().trim().max(2000),
  requiredDocuments: z.array(requiredDocument).max(30),
  completionSteps: z.array(requiredDocument).max(20),
  eligibilityNotesAr: z.string().trim().max(2000),
  recurringDays: z.number().int().min(1).max(366).nullable(),
  active: z.boolean(),
};

export const createServiceBody = z.strictObject({
  code: z.string().regex(/^[a-z0-9_]{2,40}$/, { message: 'field.key' }),
  ...fields,
  descriptionAr: fields.descriptionAr.default(''),
  descriptionEn: fields.descriptionEn.default(''),
  requiredDocuments: fields.requiredDocuments.default([]),
  completionSteps: fields.completionSteps.default([]),
  eligibilityNotesAr: fields.eligibilityNotesAr.default(''),
  recurringDays: fields.recurringDays.default(null),
  active: fields.active.default(true),
});

export const updateServiceBody = z
  .strictObject({
    nameAr: fields.nameAr.optional(),
    nameEn: fields.nameEn.optional(),
    descriptionAr: fields.descriptionAr.optional(),
    descriptionEn: fields.descriptionEn.optional(),
    requiredDocuments: fields.requiredDocuments.optional(),
    completionSteps: fields.completionSteps.optional(),
    eligibilityNotesAr: fields.eligibilityNotesAr.optional(),
    recurringDays: fields.recurringDays.optional(),
    active: fields.active.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'field.required' });

export const serviceSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  descriptionAr: z.string(),
  descriptionEn: z.string(),
  requiredDocuments: z.array(z.object({ key: z.string(), labelAr: z.string(), labelEn: z.string() })),
  completionSteps: z.array(z.object({ key: z.string(), labelAr: z.string(), labelEn: z.string() })),
  eligibilityNotesAr: z.string(),
  recurringDays: z.number().nullable(),
  active: z.boolean(),
});

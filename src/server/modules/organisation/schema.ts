import { z } from 'zod';

const arabicName = z.string().trim().min(2).max(150);

export const organizationUpdateBody = z
  .strictObject({ nameAr: arabicName.optional(), nameEn: arabicName.optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'field.required' });

export const organizationDetailsSchema = z.object({
  id: z.uuid(),
  nameAr: z.string(),
  nameEn: z.string(),
  /** Where the logo is served (changes with every upload), or null before one is uploaded. */
  logoUrl: z.string().nullable(),
});

const area = z.string().trim().min(2).max(80);
const branchFields = {
  nameAr: z.string().trim().min(2).max(120),
  nameEn: z.string().trim().min(2).max(120),
  areas: z
    .array(area)
    .max(60)
    .refine((list) => new Set(list).size === list.length, { message: 'field.duplicate_area' }),
  addressAr: z.string().trim().max(300),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+ ]{0,20}$/, { message: 'field.phone' }),
  active: z.boolean(),
};

export const createBranchBody = z.strictObject({
  code: z.string().regex(/^[A-Z0-9_]{2,12}$/, { message: 'field.branch_code' }),
  ...branchFields,
  areas: branchFields.areas.default([]),
  addressAr: branchFields.addressAr.default(''),
  phone: branchFields.phone.default(''),
  active: branchFields.active.default(true),
});

export const updateBranchBody = z
  .strictObject({
    nameAr: branchFields.nameAr.optional(),
    nameEn: branchFields.nameEn.optional(),
    areas: branchFields.areas.optional(),
    addressAr: branchFields.addressAr.optional(),
    phone: branchFields.phone.optional(),
    active: branchFields.active.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'field.required' });

export const branchDetailsSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  areas: z.array(z.string()),
  addressAr: z.string(),
  phone: z.string(),
  active: z.boolean(),
  /** The branch representatives (مناديب المكاتب الفرعية) whose account names this branch. */
  representatives: z.array(z.object({ id: z.uuid(), displayName: z.string(), disabled: z.boolean() })),
  /** Staff of any role attached to the branch. */
  staffCount: z.number(),
  beneficiaryCount: z.number(),
});

/** A branch as stored (what a create or an edit answers). */
export const branchSchema = branchDetailsSchema.omit({
  representatives: true,
  staffCount: true,
  beneficiaryCount: true,
});

export const SETUP_STEPS = [
  'organisation',
  'branches',
  'calendar',
  'services',
  'criteria',
  'texts',
  'providers',
  'users',
] as const;

export const setupStepSchema = z.object({
  key: z.enum(SETUP_STEPS),
  done: z.boolean(),
  /** Figures the screen words the state with (how many branches, services, users…). */
  facts: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  href: z.string(),
  /** The admin may mark this step done by hand (the texts, the calendar). */
  confirmable: z.boolean(),
});

export const setupChecklistSchema = z.object({
  steps: z.array(setupStepSchema),
  done: z.number(),
  total: z.number(),
  complete: z.boolean(),
});

export const confirmStepBody = z.strictObject({ step: z.enum(['calendar', 'texts']), confirmed: z.boolean() });

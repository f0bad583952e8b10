import { z } from 'zod';
import { BENEFICIARY_STATUSES } from '../../../common/domain/beneficiary';
import { isoDate } from '../../../common/domain/fields';

export const summarySchema = z.object({
  id: z.uuid(),
  fileNumber: z.string(),
  nationalId: z.string(),
  fullName: z.string(),
  mobile: z.string(),
  mobileLocal: z.string(),
  district: z.string(),
  branchId: z.uuid(),
  status: z.string(),
  reverifyDue: z.string().nullable(),
});

export const searchQuery = z.strictObject({
  q: z.string().max(100).optional(),
  status: z.enum(BENEFICIARY_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const searchResponse = z.object({
  items: z.array(summarySchema),
  page: z.number(),
  pageSize: z.number(),
  hasMore: z.boolean(),
  matchedBy: z.enum(['national_id', 'mobile', 'file_number', 'application_reference', 'case_reference', 'name', 'all']),
});

const memberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  relation: z.string(),
  birthDate: z.string(),
  disability: z.boolean().optional(),
  disabilityNote: z.string().nullable().optional(),
});

export const fileSchema = z.object({
  id: z.uuid(),
  fileNumber: z.string(),
  nationalId: z.string(),
  firstName: z.string(),
  fatherName: z.string(),
  grandfatherName: z.string(),
  familyName: z.string(),
  fullName: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  mobile: z.string(),
  mobile2: z.string().nullable(),
  district: z.string(),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  branchId: z.uuid(),
  housing: z.string(),
  water: z.object({ source: z.string(), storageLitres: z.number(), peopleAtHome: z.number() }),
  householdCheck: z.object({ listed: z.number(), mismatch: z.boolean(), confirmedSize: z.number().nullable() }),
  status: z.string(),
  statusReason: z.string().nullable(),
  suspendedUntil: z.string().nullable(),
  reverifyDue: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  mergedInto: z.uuid().nullable(),
  household: z.array(memberSchema),
  sensitiveShown: z.boolean(),
  monthlyIncome: z.number().optional(),
  familyStatus: z.string().optional(),
  disability: z.boolean().optional(),
  healthNotes: z.string().nullable().optional(),
  consents: z.array(
    z.object({
      id: z.uuid(),
      purpose: z.string(),
      noticeVersion: z.string(),
      channel: z.string(),
      at: z.string(),
      recordedBy: z.string().nullable(),
      recordedByName: z.string().nullable(),
    }),
  ),
  statusHistory: z.array(
    z.object({
      kind: z.string(),
      fromStatus: z.string(),
      toStatus: z.string(),
      reason: z.string().nullable(),
      until: z.string().nullable(),
      at: z.string(),
      byName: z.string().nullable(),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      originalName: z.string(),
      mime: z.string(),
      size: z.number(),
      applicationId: z.string().nullable(),
      at: z.string(),
    }),
  ),
});

export const duplicatesBody = z.strictObject({
  mobile: z.string().max(30).optional(),
  firstName: z.string().max(40),
  fatherName: z.string().max(40),
  grandfatherName: z.string().max(40),
  familyName: z.string().max(40),
  birthYear: z.number().int().min(1900).max(2100),
});

export const duplicatesResponse = z.object({
  candidates: z.array(summarySchema.extend({ reason: z.enum(['same_mobile', 'same_name_birth_year']) })),
  hiddenCount: z.number(),
});

export const statusBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('suspend'),
    reason: z.string().trim().min(3).max(500),
    until: isoDate().optional(),
  }),
  z.strictObject({ action: z.literal('reinstate'), reason: z.string().trim().min(3).max(500) }),
  z.strictObject({ action: z.literal('reverify'), reason: z.string().trim().max(500).optional() }),
  z.strictObject({ action: z.literal('close'), reason: z.string().trim().min(3).max(500) }),
]);

export const reverificationResponse = z.object({
  items: z.array(summarySchema.extend({ overdue: z.boolean(), graceEndsOn: z.string() })),
});

export const documentSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  originalName: z.string(),
  mime: z.string(),
  size: z.number(),
  at: z.string(),
});

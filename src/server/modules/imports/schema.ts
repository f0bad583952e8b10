import { z } from 'zod';
import {
  IMPORT_FIELDS,
  importMappingSchema,
  importStatusSchema,
  rowReportSchema,
} from '../../../common/domain/registry-import';

export const uploadResponse = importStatusSchema.extend({
  sample: z.array(z.array(z.string())),
  savedMapping: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});

export const previewResponse = z.object({
  import: importStatusSchema,
  suspected: z.number(),
  rows: z.array(rowReportSchema),
  reportTruncated: z.boolean(),
});

export const listResponse = z.object({ items: z.array(importStatusSchema) });

export const rowsQuery = z.strictObject({
  status: z.enum(['invalid', 'duplicate', 'suspected']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const rowsResponse = z.object({ rows: z.array(rowReportSchema), total: z.number() });

export const mappingsResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), mapping: importMappingSchema })),
});

/** Starting an import: whether invalid head rows are kept as files waiting for correction (default: left out). */
export const runBody = z.strictObject({ keepInvalid: z.boolean().optional() }).optional();

const correctionValues = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200));
export const correctionSchema = z.object({
  id: z.uuid(),
  importId: z.uuid(),
  fileName: z.string(),
  row: z.number(),
  nationalId: z.string().nullable(),
  name: z.string().nullable(),
  values: correctionValues,
  issues: z.array(
    z.object({ field: z.string(), column: z.string().nullable(), code: z.string(), message: z.string() }),
  ),
  beneficiaryId: z.uuid().nullable(),
  correctedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const correctionsQuery = z.strictObject({ page: z.coerce.number().int().min(1).max(10_000).default(1) });
export const correctionsResponse = z.object({ total: z.number(), items: z.array(correctionSchema) });
export const correctBody = z.strictObject({ values: correctionValues });
export const correctedResponse = z.object({ id: z.uuid(), beneficiaryId: z.uuid(), fileNumber: z.string() });

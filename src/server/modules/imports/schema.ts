import { z } from 'zod';
import { importMappingSchema, importStatusSchema, rowReportSchema } from '../../../common/domain/registry-import';

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

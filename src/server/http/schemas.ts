import { z } from 'zod';

/** The error body every 4xx/5xx carries. */
export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

export const idParams = z.strictObject({ id: z.uuid() });

/** Standard error responses for the OpenAPI document. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  429: errorSchema,
} as const;

/** For routes that answer 204 with no body. */
export const noContentResponses = { 204: z.void(), ...errorResponses } as const;

import { z } from 'zod';
import { TOKEN_LEVELS, TOKEN_MODULES, tokenScopesSchema, WEBHOOK_EVENTS } from '../../../common/domain/integrations';

const name = z.string().trim().min(2).max(100);

export const tokenCreate = z.strictObject({
  name,
  scopes: tokenScopesSchema,
  branchId: z.uuid().nullable().default(null),
  /** An instant (ISO 8601 with offset), or null for a token that does not expire. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
});

const tokenItem = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.object({
    modules: z.partialRecord(z.enum(TOKEN_MODULES), z.enum(TOKEN_LEVELS)),
    personal: z.boolean(),
  }),
  branchId: z.uuid().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TokenItem = z.infer<typeof tokenItem>;
export const tokenList = z.object({ items: z.array(tokenItem) });
/** The token itself appears in this answer only. */
export const tokenCreated = tokenItem.extend({ token: z.string() });

export const tokenSelf = z.object({
  id: z.uuid(),
  name: z.string(),
  branchId: z.uuid().nullable(),
  actions: z.array(z.string()),
});

export const subscriptionCreate = z.strictObject({
  name,
  url: z.url().max(2000),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length),
});
const subscriptionItem = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  disabledAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export const subscriptionList = z.object({ items: z.array(subscriptionItem) });
/** The signing secret appears in this answer only. */
export const subscriptionCreated = subscriptionItem.extend({ secret: z.string() });

export const deliveryQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const deliveryList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      event: z.string(),
      status: z.string(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      createdAt: z.iso.datetime(),
      sentAt: z.iso.datetime().nullable(),
      nextAttemptAt: z.iso.datetime(),
      tries: z.array(
        z.object({
          attempt: z.number().int(),
          statusCode: z.number().int().nullable(),
          error: z.string().nullable(),
          durationMs: z.number().int(),
          at: z.iso.datetime(),
        }),
      ),
    }),
  ),
});
export const resent = z.object({ id: z.uuid() });

import { z } from 'zod';

/**
 * What an API token may be given, per module: `read` or `write` (write includes read). The server maps each to
 * policy actions (policy.ts → TOKEN_ACTIONS); nothing else is ever open to a token (deny by default).
 */
export const TOKEN_MODULES = [
  'beneficiaries',
  'applications',
  'deliveries',
  'cases',
  'appointments',
  'services',
  'reports',
  'audit',
] as const;
export type TokenModule = (typeof TOKEN_MODULES)[number];
export const TOKEN_LEVELS = ['read', 'write'] as const;
export type TokenLevel = (typeof TOKEN_LEVELS)[number];

export const tokenScopesSchema = z.strictObject({
  modules: z.partialRecord(z.enum(TOKEN_MODULES), z.enum(TOKEN_LEVELS)),
  /** National ID, mobile, income and the other sensitive fields of a file; off unless asked for. */
  personal: z.boolean(),
});
export type TokenScopesInput = z.infer<typeof tokenScopesSchema>;

/** The events an outside system may subscribe to (docs/integrations.md lists their payloads). */
export const WEBHOOK_EVENTS = [
  'application.submitted',
  'application.decided',
  'beneficiary.enrolled',
  'delivery.done',
  'delivery.failed',
  'case.opened',
  'case.resolved',
  'survey.answered',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Signatures older (or newer) than this are refused by the receiver's check (docs/integrations.md). */
export const WEBHOOK_TOLERANCE_S = 300;

import { z } from 'zod';

/** Proactive rules (الوصول دون طلب): each finds people who are due or at risk and creates a task or a message. */
export const OUTREACH_RULES = {
  delivery_due: {
    params: z.strictObject({ daysBefore: z.number().int().min(0).max(30) }),
    defaults: { daysBefore: 2 },
  },
  no_contact: { params: z.strictObject({ days: z.number().int().min(7).max(730) }), defaults: { days: 90 } },
  application_stalled: {
    params: z.strictObject({ graceDays: z.number().int().min(0).max(60) }),
    defaults: { graceDays: 0 },
  },
  reverification_due: {
    params: z.strictObject({ daysBefore: z.number().int().min(0).max(120) }),
    defaults: { daysBefore: 30 },
  },
  low_satisfaction: {
    params: z.strictObject({ maxRating: z.number().int().min(1).max(4) }),
    defaults: { maxRating: 2 },
  },
} as const;
export type OutreachRuleKey = keyof typeof OUTREACH_RULES;
export const OUTREACH_RULE_KEYS = Object.keys(OUTREACH_RULES) as OutreachRuleKey[];

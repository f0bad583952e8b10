import { z } from 'zod';
import { isoDate } from './fields';

/** The four tools of the beneficiary-relations employee (policy → الأدوات), plus FAQs and canned answers. */
export const KNOWLEDGE_KINDS = [
  'bylaws',
  'services_regulation',
  'policies_manual',
  'selection_mechanism',
  'faq',
  'answer',
] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];
/** New versions of these must be read and acknowledged by every staff member. */
export const TOOL_KINDS: readonly KnowledgeKind[] = [
  'bylaws',
  'services_regulation',
  'policies_manual',
  'selection_mechanism',
];

const versionFields = {
  bodyAr: z.string().trim().min(3).max(200_000),
  approvalRef: z.string().trim().min(2).max(200),
  approvedOn: isoDate(),
  effectiveFrom: isoDate(),
};

export const createKnowledgeInput = z.strictObject({
  kind: z.enum(KNOWLEDGE_KINDS),
  titleAr: z.string().trim().min(2).max(300),
  titleEn: z.string().trim().max(300).default(''),
  published: z.boolean().default(false),
  ...versionFields,
});

export const newVersionInput = z.strictObject(versionFields);

export const updateKnowledgeInput = z
  .strictObject({
    titleAr: z.string().trim().min(2).max(300).optional(),
    titleEn: z.string().trim().max(300).optional(),
    published: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'field.required' });

// The contract of the survey questions and of a survey link (decision 032).
import { z } from 'zod';
import { QUESTION_KINDS } from '../domain/survey';

/** The server's limits: at most ten questions, exactly one rating. */
export const MAX_QUESTIONS = 10;

export const surveyQuestionSchema = z.object({
  /** a-z, 0-9 and _, 2–40 characters; the answers are stored under it. */
  key: z.string(),
  kind: z.enum(QUESTION_KINDS),
  labelAr: z.string(),
  labelEn: z.string(),
  required: z.boolean(),
});
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;
export type QuestionKind = SurveyQuestion['kind'];
export const surveyQuestionListSchema = z.object({ items: z.array(surveyQuestionSchema) });

export const updateQuestionsInput = z.strictObject({
  items: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-z0-9_]{2,40}$/, { message: 'field.key' }),
        kind: z.enum(QUESTION_KINDS),
        labelAr: z.string().trim().min(3).max(300),
        labelEn: z.string().trim().max(300).default(''),
        required: z.boolean(),
      }),
    )
    .min(1)
    .max(MAX_QUESTIONS)
    .refine((items) => items.filter((q) => q.kind === 'rating').length === 1, { message: 'field.one_rating' }),
});

/** What a survey link opens: the questions to answer, and what the survey is about. */
export const surveyForLinkSchema = z.object({
  trigger: z.string(),
  questions: z.array(surveyQuestionSchema),
});

export const answerSurveyInput = z.strictObject({
  answers: z.record(z.string().max(40), z.union([z.string().max(2000), z.number(), z.boolean()])),
  anonymous: z.boolean(),
});

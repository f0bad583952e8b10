/** Shapes of the survey questions API (server: modules/surveys/routes.ts, common/domain/survey.ts). */

export type QuestionKind = 'rating' | 'yes_no' | 'text';

export type SurveyQuestion = {
  /** a-z, 0-9 and _, 2–40 characters; the answers are stored under it. */
  key: string;
  kind: QuestionKind;
  labelAr: string;
  labelEn: string;
  required: boolean;
};

/** The server's limits: at most ten questions, exactly one rating. */
export const MAX_QUESTIONS = 10;

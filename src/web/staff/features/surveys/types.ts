/** Shapes of the survey questions API, from the shared contract (src/common/api/surveys.ts). */
export { MAX_QUESTIONS, type QuestionKind, type SurveyQuestion } from '../../../../common/api/surveys';

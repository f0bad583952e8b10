// What other modules may use of surveys (decision 032: a module imports another only through its index.ts).
export { answerSurvey } from './answer-survey';
export { inviteToSurvey } from './invite-to-survey';
export { surveyForToken } from './open-survey';
export { questionsFor } from './questions';
export { registerSurveyRoutes } from './routes';

// What other modules may use of surveys (decision 032: a module imports another only through its index.ts).

export { registerSurveyRoutes } from './routes';
export { answerSurvey, inviteToSurvey, questionsFor, surveyForToken } from './surveys';

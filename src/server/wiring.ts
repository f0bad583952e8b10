// The composition root's one piece of wiring (decision 032): notifications sits below cases and surveys (they send
// through its outbox), so what it needs from them is plugged in here, on import, before the app or the jobs run.
import { receiveWhatsAppMessage } from './modules/cases';
import { plugNotificationPorts } from './modules/notifications';
import { answerSurvey, questionsFor, surveyForToken } from './modules/surveys';

plugNotificationPorts({ whatsAppConversation: receiveWhatsAppMessage, questionsFor, surveyForToken, answerSurvey });

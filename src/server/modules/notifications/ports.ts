import type { Db } from '../../db/client';
import type { Deps } from '../../http/context';

export type WhatsAppConversation = {
  orgId: string;
  mobile: string;
  name: string | null;
  text: string;
  /** The file whose mobile the message came from, if any. */
  beneficiaryId: string | null;
};
export type SurveyQuestion = { key: string; kind: string; required: boolean; labelAr: string };

/**
 * What notifications needs from the modules that send through it (decision 032). Cases and surveys import the
 * outbox, so notifications may not import them back; the composition root (src/server/wiring.ts) plugs them in
 * once, before the app or the jobs run.
 */
export type NotificationPorts = {
  /** Cases: a WhatsApp message that is neither an opt keyword nor a survey answer joins an open case or opens one. */
  whatsAppConversation(deps: Deps, message: WhatsAppConversation): Promise<void>;
  /** Surveys: the association's active questions, the survey behind a link's token, and a one-time answer. */
  questionsFor(db: Db, orgId: string): Promise<SurveyQuestion[]>;
  surveyForToken(db: Db, token: string): Promise<{ questions: SurveyQuestion[] }>;
  answerSurvey(
    db: Db,
    token: string,
    input: { answers: Record<string, string | number | boolean>; anonymous: boolean },
  ): Promise<unknown>;
};

let plugged: NotificationPorts | null = null;

export function plugNotificationPorts(ports: NotificationPorts) {
  plugged = ports;
}

export function notificationPorts(): NotificationPorts {
  if (!plugged) throw new Error('notification ports are not plugged in: import src/server/wiring.ts first');
  return plugged;
}

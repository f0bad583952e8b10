import { RATING_LABELS_AR } from '../../../common/domain/survey';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { enqueueNotification } from './outbox';
import { notificationPorts } from './ports';
import type { WhatsAppList } from './providers/types';

/**
 * The satisfaction question on WhatsApp (decision 024). Inside the 24-hour window the survey link goes as an
 * interactive list: one section to rate under one's name, one to rate anonymously, five rows each (WhatsApp allows
 * ten rows in all, and only three reply buttons). A row id carries only the link's token, the rating and the
 * anonymity choice: `svy1:<token>:<1-5>:<n|a>`.
 */
const ROW_ID = /^svy1:([A-Za-z0-9_-]{16,64}):([1-5]):([na])$/;
const TOKEN_IN_LINK = /\/portal\/survey\/([A-Za-z0-9_-]{16,64})$/;
const ARABIC_DIGITS = '٠١٢٣٤٥';

export type SurveyReply = { token: string; rating: number; anonymous: boolean };

export function parseSurveyReply(id: string | undefined): SurveyReply | null {
  const m = id ? ROW_ID.exec(id) : null;
  if (!m) return null;
  return { token: m[1]!, rating: Number(m[2]), anonymous: m[3] === 'a' };
}

const rows = (token: string, mark: 'n' | 'a') =>
  [5, 4, 3, 2, 1].map((r) => ({
    id: `svy1:${token}:${r}:${mark}`,
    title: `${ARABIC_DIGITS[r]} — ${RATING_LABELS_AR[r - 1]}`,
  }));

/**
 * The list for a survey link message, or null when it must stay a plain link: a link without a token, or a
 * survey with a required question besides the rating (one tap cannot answer it, and the link is single-use).
 */
export async function surveyRatingList(
  db: Db,
  orgId: string,
  link: string,
  body: string,
): Promise<WhatsAppList | null> {
  const token = TOKEN_IN_LINK.exec(link)?.[1];
  if (!token) return null;
  const questions = await notificationPorts().questionsFor(db, orgId);
  const rating = questions.find((q) => q.kind === 'rating');
  if (!rating || questions.some((q) => q !== rating && q.required)) return null;
  return {
    body: `${body}\n\n${rating.labelAr}\nاختر تقييمك من القائمة، أو افتح الرابط لتكتب ملاحظتك.`.slice(0, 1024),
    button: 'اختر تقييمك',
    sections: [
      { title: 'تقييم باسمي', rows: rows(token, 'n') },
      { title: 'تقييم دون ذكر اسمي', rows: rows(token, 'a') },
    ],
  };
}

/**
 * Records a tapped rating through the surveys module's own answer (once only, before expiry, with the chosen
 * anonymity) and queues a short thank-you the person is waiting for. An unknown, expired or used token, or a
 * survey that now has another required question, records nothing and sends nothing.
 */
export async function answerFromWhatsApp(
  db: Db,
  orgId: string,
  mobile: string,
  messageId: string,
  reply: SurveyReply,
): Promise<boolean> {
  try {
    const { questions } = await notificationPorts().surveyForToken(db, reply.token);
    const rating = questions.find((q) => q.kind === 'rating');
    if (!rating) return false;
    await notificationPorts().answerSurvey(db, reply.token, {
      answers: { [rating.key]: reply.rating },
      anonymous: reply.anonymous,
    });
  } catch (error) {
    if (error instanceof AppError && error.code.startsWith('survey.')) return false;
    throw error;
  }
  await enqueueNotification(db, {
    orgId,
    channel: 'whatsapp',
    recipient: mobile,
    templateKey: 'survey_thanks',
    // No rating in it: the outbox row must not tell what an anonymous person answered.
    variables: {},
    idempotencyKey: `survey_thanks:${messageId}`,
  });
  return true;
}

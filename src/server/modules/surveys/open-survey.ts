import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { openInvitationByHash } from './queries';
import { questionsFor } from './questions';
import { hashToken } from './token';

/** The invitation behind a link; an unknown, used or expired link all look the same. */
export async function openInvitation(db: Db, token: string) {
  const inv = await openInvitationByHash(db, hashToken(token), new Date());
  if (!inv) throw new AppError('survey.unavailable');
  return inv;
}

/** What the person sees on opening their link: the questions to answer. */
export async function surveyForToken(db: Db, token: string) {
  const inv = await openInvitation(db, token);
  return { trigger: inv.trigger, questions: await questionsFor(db, inv.orgId) };
}

import { addDays, riyadhDate } from '../../../common/dates';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { emitEvent } from '../integrations';
import { ruleSettings } from '../outreach';
import { openInvitation } from './open-survey';
import { firstOfficer, insertResponse, insertTaskOnce, markAnswered } from './queries';
import { questionsFor } from './questions';

/**
 * Records an answer once. Anonymous: the answer keeps no link to the person, the invitation or the staff
 * member, and only its month; a named low rating becomes a follow-up call task (the outreach rule).
 */
export async function answerSurvey(
  db: Db,
  token: string,
  input: { answers: Record<string, string | number | boolean>; anonymous: boolean },
) {
  const inv = await openInvitation(db, token);
  const questions = await questionsFor(db, inv.orgId);
  const answers: Record<string, string | number | boolean> = {};
  let rating: number | null = null;
  for (const q of questions) {
    const value = input.answers[q.key];
    if (value === undefined || value === '') {
      if (q.required) throw new AppError('survey.answer_required', { key: q.key });
      continue;
    }
    if (q.kind === 'rating') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5)
        throw new AppError('survey.bad_answer', { key: q.key });
      rating ??= value;
    } else if (q.kind === 'yes_no' && typeof value !== 'boolean')
      throw new AppError('survey.bad_answer', { key: q.key });
    else if (q.kind === 'text' && (typeof value !== 'string' || value.length > 2000))
      throw new AppError('survey.bad_answer', { key: q.key });
    answers[q.key] = value;
  }
  if (rating === null) throw new AppError('survey.answer_required', { key: 'rating' });
  const today = riyadhDate(new Date());
  return db.transaction(async (tx) => {
    if (!(await markAnswered(tx, inv.id, today))) throw new AppError('survey.unavailable');
    await insertResponse(tx, {
      orgId: inv.orgId,
      invitationId: input.anonymous ? null : inv.id,
      anonymous: input.anonymous,
      trigger: inv.trigger,
      serviceId: inv.serviceId,
      channel: inv.channel,
      branchId: inv.branchId,
      month: today.slice(0, 7),
      rating,
      answers,
    });
    await emitEvent(
      tx,
      inv.orgId,
      'survey.answered',
      { type: 'survey_invitation', id: input.anonymous ? 'anonymous' : inv.id },
      { rating, anonymous: input.anonymous, serviceId: inv.serviceId, branchId: inv.branchId, channel: inv.channel },
    );
    const rule = (await ruleSettings(tx, inv.orgId)).find((r) => r.key === 'low_satisfaction');
    if (!input.anonymous && rule?.enabled && rating <= (rule.params.maxRating ?? 2)) {
      const officer = await firstOfficer(tx, inv.orgId);
      if (officer) {
        await insertTaskOnce(tx, {
          orgId: inv.orgId,
          assigneeUserId: officer.id,
          kind: 'low_satisfaction',
          title: `تقييم منخفض (${rating} من ٥): اتصل بالمستفيد لمعرفة ما يمكن تحسينه`,
          entityType: inv.beneficiaryId ? 'beneficiary' : 'survey',
          entityId: inv.beneficiaryId ?? inv.id,
          dueAt: new Date(`${addDays(today, 2)}T12:00:00+03:00`),
          dedupeKey: `low_rating:${inv.id}`,
        });
      }
    }
    return { recorded: true as const };
  });
}

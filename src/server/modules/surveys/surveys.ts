import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { addDays, riyadhDate } from '../../../common/dates';
import { DEFAULT_QUESTIONS, type SurveyTrigger } from '../../../common/domain/survey';
import type { Db } from '../../db/client';
import { surveyInvitations, surveyQuestions, surveyResponses, tasks, users } from '../../db/tables/index';
import { AppError } from '../../errors';
import { publicUrlOf } from '../../http/host-org';
import { emitEvent } from '../integrations';
import { enqueueNotification } from '../notifications';
import { ruleSettings } from '../outreach';
import { getSettings } from '../settings';

export const SURVEY_LINK_DAYS = 14;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function questionsFor(db: Db, orgId: string) {
  const rows = await db
    .select()
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.orgId, orgId), eq(surveyQuestions.active, true)))
    .orderBy(asc(surveyQuestions.position));
  if (rows.length > 0)
    return rows.map((q) => ({
      key: q.key,
      kind: q.kind,
      labelAr: q.labelAr,
      labelEn: q.labelEn,
      required: q.required,
    }));
  return DEFAULT_QUESTIONS.map((q) => ({ ...q }));
}

export type Invite = {
  orgId: string;
  trigger: SurveyTrigger;
  entityId: string;
  beneficiaryId: string | null;
  mobile: string | null;
  serviceId: string | null;
  channel: string;
  branchId: string | null;
  ownerUserId: string | null;
  publicUrl: string;
};

/**
 * Sends one single-use survey link per event (case resolved, delivery done, application decided), in the
 * transaction of that event. Nothing is sent when there is no number to send it to.
 */
export async function inviteToSurvey(db: Db, p: Invite): Promise<boolean> {
  if (!p.mobile) return false;
  // One invitation per person per period (settings; never two within a day): a busy month asks once.
  const { surveyIntervalDays } = await getSettings(db, p.orgId);
  const since = new Date(Date.now() - Math.max(1, surveyIntervalDays) * 86_400_000);
  const [recent] = await db
    .select({ id: surveyInvitations.id })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.orgId, p.orgId),
        eq(surveyInvitations.mobile, p.mobile),
        gt(surveyInvitations.sentAt, since),
      ),
    )
    .limit(1);
  if (recent) return false;
  const token = randomBytes(18).toString('base64url');
  const inserted = await db
    .insert(surveyInvitations)
    .values({
      orgId: p.orgId,
      tokenHash: hashToken(token),
      trigger: p.trigger,
      triggerEntityId: p.entityId,
      beneficiaryId: p.beneficiaryId,
      mobile: p.mobile,
      serviceId: p.serviceId,
      channel: p.channel,
      branchId: p.branchId,
      ownerUserId: p.ownerUserId,
      expiresAt: new Date(Date.now() + SURVEY_LINK_DAYS * 86_400_000),
    })
    .onConflictDoNothing()
    .returning({ id: surveyInvitations.id });
  if (inserted.length === 0) return false;
  await enqueueNotification(db, {
    orgId: p.orgId,
    channel: 'sms',
    recipient: p.mobile,
    templateKey: 'survey_link',
    // The association's own address on a shared deployment (issue 20).
    variables: { link: `${await publicUrlOf(db, p.orgId, p.publicUrl)}/portal/survey/${token}` },
    idempotencyKey: `survey:${p.trigger}:${p.entityId}`,
    entityType: 'survey',
    entityId: inserted[0]!.id,
  });
  return true;
}

async function openInvitation(db: Db, token: string) {
  const [inv] = await db
    .select()
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.tokenHash, hashToken(token)),
        isNull(surveyInvitations.answeredOn),
        gt(surveyInvitations.expiresAt, new Date()),
      ),
    );
  // An unknown, used or expired link all look the same.
  if (!inv) throw new AppError('survey.unavailable');
  return inv;
}

export async function surveyForToken(db: Db, token: string) {
  const inv = await openInvitation(db, token);
  return { trigger: inv.trigger, questions: await questionsFor(db, inv.orgId) };
}

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
    const used = await tx
      .update(surveyInvitations)
      .set({ answeredOn: today })
      .where(and(eq(surveyInvitations.id, inv.id), isNull(surveyInvitations.answeredOn)))
      .returning({ id: surveyInvitations.id });
    if (used.length === 0) throw new AppError('survey.unavailable');
    await tx.insert(surveyResponses).values({
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
      const [officer] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.orgId, inv.orgId), eq(users.role, 'officer'), eq(users.disabled, false)))
        .orderBy(asc(users.createdAt))
        .limit(1);
      if (officer) {
        await tx
          .insert(tasks)
          .values({
            orgId: inv.orgId,
            assigneeUserId: officer.id,
            kind: 'low_satisfaction',
            title: `تقييم منخفض (${rating} من ٥): اتصل بالمستفيد لمعرفة ما يمكن تحسينه`,
            entityType: inv.beneficiaryId ? 'beneficiary' : 'survey',
            entityId: inv.beneficiaryId ?? inv.id,
            dueAt: new Date(`${addDays(today, 2)}T12:00:00+03:00`),
            dedupeKey: `low_rating:${inv.id}`,
          })
          .onConflictDoNothing();
      }
    }
    return { recorded: true as const };
  });
}

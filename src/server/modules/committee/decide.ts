import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { decisionInput, voteInput } from '../../../common/domain/committee';
import { DECIDABLE_STAGES } from '../../../common/domain/committee';
import type { Db } from '../../db/client';
import { nextNumber, riyadhYear } from '../../db/counters';
import {
  agendaItems,
  applicationServices,
  applications,
  applicationTransitions,
  beneficiaries,
  committeeMeetings,
  committeeVotes,
  completionItems,
  services,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { emitEvent } from '../integrations';
import { notify } from '../notifications';
import { getSettings } from '../settings';
import { inviteToSurvey } from '../surveys';
import { recordInteraction } from '../timeline';
import { notifyStaff, whoMovedTo } from '../work';
import { getAgendaItem, getMeeting, listAttendees } from './queries';

/**
 * Attendance, votes and decisions are records of what happened at the meeting, so none is taken before the
 * meeting's scheduled start (an instant; the UI shows it in Riyadh time).
 */
export function assertMeetingStarted(meeting: { scheduledAt: Date }, now = new Date()): void {
  if (now < meeting.scheduledAt) {
    throw new AppError('committee.meeting_not_started', { scheduledAt: meeting.scheduledAt.toISOString() });
  }
}

/** The meeting opened with its first record (attendance, vote or decision); kept once. */
export async function markOpened(tx: Db, orgId: string, meetingId: string, now: Date): Promise<void> {
  await tx
    .update(committeeMeetings)
    .set({ openedAt: now })
    .where(inOrg(committeeMeetings, orgId, eq(committeeMeetings.id, meetingId), isNull(committeeMeetings.openedAt)));
}

async function openItem(deps: Deps, user: SessionUser, meetingId: string, applicationId: string) {
  const meeting = await getMeeting(deps.db, user.orgId, meetingId);
  if (!meeting) throw new AppError('committee.meeting_not_found');
  if (meeting.status !== 'scheduled') throw new AppError('committee.meeting_closed');
  const item = await getAgendaItem(deps.db, user.orgId, meetingId, applicationId);
  if (!item) throw new AppError('committee.not_on_agenda');
  if (item.decision) throw new AppError('committee.already_decided');
  assertMeetingStarted(meeting);
  return { meeting, item };
}

/** A committee member present at the meeting votes accept / reject / defer, with a reason; a new vote replaces theirs. */
export async function castVote(
  deps: Deps,
  user: SessionUser,
  meetingId: string,
  applicationId: string,
  input: z.infer<typeof voteInput>,
  meta: RequestMeta,
) {
  authorize(user, 'committee.vote');
  const { item } = await openItem(deps, user, meetingId, applicationId);
  const attendees = await listAttendees(deps.db, user.orgId, meetingId);
  const me = attendees.find((a) => a.userId === user.id);
  if (!me) throw new AppError('committee.not_a_member');
  if (!me.present) throw new AppError('committee.not_present');
  if (input.vote !== 'accept' && !input.reason) throw new AppError('committee.reason_required');
  await deps.db.transaction(async (tx) => {
    await markOpened(tx, user.orgId, meetingId, new Date());
    await tx
      .insert(committeeVotes)
      .values({
        orgId: user.orgId,
        agendaItemId: item.id,
        userId: user.id,
        vote: input.vote,
        reason: input.reason ?? null,
      })
      .onConflictDoUpdate({
        target: [committeeVotes.orgId, committeeVotes.agendaItemId, committeeVotes.userId],
        set: { vote: input.vote, reason: input.reason ?? null, at: new Date() },
      });
    await writeAudit(tx, user, meta, {
      action: 'committee.vote',
      entityType: 'application',
      entityId: applicationId,
      details: { meetingId, vote: input.vote },
    });
  });
}

export function quorumNeeded(rule: 'majority' | number, members: number): number {
  return rule === 'majority' ? Math.floor(members / 2) + 1 : rule;
}

const DECISION_TEXT = {
  accepted: 'قُبل طلبكم للالتحاق بخدمات الجمعية، وسنتواصل معكم لاستكمال إجراءات التسجيل.',
  rejected: 'نعتذر، لم يُقبل طلبكم. يمكنكم التظلم خلال المدة المحددة في خطاب القرار.',
  deferred: 'أُجّل النظر في طلبكم إلى اجتماع اللجنة القادم لاستكمال الدراسة.',
} as const;

/**
 * The chair records the committee's decision on one agenda item. Exactly one decision wins: the agenda item
 * and the application are both updated only from their undecided state, inside one transaction.
 */
export async function decideApplication(
  deps: Deps,
  user: SessionUser,
  meetingId: string,
  applicationId: string,
  input: z.infer<typeof decisionInput>,
  meta: RequestMeta,
) {
  authorize(user, 'committee.decide');
  const { meeting, item } = await openItem(deps, user, meetingId, applicationId);
  if (meeting.chairUserId !== user.id) throw new AppError('committee.chair_only');
  const settings = await getSettings(deps.db, user.orgId);
  const attendees = await listAttendees(deps.db, user.orgId, meetingId);
  const needed = quorumNeeded(settings.committeeQuorum, attendees.length);
  const present = attendees.filter((a) => a.present).length;
  if (present < needed) throw new AppError('committee.no_quorum', { present, needed });
  if (input.decision === 'deferred' && !input.note) throw new AppError('application.note_required');
  if (input.decision === 'rejected') {
    if (input.reasonCodes.length === 0) throw new AppError('committee.reasons_required');
    const known = new Set(settings.rejectionReasons.map((r) => r.code));
    if (input.reasonCodes.some((c) => !known.has(c))) throw new AppError('committee.unknown_reason');
  }
  const year = riyadhYear(new Date());
  const now = new Date();

  return deps.db.transaction(async (tx) => {
    await markOpened(tx, user.orgId, meetingId, now);
    const decided = await tx
      .update(agendaItems)
      .set({
        decision: input.decision,
        reasonCodes: input.reasonCodes,
        decisionNote: input.note ?? null,
        decidedBy: user.id,
        decidedAt: now,
      })
      .where(inOrg(agendaItems, user.orgId, eq(agendaItems.id, item.id), isNull(agendaItems.decision)))
      .returning({ id: agendaItems.id });
    if (decided.length === 0) throw new AppError('committee.already_decided');
    const [before] = await tx
      .select({ stage: applications.stage })
      .from(applications)
      .where(inOrg(applications, user.orgId, eq(applications.id, applicationId)));
    const [app] = await tx
      .update(applications)
      .set({ stage: input.decision === 'accepted' ? 'completing' : input.decision, stageChangedAt: now })
      .where(
        inOrg(
          applications,
          user.orgId,
          eq(applications.id, applicationId),
          inArray(applications.stage, [...DECIDABLE_STAGES]),
        ),
      )
      .returning({
        stage: applications.stage,
        beneficiaryId: applications.beneficiaryId,
        channel: applications.channel,
      });
    if (!app) throw new AppError('committee.already_decided');

    const reasonLabels = input.reasonCodes.map(
      (c) => settings.rejectionReasons.find((r) => r.code === c)?.labelAr ?? c,
    );
    const note = [reasonLabels.join('، '), input.note].filter(Boolean).join(' — ');
    await tx.insert(applicationTransitions).values({
      orgId: user.orgId,
      applicationId,
      fromStage: before?.stage ?? 'in_committee',
      toStage: input.decision,
      byUser: user.id,
      channel: 'letter',
      note: `${meeting.reference}${note ? ` — ${note}` : ''}`,
    });
    if (input.decision === 'accepted') {
      await tx.insert(applicationTransitions).values({
        orgId: user.orgId,
        applicationId,
        fromStage: 'accepted',
        toStage: 'completing',
        byUser: user.id,
        channel: 'letter',
        note: null,
      });
      // The accepted services' remaining registration steps become the completion checklist.
      const steps = await tx
        .select({ steps: services.completionSteps })
        .from(applicationServices)
        .innerJoin(
          services,
          and(eq(services.orgId, applicationServices.orgId), eq(services.id, applicationServices.serviceId)),
        )
        .where(inOrg(applicationServices, user.orgId, eq(applicationServices.applicationId, applicationId)));
      const unique = new Map(steps.flatMap((s) => s.steps).map((s) => [s.key, s]));
      if (unique.size > 0) {
        await tx
          .insert(completionItems)
          .values(
            [...unique.values()].map((s) => ({
              orgId: user.orgId,
              applicationId,
              stepKey: s.key,
              labelAr: s.labelAr,
              labelEn: s.labelEn,
            })),
          )
          .onConflictDoNothing();
      }
    }
    let letterReference: string | null = null;
    if (input.decision !== 'deferred') {
      const seq = await nextNumber(tx, user.orgId, 'letter', year);
      letterReference = `${year}/${String(seq).padStart(4, '0')}`;
      await tx
        .update(agendaItems)
        .set({ letterReference })
        .where(inOrg(agendaItems, user.orgId, eq(agendaItems.id, item.id)));
    }
    // The decision reaches the beneficiary by SMS (outbox) and is kept on the file as an outbound letter.
    const [b] = await tx
      .select({ mobile: beneficiaries.mobile })
      .from(beneficiaries)
      .where(inOrg(beneficiaries, user.orgId, eq(beneficiaries.id, app.beneficiaryId)));
    const [ref] = await tx
      .select({ reference: applications.reference })
      .from(applications)
      .where(inOrg(applications, user.orgId, eq(applications.id, applicationId)));
    await notify.decision(tx, {
      orgId: user.orgId,
      mobile: b!.mobile,
      applicationId,
      reference: ref!.reference,
      decision: input.decision,
      agendaItemId: item.id,
    });
    if (input.decision !== 'deferred') {
      const [first] = await tx
        .select({ serviceId: applicationServices.serviceId })
        .from(applicationServices)
        .where(inOrg(applicationServices, user.orgId, eq(applicationServices.applicationId, applicationId)))
        .limit(1);
      await inviteToSurvey(tx, {
        orgId: user.orgId,
        trigger: 'application_decided',
        entityId: applicationId,
        beneficiaryId: app.beneficiaryId,
        mobile: b!.mobile,
        serviceId: first?.serviceId ?? null,
        channel: app.channel,
        branchId: null,
        ownerUserId: null,
        publicUrl: deps.config.publicUrl,
      });
    }
    await recordInteraction(tx, {
      orgId: user.orgId,
      channel: 'letter',
      direction: 'outbound',
      userId: user.id,
      summary: `${DECISION_TEXT[input.decision]}${letterReference ? ` (خطاب رقم ${letterReference})` : ''}`,
      beneficiaryId: app.beneficiaryId,
      applicationId,
    });
    // The officer who raised the application hears the decision in the app (the applicant by SMS, above).
    await notifyStaff(tx, {
      orgId: user.orgId,
      userId: await whoMovedTo(tx, user.orgId, applicationId, 'in_committee'),
      actorUserId: user.id,
      kind: 'application_decided',
      entityType: 'application',
      entityId: applicationId,
      reference: ref!.reference,
      detail: input.decision,
    });
    await writeAudit(tx, user, meta, {
      action: 'committee.decision',
      entityType: 'application',
      entityId: applicationId,
      details: { meetingId, decision: input.decision, reasonCodes: input.reasonCodes, appeal: item.isAppeal },
    });
    await emitEvent(
      tx,
      user.orgId,
      'application.decided',
      { type: 'application', id: applicationId },
      { applicationId, beneficiaryId: app.beneficiaryId, decision: input.decision, appeal: item.isAppeal },
    );
    return { decision: input.decision, stage: app.stage, letterReference };
  });
}

export async function closeMeeting(deps: Deps, user: SessionUser, meetingId: string, meta: RequestMeta) {
  const meeting = await getMeeting(deps.db, user.orgId, meetingId);
  if (!meeting) throw new AppError('committee.meeting_not_found');
  authorize(user, 'committee.decide', { orgId: meeting.orgId });
  if (meeting.chairUserId !== user.id) throw new AppError('committee.chair_only');
  const closed = await deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(committeeMeetings)
      .set({ status: 'closed', closedAt: new Date() })
      .where(and(eq(committeeMeetings.id, meetingId), eq(committeeMeetings.status, 'scheduled')))
      .returning({ id: committeeMeetings.id });
    if (rows.length > 0)
      await writeAudit(tx, user, meta, {
        action: 'committee.meeting_closed',
        entityType: 'committee_meeting',
        entityId: meetingId,
      });
    return rows.length > 0;
  });
  if (!closed) throw new AppError('committee.meeting_closed');
}

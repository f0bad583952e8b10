import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type assignCaseInput,
  type CaseKind,
  type CasePriority,
  type CaseStatus,
  type caseMessageInput,
  type caseTransitionInput,
  type createCaseInput,
  findCaseTransition,
  type suggestionOutcomeInput,
} from '../../../common/domain/case';
import type { Channel } from '../../../common/domain/channels';
import { addWorkingMinutes, workingMinutesBetween } from '../../../common/domain/sla';
import type { Db } from '../../db/client';
import { nextNumber, riyadhYear } from '../../db/counters';
import { caseMessages, cases, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { getBeneficiary } from '../beneficiaries';
import { emitEvent } from '../integrations';
import { enqueueNotification } from '../notifications';
import { getSettings } from '../settings';
import { inviteToSurvey } from '../surveys';
import { recordInteraction } from '../timeline';
import { notifyStaff, whoReferredCase } from '../work';
import { getCase } from './queries';
import { calendarOf, slaMinutes } from './sla';

const KIND_AR: Record<CaseKind, string> = {
  inquiry: 'استفسار',
  complaint: 'شكوى',
  suggestion: 'مقترح',
  praise: 'شكر',
  service_request: 'طلب خدمة',
};

/** Loads a case the user may work on: same organisation; a branch representative only their branch's. */
export async function loadCaseFor(deps: Deps, user: SessionUser, id: string, action: 'cases.read' | 'cases.work') {
  const row = await getCase(deps.db, user.orgId, id);
  if (!row) throw new AppError('case.not_found');
  authorize(user, action, { orgId: row.orgId, ...(user.role === 'branch_rep' ? { branchId: row.branchId } : {}) });
  return row;
}

/** Opens a case. Its SLA due times come from the working calendar; an anonymous suggestion keeps no identity. */
export async function createCase(
  deps: Deps,
  user: SessionUser | null,
  orgId: string,
  input: z.infer<typeof createCaseInput>,
  meta: RequestMeta,
) {
  let branchId = user?.branchId ?? null;
  if (input.beneficiaryId) {
    const b = await getBeneficiary(deps.db, orgId, input.beneficiaryId);
    if (!b) throw new AppError('beneficiary.not_found');
    if (user) authorize(user, 'cases.create', { orgId: b.orgId, branchId: b.branchId });
    branchId = b.branchId;
  }
  if (input.anonymous) branchId = null;
  const settings = await getSettings(deps.db, orgId);
  const now = new Date();
  const minutes = slaMinutes(settings, input.kind, input.priority);
  const calendar = calendarOf(settings);
  const year = riyadhYear(now);
  return deps.db.transaction(async (tx) => {
    const seq = await nextNumber(tx, orgId, 'case', year);
    const reference = `C-${year}-${String(seq).padStart(5, '0')}`;
    const [row] = await tx
      .insert(cases)
      .values({
        orgId,
        reference,
        kind: input.kind,
        priority: input.priority,
        channel: input.channel,
        subject: input.subject,
        description: input.description,
        beneficiaryId: input.anonymous ? null : (input.beneficiaryId ?? null),
        contactName: input.anonymous ? null : (input.contactName ?? null),
        contactMobile: input.anonymous ? null : (input.contactMobile ?? null),
        anonymous: input.anonymous,
        team: input.team,
        branchId,
        createdBy: input.anonymous ? null : (user?.id ?? null),
        createdAt: now,
        firstResponseDueAt: addWorkingMinutes(now, minutes.firstResponse, calendar),
        resolutionDueAt: addWorkingMinutes(now, minutes.resolution, calendar),
      })
      .returning({ id: cases.id, reference: cases.reference });
    await tx
      .insert(caseMessages)
      .values({ orgId, caseId: row!.id, kind: 'inbound', body: input.description, channel: input.channel });
    if (!input.anonymous) {
      await recordInteraction(tx, {
        orgId,
        channel: input.channel,
        direction: 'inbound',
        userId: user?.id ?? null,
        summary: `${KIND_AR[input.kind]}: ${input.subject}`,
        beneficiaryId: input.beneficiaryId ?? null,
        contactName: input.contactName ?? null,
        contactMobile: input.contactMobile ?? null,
      });
    }
    // The audit row names the case, never the anonymous suggester (there is nobody to name).
    await writeAudit(
      tx,
      { id: user?.id ?? null, orgId, username: user?.username ?? null },
      input.anonymous ? { ip: null, userAgent: null } : meta,
      {
        action: 'case.created',
        entityType: 'case',
        entityId: row!.id,
        details: { kind: input.kind, channel: input.channel },
      },
    );
    await emitEvent(
      tx,
      orgId,
      'case.opened',
      { type: 'case', id: row!.id },
      {
        caseId: row!.id,
        reference: row!.reference,
        kind: input.kind,
        channel: input.channel,
        beneficiaryId: input.beneficiaryId ?? null,
      },
    );
    return row!;
  });
}

async function moveStatus(
  tx: Db,
  c: { id: string; orgId: string; status: string },
  to: CaseStatus,
  set: Partial<typeof cases.$inferInsert>,
) {
  const rows = await tx
    .update(cases)
    .set({ ...set, status: to })
    .where(inOrg(cases, c.orgId, and(eq(cases.id, c.id), eq(cases.status, c.status))))
    .returning({ id: cases.id });
  if (rows.length === 0) throw new AppError('case.status_changed');
}

/**
 * Moves a case through its machine. Waiting for the beneficiary pauses the clock: on resuming, the due times
 * move forward by the working time spent waiting.
 */
export async function transitionCase(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: z.infer<typeof caseTransitionInput>,
  meta: RequestMeta,
) {
  const c = await loadCaseFor(deps, user, id, 'cases.work');
  const from = c.status as CaseStatus;
  const t = findCaseTransition(from, input.to);
  if (!t) throw new AppError('case.illegal_transition', { from, to: input.to });
  if (t.noteRequired && !input.note) throw new AppError('case.note_required');
  // A referred case is the execution officer's: only they answer it or resolve it.
  if (from === 'referred' && input.to !== 'waiting_beneficiary') authorize(user, 'cases.answer_referral');
  const settings = await getSettings(deps.db, user.orgId);
  const calendar = calendarOf(settings);
  const now = new Date();
  const set: Partial<typeof cases.$inferInsert> = {};
  // The first response is the first reply that reached the person (a reply, or a contact logged with them on the
  // case), never a status change: "start processing" does not stop the clock.
  if (input.to === 'waiting_beneficiary') set.pausedAt = now;
  if (from === 'waiting_beneficiary' && c.pausedAt) {
    const paused = workingMinutesBetween(c.pausedAt, now, calendar);
    set.pausedAt = null;
    set.resolutionDueAt = addWorkingMinutes(c.resolutionDueAt, paused, calendar);
    if (!c.firstResponseAt) set.firstResponseDueAt = addWorkingMinutes(c.firstResponseDueAt, paused, calendar);
  }
  if (input.to === 'resolved') {
    set.resolvedAt = now;
    set.pausedAt = null;
  }
  if (input.to === 'closed') set.closedAt = now;
  if (t.reopen) {
    const resolvedAt = c.resolvedAt ?? now;
    if (now.getTime() - resolvedAt.getTime() > settings.caseReopenDays * 86_400_000)
      throw new AppError('case.reopen_window_closed');
    const minutes = slaMinutes(settings, c.kind as CaseKind, c.priority as CasePriority);
    Object.assign(set, {
      resolvedAt: null,
      closedAt: null,
      reopenCount: c.reopenCount + 1,
      resolutionDueAt: addWorkingMinutes(now, minutes.resolution, calendar),
    });
  }
  await deps.db.transaction(async (tx) => {
    await moveStatus(tx, c, input.to, set);
    if (input.to === 'resolved' && !c.anonymous) {
      const mobile =
        c.contactMobile ??
        (c.beneficiaryId ? (await getBeneficiary(tx, user.orgId, c.beneficiaryId))?.mobile : null) ??
        null;
      await inviteToSurvey(tx, {
        orgId: user.orgId,
        trigger: 'case_resolved',
        entityId: c.id,
        beneficiaryId: c.beneficiaryId,
        mobile,
        serviceId: null,
        channel: c.channel,
        branchId: c.branchId,
        ownerUserId: c.ownerUserId,
        publicUrl: deps.config.publicUrl,
      });
    }
    await tx.insert(caseMessages).values({
      orgId: user.orgId,
      caseId: id,
      kind: 'status',
      body: `${from} → ${input.to}${input.note ? `: ${input.note}` : ''}`,
      authorUserId: user.id,
    });
    if (from === 'referred') {
      await notifyStaff(tx, {
        orgId: user.orgId,
        userId: await whoReferredCase(tx, user.orgId, id),
        actorUserId: user.id,
        kind: 'referral_answered',
        entityType: 'case',
        entityId: id,
        reference: c.reference,
        detail: input.note ?? null,
      });
    }
    await writeAudit(tx, user, meta, {
      action: 'case.transition',
      entityType: 'case',
      entityId: id,
      details: { from, to: input.to },
    });
    if (input.to === 'resolved')
      await emitEvent(
        tx,
        user.orgId,
        'case.resolved',
        { type: 'case', id },
        { caseId: id, reference: c.reference, beneficiaryId: c.beneficiaryId },
      );
  });
  return { id, status: input.to };
}

/** An internal note stays with staff; a reply goes to the person (as an outbound contact on the channel). */
export async function addCaseMessage(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: z.infer<typeof caseMessageInput>,
  meta: RequestMeta,
) {
  const c = await loadCaseFor(deps, user, id, 'cases.work');
  if (input.kind === 'reply' && c.anonymous) throw new AppError('case.anonymous_no_reply');
  const channel = (input.channel ?? c.channel) as Channel;
  await deps.db.transaction(async (tx) => {
    const [message] = await tx
      .insert(caseMessages)
      .values({
        orgId: user.orgId,
        caseId: id,
        kind: input.kind,
        body: input.body,
        channel: input.kind === 'reply' ? channel : null,
        authorUserId: user.id,
      })
      .returning({ id: caseMessages.id });
    if (input.kind === 'reply') {
      // The reply goes out through the outbox: WhatsApp when the conversation came from it, SMS otherwise.
      const mobile =
        c.contactMobile ?? (c.beneficiaryId ? (await getBeneficiary(tx, user.orgId, c.beneficiaryId))?.mobile : null);
      if (mobile) {
        await enqueueNotification(tx, {
          orgId: user.orgId,
          channel: c.channel === 'social_media' ? 'whatsapp' : 'sms',
          recipient: mobile,
          templateKey: 'case_reply',
          variables: { reference: c.reference, reply: input.body },
          idempotencyKey: `reply:${message!.id}`,
          entityType: 'case',
          entityId: id,
        });
      }
      if (!c.firstResponseAt) await tx.update(cases).set({ firstResponseAt: new Date() }).where(eq(cases.id, id));
      await recordInteraction(tx, {
        orgId: user.orgId,
        channel,
        direction: 'outbound',
        userId: user.id,
        summary: `رد على ${c.reference}: ${input.body.slice(0, 200)}`,
        beneficiaryId: c.beneficiaryId,
        contactName: c.contactName,
        contactMobile: c.contactMobile,
      });
    }
    await writeAudit(tx, user, meta, { action: `case.${input.kind}`, entityType: 'case', entityId: id });
  });
}

const OUTCOME_AR = {
  accepted: 'قُبل مقترحكم وسيُعمل به',
  under_study: 'مقترحكم قيد الدراسة',
  declined: 'اعتُذر عن تطبيق مقترحكم',
} as const;

/** A suggestion's outcome, told back to the person when we know who they are. */
export async function recordSuggestionOutcome(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: z.infer<typeof suggestionOutcomeInput>,
  meta: RequestMeta,
) {
  const c = await loadCaseFor(deps, user, id, 'cases.work');
  authorize(user, 'cases.outcome');
  if (c.kind !== 'suggestion') throw new AppError('case.not_suggestion');
  const text = `${OUTCOME_AR[input.outcome]}${input.reason ? `: ${input.reason}` : ''}. شكراً لمشاركتكم في تحسين خدمات الجمعية.`;
  await deps.db.transaction(async (tx) => {
    await tx
      .update(cases)
      .set({ outcome: input.outcome, outcomeReason: input.reason ?? null, outcomeAt: new Date() })
      .where(eq(cases.id, id));
    if (!c.anonymous) {
      await tx.insert(caseMessages).values({
        orgId: user.orgId,
        caseId: id,
        kind: 'reply',
        body: text,
        channel: c.channel,
        authorUserId: user.id,
      });
      await recordInteraction(tx, {
        orgId: user.orgId,
        channel: c.channel as Channel,
        direction: 'outbound',
        userId: user.id,
        summary: `نتيجة المقترح ${c.reference}: ${text}`,
        beneficiaryId: c.beneficiaryId,
        contactName: c.contactName,
        contactMobile: c.contactMobile,
      });
    }
    await writeAudit(tx, user, meta, {
      action: 'case.outcome',
      entityType: 'case',
      entityId: id,
      details: { outcome: input.outcome },
    });
  });
}

export async function assignCase(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: z.infer<typeof assignCaseInput>,
  meta: RequestMeta,
) {
  const c = await loadCaseFor(deps, user, id, 'cases.work');
  if (input.ownerUserId) {
    const [owner] = await deps.db
      .select({ role: users.role, disabled: users.disabled, branchId: users.branchId })
      .from(users)
      .where(inOrg(users, user.orgId, eq(users.id, input.ownerUserId)));
    if (!owner || owner.disabled || owner.role === 'committee' || owner.role === 'admin')
      throw new AppError('case.bad_owner');
    // A branch representative can only work their own branch's cases, so only those can be given to them.
    if (owner.role === 'branch_rep' && owner.branchId !== c.branchId) throw new AppError('case.bad_owner');
  }
  await deps.db.transaction(async (tx) => {
    await tx.update(cases).set(input).where(eq(cases.id, id));
    if (input.ownerUserId && input.ownerUserId !== c.ownerUserId) {
      await notifyStaff(tx, {
        orgId: user.orgId,
        userId: input.ownerUserId,
        actorUserId: user.id,
        kind: 'case_assigned',
        entityType: 'case',
        entityId: id,
        reference: c.reference,
        detail: c.subject,
      });
    }
    await writeAudit(tx, user, meta, { action: 'case.assigned', entityType: 'case', entityId: id, details: input });
  });
}

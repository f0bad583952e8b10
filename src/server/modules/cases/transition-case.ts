import type { z } from 'zod';
import {
  type CaseKind,
  type CasePriority,
  type CaseStatus,
  type caseTransitionInput,
  findCaseTransition,
} from '../../../common/domain/case';
import { addWorkingMinutes, workingMinutesBetween } from '../../../common/domain/sla';
import type { cases } from '../../db/tables/index';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { getBeneficiary } from '../beneficiaries';
import { emitEvent } from '../integrations';
import { getSettings } from '../settings';
import { inviteToSurvey } from '../surveys';
import { notifyStaff, whoReferredCase } from '../work';
import { loadCaseFor } from './load-case';
import { insertCaseMessage, updateStatusIf } from './queries';
import { calendarOf, slaMinutes } from './sla';

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
    if (!(await updateStatusIf(tx, c, input.to, set))) throw new AppError('case.status_changed');
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
    await insertCaseMessage(tx, {
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

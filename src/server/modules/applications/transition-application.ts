import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { normalizeArabicCompact } from '../../../common/arabic';
import { riyadhDate } from '../../../common/dates';
import {
  type ApplicationStage,
  findTransition,
  type TransitionRight,
  type transitionInput,
} from '../../../common/domain/application';
import type { Channel } from '../../../common/domain/channels';
import { expectedDecisionDate } from '../../../common/domain/committee';
import { applications, applicationTransitions, beneficiaries, declarations } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { type Action, authorize, can } from '../../policy';
import { fullName, getBeneficiary, getHousehold } from '../beneficiaries';
import { emitEvent } from '../integrations';
import { notify } from '../notifications';
import { getSettings } from '../settings';
import { notifyStaff, whoMovedTo } from '../work';
import { getApplication, getDeclaration, listChecklist } from './queries';
import { currentCriteria, scoreBeneficiary } from './scoring';

const RIGHT_ACTION: Record<TransitionRight, Action> = {
  verify: 'applications.verify',
  answer_referral: 'referrals.answer',
  raise: 'applications.raise',
};

export type TransitionInput = z.infer<typeof transitionInput> & { channel?: Channel };

/** Stages this user may move the application to from where it is now (for the UI's buttons). */
export function allowedNextStages(
  user: SessionUser,
  stage: ApplicationStage,
  resource: { orgId: string; branchId: string },
) {
  return (['submitted', 'verifying', 'referred', 'returned', 'declared', 'in_committee', 'withdrawn'] as const).filter(
    (to) => {
      const t = findTransition(stage, to);
      return t !== undefined && can(user, RIGHT_ACTION[t.right], resource);
    },
  );
}

/**
 * Moves an application through the policy's handling steps. The machine (common/domain/application.ts)
 * decides what is legal, the policy who may do it; the update is conditional on the stage read, so two
 * people acting at once cannot both succeed.
 */
export async function transitionApplication(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: TransitionInput,
  meta: RequestMeta,
) {
  const app = await getApplication(deps.db, user.orgId, id);
  if (!app) throw new AppError('application.not_found');
  const resource = { orgId: app.orgId, branchId: app.branchId };
  authorize(user, 'applications.transition', resource);
  const from = app.stage as ApplicationStage;
  const transition = findTransition(from, input.to);
  if (!transition) {
    throw new AppError('application.illegal_transition', {
      from,
      to: input.to,
      allowed: allowedNextStages(user, from, resource),
    });
  }
  authorize(user, RIGHT_ACTION[transition.right], resource);
  if (transition.noteRequired && !input.note) throw new AppError('application.note_required');

  const set: Partial<typeof applications.$inferInsert> = { stage: input.to, stageChangedAt: new Date() };
  const checklist = await listChecklist(deps.db, user.orgId, id);
  let declaration: typeof declarations.$inferInsert | undefined;

  if (input.to === 'returned') {
    const missing = checklist.filter((c) => c.state === 'missing').map((c) => c.itemKey);
    if (missing.length === 0) throw new AppError('application.no_missing_items');
    set.missingItems = missing;
  }
  // A declaration confirmed on the portal (typed name + one-time code) already stands; none is asked again.
  const signedOnPortal = input.to === 'declared' && (await getDeclaration(deps.db, user.orgId, id)) !== undefined;
  if (input.to === 'declared') {
    const open = checklist.filter((c) => c.state !== 'verified' && c.state !== 'not_applicable').map((c) => c.itemKey);
    if (open.length > 0) throw new AppError('application.checklist_incomplete', { items: open });
  }
  if (input.to === 'declared' && !signedOnPortal) {
    if (!input.declaration) throw new AppError('application.declaration_required');
    const beneficiary = await getBeneficiary(deps.db, user.orgId, app.beneficiaryId);
    if (normalizeArabicCompact(input.declaration.typedName) !== normalizeArabicCompact(fullName(beneficiary!))) {
      throw new AppError('application.declaration_name_mismatch');
    }
    const settings = await getSettings(deps.db, user.orgId);
    declaration = {
      orgId: user.orgId,
      applicationId: id,
      text: settings.declarationTextAr,
      typedName: input.declaration.typedName,
      method: input.declaration.method,
      channel: input.channel ?? app.channel,
      witnessUserId: user.id,
    };
  }
  if (input.to === 'in_committee') {
    const [beneficiary, household, settings, criteria] = await Promise.all([
      getBeneficiary(deps.db, user.orgId, app.beneficiaryId),
      getHousehold(deps.db, user.orgId, app.beneficiaryId),
      getSettings(deps.db, user.orgId),
      currentCriteria(deps.db, user.orgId),
    ]);
    const today = riyadhDate(new Date());
    const { score, lines } = scoreBeneficiary(criteria.criteria, beneficiary!, household, today);
    Object.assign(set, {
      raisedAt: new Date(),
      // The date the applicant is told: the day it was raised (Riyadh) plus the committee's target days.
      expectedDecisionDate: expectedDecisionDate(new Date(), settings.committeeTargetDays),
      score,
      scoreBreakdown: lines,
      criteriaVersionId: criteria.id,
    });
  }
  if (input.to === 'verifying' && from === 'returned') set.missingItems = null;

  await deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(applications)
      .set(set)
      .where(inOrg(applications, user.orgId, and(eq(applications.id, id), eq(applications.stage, from))))
      .returning({ id: applications.id });
    if (updated.length === 0) throw new AppError('application.stage_changed');
    if (declaration) await tx.insert(declarations).values(declaration);
    await tx.insert(applicationTransitions).values({
      orgId: user.orgId,
      applicationId: id,
      fromStage: from,
      toStage: input.to,
      byUser: user.id,
      channel: input.channel ?? app.channel,
      note: input.note ?? null,
    });
    if (input.to === 'returned' || input.to === 'in_committee') {
      const [b] = await tx
        .select({ mobile: beneficiaries.mobile })
        .from(beneficiaries)
        .where(inOrg(beneficiaries, user.orgId, eq(beneficiaries.id, app.beneficiaryId)));
      if (input.to === 'returned') {
        const labels = checklist.filter((c) => c.state === 'missing').map((c) => c.labelAr);
        await notify.itemsMissing(tx, {
          orgId: user.orgId,
          mobile: b!.mobile,
          applicationId: id,
          reference: app.reference,
          items: labels,
          transitionKey: String(set.stageChangedAt?.getTime()),
        });
      } else {
        await notify.applicationRaised(tx, {
          orgId: user.orgId,
          mobile: b!.mobile,
          applicationId: id,
          reference: app.reference,
          expectedDate: set.expectedDecisionDate as string,
        });
      }
    }
    // The answer to a referral reaches the person who asked.
    if (from === 'referred') {
      await notifyStaff(tx, {
        orgId: user.orgId,
        userId: await whoMovedTo(tx, user.orgId, id, 'referred'),
        actorUserId: user.id,
        kind: 'referral_answered',
        entityType: 'application',
        entityId: id,
        reference: app.reference,
        detail: input.note ?? null,
      });
    }
    await writeAudit(tx, user, meta, {
      action: 'application.transition',
      entityType: 'application',
      entityId: id,
      details: { from, to: input.to },
    });
    if (input.to === 'submitted')
      await emitEvent(
        tx,
        user.orgId,
        'application.submitted',
        { type: 'application', id },
        { applicationId: id, beneficiaryId: app.beneficiaryId, reference: app.reference },
      );
  });
  return {
    id,
    stage: input.to,
    expectedDecisionDate: (set.expectedDecisionDate as string | undefined) ?? app.expectedDecisionDate,
  };
}

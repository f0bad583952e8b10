import type { ApplicationStage } from '../../../common/domain/application';
import { formatSaudiMobileLocal } from '../../../common/saudi';
import { AppError } from '../../errors';
import type { Deps, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { fullName, getBeneficiary } from '../beneficiaries';
import {
  getApplication,
  getDeclaration,
  listApplicationDeliveries,
  listApplicationServices,
  listChecklist,
  listTransitions,
} from './queries';
import { allowedNextStages } from './transition-application';

/** Stages the committee may see: raised to it, or decided by it. */
export const COMMITTEE_STAGES = ['in_committee', 'accepted', 'rejected', 'deferred', 'completing', 'enrolled'];

export async function loadApplicationFor(deps: Deps, user: SessionUser, id: string) {
  const app = await getApplication(deps.db, user.orgId, id);
  if (!app) throw new AppError('application.not_found');
  authorize(user, 'applications.read', { orgId: app.orgId, branchId: app.branchId });
  if (user.role === 'committee' && !COMMITTEE_STAGES.includes(app.stage)) throw new AppError('auth.forbidden');
  return app;
}

export async function getApplicationDetail(deps: Deps, user: SessionUser, id: string) {
  const app = await loadApplicationFor(deps, user, id);
  const [beneficiary, services, checklist, transitions, declaration, deliveries] = await Promise.all([
    getBeneficiary(deps.db, user.orgId, app.beneficiaryId),
    listApplicationServices(deps.db, user.orgId, [app.id]),
    listChecklist(deps.db, user.orgId, app.id),
    listTransitions(deps.db, user.orgId, app.id),
    getDeclaration(deps.db, user.orgId, app.id),
    listApplicationDeliveries(deps.db, user.orgId, app.id),
  ]);
  return {
    id: app.id,
    reference: app.reference,
    stage: app.stage,
    channel: app.channel,
    note: app.note,
    waterProblem: app.waterProblem,
    createdAt: app.createdAt.toISOString(),
    stageChangedAt: app.stageChangedAt.toISOString(),
    raisedAt: app.raisedAt?.toISOString() ?? null,
    expectedDecisionDate: app.expectedDecisionDate,
    score: app.score,
    scoreBreakdown: app.scoreBreakdown,
    missingItems: app.missingItems,
    appointment:
      app.appointmentDate && app.appointmentFrom && app.appointmentTo
        ? { date: app.appointmentDate, from: app.appointmentFrom, to: app.appointmentTo }
        : null,
    branchId: app.branchId,
    beneficiary: {
      id: beneficiary!.id,
      fileNumber: beneficiary!.fileNumber,
      fullName: fullName(beneficiary!),
      mobile: beneficiary!.mobile,
      mobileLocal: formatSaudiMobileLocal(beneficiary!.mobile),
      status: beneficiary!.status,
    },
    services: services.map(({ applicationId: _a, ...s }) => s),
    checklist: checklist.map((c) => ({ ...c, updatedAt: c.updatedAt?.toISOString() ?? null })),
    transitions: transitions.map((t) => ({ ...t, at: t.at.toISOString() })),
    declaration: declaration ? { ...declaration, at: declaration.at.toISOString() } : null,
    deliveries: deliveries.map((d) => ({ ...d, completedAt: d.completedAt?.toISOString() ?? null })),
    allowedNext: allowedNextStages(user, app.stage as ApplicationStage, { orgId: app.orgId, branchId: app.branchId }),
  };
}

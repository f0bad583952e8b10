import type { z } from 'zod';
import type { createApplicationInput } from '../../../common/domain/application';
import type { Channel } from '../../../common/domain/channels';
import type { Db } from '../../db/client';
import { nextNumber, riyadhYear } from '../../db/counters';
import { applicationServices, applications, applicationTransitions, checklistItems } from '../../db/tables/index';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { getBeneficiary } from '../beneficiaries';
import { emitEvent } from '../integrations';
import { getServicesByIds, type ServiceRow } from '../services';
import { openApplicationsForServices } from './queries';

/** Checks the services asked for: they exist, are active, and the person has no open application for them. */
export async function checkServicesFor(db: Db, orgId: string, beneficiaryId: string, serviceIds: string[]) {
  const unique = [...new Set(serviceIds)];
  const found = await getServicesByIds(db, orgId, unique);
  if (found.length !== unique.length || found.some((s) => !s.active))
    throw new AppError('application.service_not_found');
  const open = await openApplicationsForServices(db, orgId, beneficiaryId, unique);
  if (open.length > 0)
    throw new AppError('application.duplicate_open', { reference: open[0]!.reference, id: open[0]!.id });
  return found;
}

/**
 * Writes an application with its services, its checklist (the union of the services' required documents) and
 * its first transition; shared by the desk and the portal (where `actor` is null).
 */
export async function writeApplication(
  tx: Db,
  p: {
    orgId: string;
    beneficiary: { id: string; branchId: string };
    services: ServiceRow[];
    channel: Channel;
    note: string | null;
    /** The applicant's description of the water problem (portal only). */
    waterProblem?: string | null;
    stage: 'draft' | 'submitted';
    actor: SessionUser | null;
    meta: RequestMeta;
  },
) {
  const checklist = new Map<string, { labelAr: string; labelEn: string }>();
  for (const service of p.services) for (const doc of service.requiredDocuments) checklist.set(doc.key, doc);
  const year = riyadhYear(new Date());
  const seq = await nextNumber(tx, p.orgId, 'application', year);
  const reference = `APP-${year}-${String(seq).padStart(5, '0')}`;
  const [row] = await tx
    .insert(applications)
    .values({
      orgId: p.orgId,
      beneficiaryId: p.beneficiary.id,
      branchId: p.beneficiary.branchId,
      reference,
      channel: p.channel,
      stage: p.stage,
      note: p.note,
      waterProblem: p.waterProblem ?? null,
      createdBy: p.actor?.id ?? null,
    })
    .returning({ id: applications.id, reference: applications.reference, stage: applications.stage });
  await tx
    .insert(applicationServices)
    .values(p.services.map((s) => ({ orgId: p.orgId, applicationId: row!.id, serviceId: s.id })));
  if (checklist.size > 0) {
    await tx.insert(checklistItems).values(
      [...checklist].map(([itemKey, l]) => ({
        orgId: p.orgId,
        applicationId: row!.id,
        itemKey,
        labelAr: l.labelAr,
        labelEn: l.labelEn,
      })),
    );
  }
  const steps: ('draft' | 'submitted')[] = p.stage === 'draft' ? ['draft'] : ['draft', 'submitted'];
  for (const [i, to] of steps.entries()) {
    await tx.insert(applicationTransitions).values({
      orgId: p.orgId,
      applicationId: row!.id,
      fromStage: i === 0 ? null : steps[i - 1]!,
      toStage: to,
      byUser: p.actor?.id ?? null,
      channel: p.channel,
      note: i === 0 ? p.note : null,
    });
  }
  await writeAudit(tx, { id: p.actor?.id ?? null, orgId: p.orgId, username: p.actor?.username ?? null }, p.meta, {
    action: 'application.created',
    entityType: 'application',
    entityId: row!.id,
    details: { reference, beneficiaryId: p.beneficiary.id, services: p.services.map((s) => s.id), channel: p.channel },
  });
  if (p.stage === 'submitted')
    await emitEvent(
      tx,
      p.orgId,
      'application.submitted',
      { type: 'application', id: row!.id },
      { applicationId: row!.id, beneficiaryId: p.beneficiary.id, reference },
    );
  return row!;
}

/** Opens an application (طلب التحاق) at the desk for one beneficiary and one or more services. */
export async function createApplication(
  deps: Deps,
  user: SessionUser,
  input: z.infer<typeof createApplicationInput>,
  meta: RequestMeta,
) {
  const beneficiary = await getBeneficiary(deps.db, user.orgId, input.beneficiaryId);
  if (!beneficiary) throw new AppError('beneficiary.not_found');
  authorize(user, 'applications.create', { orgId: beneficiary.orgId, branchId: beneficiary.branchId });
  if (beneficiary.status === 'suspended' || beneficiary.status === 'closed') {
    throw new AppError('application.beneficiary_inactive', { status: beneficiary.status });
  }
  const services = await checkServicesFor(deps.db, user.orgId, beneficiary.id, input.serviceIds);
  return deps.db.transaction((tx) =>
    writeApplication(tx, {
      orgId: user.orgId,
      beneficiary,
      services,
      channel: input.channel,
      note: input.note ?? null,
      stage: 'draft',
      actor: user,
      meta,
    }),
  );
}

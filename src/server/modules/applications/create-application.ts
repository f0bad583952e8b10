import type { z } from 'zod';
import type { createApplicationInput } from '../../../common/domain/application';
import { nextNumber } from '../../db/counters';
import { applicationServices, applications, applicationTransitions, checklistItems } from '../../db/tables/index';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { getBeneficiary } from '../beneficiaries/queries';
import { getServicesByIds } from '../services/queries';
import { openApplicationsForServices } from './queries';

/**
 * Opens an application (طلب التحاق) for one beneficiary and one or more services, on the channel it came in on.
 * Its checklist is the union of the services' required documents.
 */
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
  const serviceIds = [...new Set(input.serviceIds)];
  const found = await getServicesByIds(deps.db, user.orgId, serviceIds);
  if (found.length !== serviceIds.length || found.some((s) => !s.active))
    throw new AppError('application.service_not_found');
  const open = await openApplicationsForServices(deps.db, beneficiary.id, serviceIds);
  if (open.length > 0)
    throw new AppError('application.duplicate_open', { reference: open[0]!.reference, id: open[0]!.id });

  const checklist = new Map<string, { labelAr: string; labelEn: string }>();
  for (const service of found) for (const doc of service.requiredDocuments) checklist.set(doc.key, doc);

  const year = new Date().getUTCFullYear();
  return deps.db.transaction(async (tx) => {
    const seq = await nextNumber(tx, user.orgId, 'application', year);
    const reference = `APP-${year}-${String(seq).padStart(5, '0')}`;
    const [row] = await tx
      .insert(applications)
      .values({
        orgId: user.orgId,
        beneficiaryId: beneficiary.id,
        branchId: beneficiary.branchId,
        reference,
        channel: input.channel,
        stage: 'draft',
        note: input.note ?? null,
        createdBy: user.id,
      })
      .returning({ id: applications.id, reference: applications.reference, stage: applications.stage });
    await tx.insert(applicationServices).values(serviceIds.map((serviceId) => ({ applicationId: row!.id, serviceId })));
    if (checklist.size > 0) {
      await tx.insert(checklistItems).values(
        [...checklist].map(([itemKey, l]) => ({
          orgId: user.orgId,
          applicationId: row!.id,
          itemKey,
          labelAr: l.labelAr,
          labelEn: l.labelEn,
        })),
      );
    }
    await tx.insert(applicationTransitions).values({
      orgId: user.orgId,
      applicationId: row!.id,
      fromStage: null,
      toStage: 'draft',
      byUser: user.id,
      channel: input.channel,
      note: input.note ?? null,
    });
    await writeAudit(tx, user, meta, {
      action: 'application.created',
      entityType: 'application',
      entityId: row!.id,
      details: { reference, beneficiaryId: beneficiary.id, services: serviceIds, channel: input.channel },
    });
    return row!;
  });
}

import { and, asc, desc, eq, inArray, notInArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applicationServices,
  applications,
  applicationTransitions,
  beneficiaries,
  checklistItems,
  declarations,
  deliveries,
  selectionCriteriaVersions,
  services,
  users,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

export const applicationColumns = {
  id: applications.id,
  orgId: applications.orgId,
  beneficiaryId: applications.beneficiaryId,
  branchId: applications.branchId,
  reference: applications.reference,
  channel: applications.channel,
  stage: applications.stage,
  note: applications.note,
  waterProblem: applications.waterProblem,
  createdAt: applications.createdAt,
  stageChangedAt: applications.stageChangedAt,
  raisedAt: applications.raisedAt,
  expectedDecisionDate: applications.expectedDecisionDate,
  score: applications.score,
  scoreBreakdown: applications.scoreBreakdown,
  criteriaVersionId: applications.criteriaVersionId,
  missingItems: applications.missingItems,
  appointmentDate: applications.appointmentDate,
  appointmentFrom: applications.appointmentFrom,
  appointmentTo: applications.appointmentTo,
};
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof getApplication>>>;

export async function getApplication(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select(applicationColumns)
    .from(applications)
    .where(inOrg(applications, orgId, eq(applications.id, id)));
  return row;
}

/** Stages after which an application no longer blocks a new one for the same service. */
const CLOSED_STAGES = ['withdrawn', 'rejected', 'enrolled'];

export async function openApplicationsForServices(db: Db, orgId: string, beneficiaryId: string, serviceIds: string[]) {
  return db
    .select({ id: applications.id, reference: applications.reference, serviceId: applicationServices.serviceId })
    .from(applications)
    .innerJoin(
      applicationServices,
      and(eq(applicationServices.orgId, applications.orgId), eq(applicationServices.applicationId, applications.id)),
    )
    .where(
      inOrg(
        applications,
        orgId,
        eq(applications.beneficiaryId, beneficiaryId),
        inArray(applicationServices.serviceId, serviceIds),
        notInArray(applications.stage, CLOSED_STAGES),
      ),
    );
}

export function listApplicationServices(db: Db, orgId: string, applicationIds: string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      applicationId: applicationServices.applicationId,
      id: services.id,
      code: services.code,
      nameAr: services.nameAr,
      nameEn: services.nameEn,
    })
    .from(applicationServices)
    .innerJoin(
      services,
      and(eq(services.orgId, applicationServices.orgId), eq(services.id, applicationServices.serviceId)),
    )
    .where(inOrg(applicationServices, orgId, inArray(applicationServices.applicationId, applicationIds)));
}

export function listChecklist(db: Db, orgId: string, applicationId: string) {
  return db
    .select({
      itemKey: checklistItems.itemKey,
      labelAr: checklistItems.labelAr,
      labelEn: checklistItems.labelEn,
      state: checklistItems.state,
      note: checklistItems.note,
      documentId: checklistItems.documentId,
      updatedAt: checklistItems.updatedAt,
      updatedByName: users.displayName,
    })
    .from(checklistItems)
    .leftJoin(users, and(eq(users.orgId, checklistItems.orgId), eq(users.id, checklistItems.updatedBy)))
    .where(inOrg(checklistItems, orgId, eq(checklistItems.applicationId, applicationId)))
    .orderBy(asc(checklistItems.labelAr));
}

export function listTransitions(db: Db, orgId: string, applicationId: string) {
  return db
    .select({
      fromStage: applicationTransitions.fromStage,
      toStage: applicationTransitions.toStage,
      channel: applicationTransitions.channel,
      note: applicationTransitions.note,
      at: applicationTransitions.at,
      byName: users.displayName,
      byRole: users.role,
    })
    .from(applicationTransitions)
    .leftJoin(users, and(eq(users.orgId, applicationTransitions.orgId), eq(users.id, applicationTransitions.byUser)))
    .where(inOrg(applicationTransitions, orgId, eq(applicationTransitions.applicationId, applicationId)))
    .orderBy(asc(applicationTransitions.id));
}

export async function getDeclaration(db: Db, orgId: string, applicationId: string) {
  const [row] = await db
    .select({
      text: declarations.text,
      typedName: declarations.typedName,
      method: declarations.method,
      channel: declarations.channel,
      at: declarations.at,
      witnessName: users.displayName,
    })
    .from(declarations)
    .leftJoin(users, and(eq(users.orgId, declarations.orgId), eq(users.id, declarations.witnessUserId)))
    .where(inOrg(declarations, orgId, eq(declarations.applicationId, applicationId)));
  return row;
}

/** A page of applications with their beneficiary's name, oldest stage change first (the queue order). */
export async function listApplications(
  db: Db,
  orgId: string,
  filter: { stages?: string[]; branchId?: string | null; beneficiaryId?: string; limit: number; offset: number },
) {
  const conditions: (SQL | undefined)[] = [
    filter.stages ? inArray(applications.stage, filter.stages) : undefined,
    filter.branchId ? eq(applications.branchId, filter.branchId) : undefined,
    filter.beneficiaryId ? eq(applications.beneficiaryId, filter.beneficiaryId) : undefined,
  ];
  const rows = await db
    .select({
      ...applicationColumns,
      firstName: beneficiaries.firstName,
      fatherName: beneficiaries.fatherName,
      grandfatherName: beneficiaries.grandfatherName,
      familyName: beneficiaries.familyName,
      fileNumber: beneficiaries.fileNumber,
    })
    .from(applications)
    .innerJoin(
      beneficiaries,
      and(eq(beneficiaries.orgId, applications.orgId), eq(beneficiaries.id, applications.beneficiaryId)),
    )
    .where(inOrg(applications, orgId, ...conditions))
    .orderBy(
      filter.beneficiaryId ? desc(applications.createdAt) : asc(applications.stageChangedAt),
      asc(applications.id),
    )
    .limit(filter.limit + 1)
    .offset(filter.offset);
  return { rows: rows.slice(0, filter.limit), hasMore: rows.length > filter.limit };
}

export async function latestCriteria(db: Db, orgId: string) {
  const [row] = await db
    .select()
    .from(selectionCriteriaVersions)
    .where(inOrg(selectionCriteriaVersions, orgId))
    .orderBy(desc(selectionCriteriaVersions.version))
    .limit(1);
  return row;
}

export function listCriteriaVersions(db: Db, orgId: string) {
  return db
    .select()
    .from(selectionCriteriaVersions)
    .where(inOrg(selectionCriteriaVersions, orgId))
    .orderBy(desc(selectionCriteriaVersions.version));
}

/** The deliveries that came of an application (the last step of its journey), in order. */
export function listApplicationDeliveries(db: Db, orgId: string, applicationId: string) {
  return db
    .select({
      id: deliveries.id,
      status: deliveries.status,
      scheduledDate: deliveries.scheduledDate,
      completedAt: deliveries.completedAt,
      sequence: deliveries.sequence,
    })
    .from(deliveries)
    .where(inOrg(deliveries, orgId, eq(deliveries.applicationId, applicationId)))
    .orderBy(asc(deliveries.sequence), asc(deliveries.scheduledDate))
    .limit(20);
}

import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { beneficiaries, deliveries, recordCorrections, services, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

export const deliveryColumns = {
  id: deliveries.id,
  orgId: deliveries.orgId,
  beneficiaryId: deliveries.beneficiaryId,
  applicationId: deliveries.applicationId,
  serviceId: deliveries.serviceId,
  branchId: deliveries.branchId,
  scheduledDate: deliveries.scheduledDate,
  windowFrom: deliveries.windowFrom,
  windowTo: deliveries.windowTo,
  assigneeUserId: deliveries.assigneeUserId,
  status: deliveries.status,
  sequence: deliveries.sequence,
  completedAt: deliveries.completedAt,
  completedBy: deliveries.completedBy,
  recipientName: deliveries.recipientName,
  note: deliveries.note,
  failureReason: deliveries.failureReason,
  lat: deliveries.lat,
  lng: deliveries.lng,
  photoDocumentId: deliveries.photoDocumentId,
};

export async function getDelivery(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select(deliveryColumns)
    .from(deliveries)
    .where(inOrg(deliveries, orgId, eq(deliveries.id, id)));
  return row;
}

/** A day's route: ordered by district, then by name, so the field worker goes village by village. */
export function listDeliveries(db: Db, orgId: string, conditions: (SQL | undefined)[], limit: number) {
  return db
    .select({
      ...deliveryColumns,
      firstName: beneficiaries.firstName,
      fatherName: beneficiaries.fatherName,
      grandfatherName: beneficiaries.grandfatherName,
      familyName: beneficiaries.familyName,
      fileNumber: beneficiaries.fileNumber,
      mobile: beneficiaries.mobile,
      district: beneficiaries.district,
      homeLat: beneficiaries.lat,
      homeLng: beneficiaries.lng,
      serviceNameAr: services.nameAr,
      serviceNameEn: services.nameEn,
      assigneeName: users.displayName,
    })
    .from(deliveries)
    .innerJoin(
      beneficiaries,
      and(eq(beneficiaries.orgId, deliveries.orgId), eq(beneficiaries.id, deliveries.beneficiaryId)),
    )
    .innerJoin(services, and(eq(services.orgId, deliveries.orgId), eq(services.id, deliveries.serviceId)))
    .leftJoin(users, and(eq(users.orgId, deliveries.orgId), eq(users.id, deliveries.assigneeUserId)))
    .where(inOrg(deliveries, orgId, ...conditions))
    .orderBy(
      asc(deliveries.scheduledDate),
      asc(beneficiaries.districtNorm),
      asc(beneficiaries.nameNorm),
      asc(deliveries.id),
    )
    .limit(limit);
}

/** The recorded corrections of one delivery, or of an application (its registration and its deliveries), newest first. */
export async function listCorrections(db: Db, orgId: string, of: { deliveryId: string } | { applicationId: string }) {
  const rows = await db
    .select({
      id: recordCorrections.id,
      subject: recordCorrections.subject,
      deliveryId: recordCorrections.deliveryId,
      before: recordCorrections.before,
      after: recordCorrections.after,
      reason: recordCorrections.reason,
      correctedAt: recordCorrections.correctedAt,
      correctedByName: users.displayName,
    })
    .from(recordCorrections)
    .leftJoin(users, and(eq(users.orgId, recordCorrections.orgId), eq(users.id, recordCorrections.correctedBy)))
    .where(
      inOrg(
        recordCorrections,
        orgId,
        'deliveryId' in of
          ? eq(recordCorrections.deliveryId, of.deliveryId)
          : eq(recordCorrections.applicationId, of.applicationId),
      ),
    )
    .orderBy(desc(recordCorrections.correctedAt), desc(recordCorrections.id));
  return rows.map((r) => ({
    ...r,
    subject: r.subject as 'delivery' | 'registration',
    before: r.before as Record<string, unknown>,
    after: r.after as Record<string, unknown>,
    correctedAt: r.correctedAt.toISOString(),
  }));
}

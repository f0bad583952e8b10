import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  beneficiaries,
  deliveries,
  fieldPhotos,
  fieldReports,
  householdMembers,
  services,
  users,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

/**
 * A branch's open deliveries over a period, with what the representative needs at the door: name, mobile, area,
 * the home's pin, a household summary and what to deliver, and the version the phone will send back.
 */
export function listBranchRoute(db: Db, orgId: string, branchId: string, from: string, to: string) {
  const members = db
    .select({ beneficiaryId: householdMembers.beneficiaryId, count: sql<number>`count(*)::int`.as('count') })
    .from(householdMembers)
    .where(eq(householdMembers.orgId, orgId))
    .groupBy(householdMembers.beneficiaryId)
    .as('members');
  return db
    .select({
      id: deliveries.id,
      scheduledDate: deliveries.scheduledDate,
      status: deliveries.status,
      branchId: deliveries.branchId,
      beneficiaryId: beneficiaries.id,
      beneficiaryStatus: beneficiaries.status,
      fileNumber: beneficiaries.fileNumber,
      firstName: beneficiaries.firstName,
      fatherName: beneficiaries.fatherName,
      grandfatherName: beneficiaries.grandfatherName,
      familyName: beneficiaries.familyName,
      mobile: beneficiaries.mobile,
      district: beneficiaries.district,
      lat: beneficiaries.lat,
      lng: beneficiaries.lng,
      peopleAtHome: beneficiaries.peopleAtHome,
      housing: beneficiaries.housing,
      householdMembers: sql<number>`coalesce(${members.count}, 0)`,
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
    .leftJoin(members, eq(members.beneficiaryId, beneficiaries.id))
    .where(
      inOrg(
        deliveries,
        orgId,
        eq(deliveries.branchId, branchId),
        eq(deliveries.status, 'scheduled'),
        gte(deliveries.scheduledDate, from),
        lte(deliveries.scheduledDate, to),
      ),
    )
    .orderBy(
      asc(deliveries.scheduledDate),
      asc(beneficiaries.districtNorm),
      asc(beneficiaries.nameNorm),
      asc(deliveries.id),
    )
    .limit(500);
}

/** The file's version the phone compares against: its branch and status. */
export async function getFileVersion(db: Db, orgId: string, beneficiaryId: string) {
  const [row] = await db
    .select({ orgId: beneficiaries.orgId, branchId: beneficiaries.branchId, beneficiaryStatus: beneficiaries.status })
    .from(beneficiaries)
    .where(inOrg(beneficiaries, orgId, eq(beneficiaries.id, beneficiaryId)));
  return row;
}

export async function insertFieldReport(
  db: Db,
  report: {
    orgId: string;
    kind: 'inspection' | 'registration_draft';
    branchId: string;
    beneficiaryId: string | null;
    data: Record<string, unknown>;
    recordedAt: Date;
    createdBy: string;
  },
  photos: { purpose: string; storedName: string; mime: string; size: number; sha256: string }[],
) {
  const [row] = await db.insert(fieldReports).values(report).returning({ id: fieldReports.id });
  const id = row!.id;
  if (photos.length > 0) {
    await db.insert(fieldPhotos).values(
      photos.map((p) => ({
        orgId: report.orgId,
        reportId: id,
        purpose: p.purpose,
        storedName: p.storedName,
        mime: p.mime,
        size: p.size,
        sha256: p.sha256,
      })),
    );
  }
  return id;
}

/** Registration drafts of a branch (or of every branch), open first, each with its photos' ids. */
export function listDrafts(db: Db, orgId: string, branchId: string | null, status: 'open' | 'completed') {
  return db
    .select({
      id: fieldReports.id,
      branchId: fieldReports.branchId,
      data: fieldReports.data,
      status: fieldReports.status,
      recordedAt: fieldReports.recordedAt,
      createdAt: fieldReports.createdAt,
      createdByName: users.displayName,
      photoIds: sql<string[]>`coalesce((select array_agg(${fieldPhotos.id}::text order by ${fieldPhotos.createdAt})
        from ${fieldPhotos} where ${fieldPhotos.reportId} = ${fieldReports.id} and ${fieldPhotos.orgId} = ${orgId}), '{}')`,
    })
    .from(fieldReports)
    .leftJoin(users, and(eq(users.orgId, fieldReports.orgId), eq(users.id, fieldReports.createdBy)))
    .where(
      inOrg(
        fieldReports,
        orgId,
        eq(fieldReports.kind, 'registration_draft'),
        eq(fieldReports.status, status),
        branchId ? eq(fieldReports.branchId, branchId) : undefined,
      ),
    )
    .orderBy(desc(fieldReports.createdAt))
    .limit(200);
}

export async function getReport(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({
      id: fieldReports.id,
      orgId: fieldReports.orgId,
      kind: fieldReports.kind,
      branchId: fieldReports.branchId,
      status: fieldReports.status,
    })
    .from(fieldReports)
    .where(inOrg(fieldReports, orgId, eq(fieldReports.id, id)));
  return row;
}

export async function completeReport(db: Db, orgId: string, id: string, userId: string) {
  const rows = await db
    .update(fieldReports)
    .set({ status: 'completed', completedBy: userId, completedAt: new Date() })
    .where(inOrg(fieldReports, orgId, eq(fieldReports.id, id), eq(fieldReports.status, 'open')))
    .returning({ id: fieldReports.id });
  return rows.length > 0;
}

/** Inspections from the field, newest first: of one file, or of a branch (null: every branch). */
export function listInspectionRows(db: Db, orgId: string, filter: { beneficiaryId?: string; branchId: string | null }) {
  return db
    .select({ id: fieldReports.id, beneficiaryId: fieldReports.beneficiaryId, data: fieldReports.data })
    .from(fieldReports)
    .where(
      inOrg(
        fieldReports,
        orgId,
        eq(fieldReports.kind, 'inspection'),
        filter.beneficiaryId ? eq(fieldReports.beneficiaryId, filter.beneficiaryId) : undefined,
        filter.branchId ? eq(fieldReports.branchId, filter.branchId) : undefined,
      ),
    )
    .orderBy(desc(fieldReports.createdAt))
    .limit(200);
}

export async function getPhoto(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({
      storedName: fieldPhotos.storedName,
      mime: fieldPhotos.mime,
      branchId: fieldReports.branchId,
      orgId: fieldPhotos.orgId,
    })
    .from(fieldPhotos)
    .innerJoin(fieldReports, eq(fieldReports.id, fieldPhotos.reportId))
    .where(and(inOrg(fieldPhotos, orgId, eq(fieldPhotos.id, id))));
  return row;
}

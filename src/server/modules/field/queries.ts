import { and, asc, desc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applications,
  appointmentSlots,
  appointments,
  beneficiaries,
  deliveries,
  fieldPhotos,
  fieldReports,
  homeInspections,
  householdMembers,
  services,
  users,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

/** What the representative needs of a household at the door (shared by the route's three lists). */
const household = {
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
};

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
      ...household,
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

/**
 * A branch's booked visits (appointments) whose slot falls in the period, of files of the same branch, with the
 * household's details and the version the phone sends back.
 */
export function listBranchAppointments(db: Db, orgId: string, branchId: string, from: Date, to: Date) {
  return db
    .select({
      id: appointments.id,
      status: appointments.status,
      purpose: appointments.purpose,
      startsAt: appointmentSlots.startsAt,
      endsAt: appointmentSlots.endsAt,
      branchId: beneficiaries.branchId,
      ...household,
    })
    .from(appointments)
    .innerJoin(
      appointmentSlots,
      and(eq(appointmentSlots.orgId, appointments.orgId), eq(appointmentSlots.id, appointments.slotId)),
    )
    .innerJoin(
      beneficiaries,
      and(eq(beneficiaries.orgId, appointments.orgId), eq(beneficiaries.id, appointments.beneficiaryId)),
    )
    .where(
      inOrg(
        appointments,
        orgId,
        eq(appointments.status, 'booked'),
        eq(appointmentSlots.branchId, branchId),
        eq(beneficiaries.branchId, branchId),
        gte(appointmentSlots.startsAt, from),
        lte(appointmentSlots.startsAt, to),
      ),
    )
    .orderBy(asc(appointmentSlots.startsAt), asc(appointments.id))
    .limit(500);
}

/**
 * The home inspections assigned to this representative and not yet recorded, of applications still completing
 * in their branch: they have no date, so they stay on the phone until done.
 */
export function listMyInspectionTasks(db: Db, orgId: string, userId: string, branchId: string) {
  return db
    .select({
      applicationId: applications.id,
      reference: applications.reference,
      assignedAt: homeInspections.assignedAt,
      branchId: applications.branchId,
      ...household,
    })
    .from(homeInspections)
    .innerJoin(
      applications,
      and(eq(applications.orgId, homeInspections.orgId), eq(applications.id, homeInspections.applicationId)),
    )
    .innerJoin(
      beneficiaries,
      and(eq(beneficiaries.orgId, applications.orgId), eq(beneficiaries.id, applications.beneficiaryId)),
    )
    .where(
      inOrg(
        homeInspections,
        orgId,
        eq(homeInspections.assigneeUserId, userId),
        isNull(homeInspections.recordedAt),
        eq(applications.stage, 'completing'),
        eq(applications.branchId, branchId),
      ),
    )
    .orderBy(asc(homeInspections.assignedAt), asc(homeInspections.id))
    .limit(200);
}

/**
 * An inspection task's state as the field app sees it: still open for this user, already recorded, handed to
 * someone else, or no longer needed (the application left the completing stage).
 */
export async function getInspectionTaskVersion(db: Db, orgId: string, applicationId: string, userId: string) {
  const [row] = await db
    .select({
      orgId: applications.orgId,
      branchId: applications.branchId,
      stage: applications.stage,
      beneficiaryId: applications.beneficiaryId,
      beneficiaryStatus: beneficiaries.status,
      assigneeUserId: homeInspections.assigneeUserId,
      recordedAt: homeInspections.recordedAt,
    })
    .from(applications)
    .innerJoin(
      beneficiaries,
      and(eq(beneficiaries.orgId, applications.orgId), eq(beneficiaries.id, applications.beneficiaryId)),
    )
    .leftJoin(
      homeInspections,
      and(eq(homeInspections.orgId, applications.orgId), eq(homeInspections.applicationId, applications.id)),
    )
    .where(inOrg(applications, orgId, eq(applications.id, applicationId)));
  if (!row) return undefined;
  const taskStatus = row.recordedAt
    ? ('recorded' as const)
    : row.assigneeUserId !== userId
      ? ('reassigned' as const)
      : row.stage !== 'completing'
        ? ('closed' as const)
        : ('open' as const);
  return {
    orgId: row.orgId,
    branchId: row.branchId,
    beneficiaryStatus: row.beneficiaryStatus,
    beneficiaryId: row.beneficiaryId,
    taskStatus,
  };
}

export async function getSlot(db: Db, orgId: string, slotId: string) {
  const [row] = await db
    .select({ startsAt: appointmentSlots.startsAt, branchId: appointmentSlots.branchId })
    .from(appointmentSlots)
    .where(inOrg(appointmentSlots, orgId, eq(appointmentSlots.id, slotId)));
  return row;
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
export type DraftStatus = 'open' | 'completed' | 'rejected';

/** A report's photos as `[{ id, purpose }]`, in the order they were taken. */
const photosOf = (orgId: string) =>
  sql<
    { id: string; purpose: string }[]
  >`coalesce((select json_agg(json_build_object('id', ${fieldPhotos.id}, 'purpose', ${fieldPhotos.purpose}) order by ${fieldPhotos.createdAt}, ${fieldPhotos.id})
        from ${fieldPhotos} where ${fieldPhotos.reportId} = ${fieldReports.id} and ${fieldPhotos.orgId} = ${orgId}), '[]'::json)`;

export function listDrafts(db: Db, orgId: string, branchId: string | null, status: DraftStatus) {
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
      photos: photosOf(orgId),
      beneficiaryId: fieldReports.beneficiaryId,
      rejectionReason: fieldReports.rejectionReason,
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

/** One registration draft with everything the officer needs to complete or reject it. */
export async function getDraft(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({
      id: fieldReports.id,
      orgId: fieldReports.orgId,
      kind: fieldReports.kind,
      branchId: fieldReports.branchId,
      data: fieldReports.data,
      status: fieldReports.status,
      recordedAt: fieldReports.recordedAt,
      createdAt: fieldReports.createdAt,
      createdByName: users.displayName,
      photos: photosOf(orgId),
      beneficiaryId: fieldReports.beneficiaryId,
      rejectionReason: fieldReports.rejectionReason,
    })
    .from(fieldReports)
    .leftJoin(users, and(eq(users.orgId, fieldReports.orgId), eq(users.id, fieldReports.createdBy)))
    .where(inOrg(fieldReports, orgId, eq(fieldReports.id, id)));
  return row;
}

/** Closes an open draft: completed (linked to the file opened from it, if any) or rejected with the reason. */
export async function closeReport(
  db: Db,
  orgId: string,
  id: string,
  userId: string,
  close: { status: 'completed'; beneficiaryId: string | null } | { status: 'rejected'; reason: string },
) {
  const rows = await db
    .update(fieldReports)
    .set({
      status: close.status,
      completedBy: userId,
      completedAt: new Date(),
      ...(close.status === 'completed' ? { beneficiaryId: close.beneficiaryId } : { rejectionReason: close.reason }),
    })
    .where(inOrg(fieldReports, orgId, eq(fieldReports.id, id), eq(fieldReports.status, 'open')))
    .returning({ id: fieldReports.id });
  return rows.length > 0;
}

/** Inspections from the field, newest first: of one file, or of a branch (null: every branch). */
export function listInspectionRows(db: Db, orgId: string, filter: { beneficiaryId?: string; branchId: string | null }) {
  return db
    .select({
      id: fieldReports.id,
      beneficiaryId: fieldReports.beneficiaryId,
      data: fieldReports.data,
      recordedAt: fieldReports.recordedAt,
      createdByName: users.displayName,
      firstName: beneficiaries.firstName,
      fatherName: beneficiaries.fatherName,
      grandfatherName: beneficiaries.grandfatherName,
      familyName: beneficiaries.familyName,
      fileNumber: beneficiaries.fileNumber,
      photos: photosOf(orgId),
    })
    .from(fieldReports)
    .leftJoin(users, and(eq(users.orgId, fieldReports.orgId), eq(users.id, fieldReports.createdBy)))
    .leftJoin(
      beneficiaries,
      and(eq(beneficiaries.orgId, fieldReports.orgId), eq(beneficiaries.id, fieldReports.beneficiaryId)),
    )
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
    .innerJoin(fieldReports, and(eq(fieldReports.orgId, fieldPhotos.orgId), eq(fieldReports.id, fieldPhotos.reportId)))
    .where(and(inOrg(fieldPhotos, orgId, eq(fieldPhotos.id, id))));
  return row;
}

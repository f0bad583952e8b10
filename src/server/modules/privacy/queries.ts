import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applications,
  applicationTransitions,
  auditLog,
  beneficiaries,
  beneficiaryRevisions,
  breaches,
  caseMessages,
  cases,
  consents,
  declarations,
  deliveries,
  documents,
  householdMembers,
  interactions,
  notifications,
  services,
  surveyInvitations,
  users,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

// ---- What the association holds about one person (the data-access request) ----

export function personalRows(db: Db, orgId: string, beneficiaryId: string) {
  return Promise.all([
    db
      .select()
      .from(consents)
      .where(inOrg(consents, orgId, eq(consents.beneficiaryId, beneficiaryId))),
    db
      .select()
      .from(applications)
      .where(inOrg(applications, orgId, eq(applications.beneficiaryId, beneficiaryId))),
    db
      .select()
      .from(interactions)
      .where(inOrg(interactions, orgId, eq(interactions.beneficiaryId, beneficiaryId))),
    db
      .select()
      .from(cases)
      .where(inOrg(cases, orgId, eq(cases.beneficiaryId, beneficiaryId))),
    db
      .select()
      .from(deliveries)
      .where(inOrg(deliveries, orgId, eq(deliveries.beneficiaryId, beneficiaryId))),
    db
      .select({
        id: documents.id,
        kind: documents.kind,
        originalName: documents.originalName,
        mime: documents.mime,
        size: documents.size,
        at: documents.at,
      })
      .from(documents)
      .where(inOrg(documents, orgId, eq(documents.beneficiaryId, beneficiaryId))),
  ]);
}

/** The steps and signed declarations of these applications. */
export function applicationRecords(db: Db, orgId: string, applicationIds: string[]) {
  return Promise.all([
    db
      .select()
      .from(applicationTransitions)
      .where(inOrg(applicationTransitions, orgId, inArray(applicationTransitions.applicationId, applicationIds))),
    db
      .select()
      .from(declarations)
      .where(inOrg(declarations, orgId, inArray(declarations.applicationId, applicationIds))),
  ]);
}

export function serviceNames(db: Db, orgId: string) {
  return db.select({ id: services.id, nameAr: services.nameAr }).from(services).where(inOrg(services, orgId));
}

// ---- Anonymisation and retention ----

const OPEN_STAGES = [
  'draft',
  'submitted',
  'verifying',
  'referred',
  'returned',
  'declared',
  'in_committee',
  'deferred',
  'completing',
];

export async function holdOf(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ hold: beneficiaries.legalHoldUntil, anonymisedAt: beneficiaries.anonymisedAt })
    .from(beneficiaries)
    .where(inOrg(beneficiaries, orgId, eq(beneficiaries.id, id)));
  return row;
}

export async function hasOpenApplication(db: Db, orgId: string, beneficiaryId: string) {
  const open = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      inOrg(
        applications,
        orgId,
        eq(applications.beneficiaryId, beneficiaryId),
        inArray(applications.stage, OPEN_STAGES),
      ),
    )
    .limit(1);
  return open.length > 0;
}

export function storedFilesOf(db: Db, orgId: string, beneficiaryId: string) {
  return db
    .select({ storedName: documents.storedName })
    .from(documents)
    .where(inOrg(documents, orgId, eq(documents.beneficiaryId, beneficiaryId)));
}

/**
 * Overwrites everything that names or reaches the person: the file's identity, household, documents, the free
 * text of contacts and cases, delivery details, survey and message recipients. Call it inside a transaction.
 */
export async function eraseBeneficiary(
  tx: Db,
  orgId: string,
  b: { id: string; birthDate: string; status: string; mobile: string; mobile2: string | null },
  erased: string,
) {
  const id = b.id;
  await tx
    .update(beneficiaries)
    .set({
      firstName: erased,
      fatherName: erased,
      grandfatherName: erased,
      familyName: erased,
      nameNorm: erased,
      nationalId: `X${id.replaceAll('-', '').slice(0, 9)}`,
      mobile: '',
      mobile2: null,
      lat: null,
      lng: null,
      birthDate: `${b.birthDate.slice(0, 4)}-01-01`,
      healthNotes: null,
      monthlyIncome: 0,
      status: 'closed',
      statusReason: 'anonymised',
      closedAt: b.status === 'closed' ? undefined : new Date(),
      anonymisedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(inOrg(beneficiaries, orgId, eq(beneficiaries.id, id)));
  await tx.delete(householdMembers).where(inOrg(householdMembers, orgId, eq(householdMembers.beneficiaryId, id)));
  await tx.delete(documents).where(inOrg(documents, orgId, eq(documents.beneficiaryId, id)));
  await tx
    .update(interactions)
    .set({ summary: erased, contactName: null, contactMobile: null })
    .where(inOrg(interactions, orgId, eq(interactions.beneficiaryId, id)));
  const caseIds = (
    await tx
      .select({ id: cases.id })
      .from(cases)
      .where(inOrg(cases, orgId, eq(cases.beneficiaryId, id)))
  ).map((c) => c.id);
  if (caseIds.length) {
    await tx
      .update(cases)
      .set({ contactName: null, contactMobile: null, description: erased, subject: erased })
      .where(inOrg(cases, orgId, inArray(cases.id, caseIds)));
    await tx
      .update(caseMessages)
      .set({ body: erased })
      .where(inOrg(caseMessages, orgId, inArray(caseMessages.caseId, caseIds)));
  }
  await tx
    .update(deliveries)
    .set({ recipientName: null, note: null, lat: null, lng: null })
    .where(inOrg(deliveries, orgId, eq(deliveries.beneficiaryId, id)));
  await tx
    .update(surveyInvitations)
    .set({ mobile: '', beneficiaryId: null })
    .where(inOrg(surveyInvitations, orgId, eq(surveyInvitations.beneficiaryId, id)));
  const mobiles = [b.mobile, b.mobile2].filter((m): m is string => Boolean(m));
  await tx
    .update(notifications)
    .set({ recipient: '', body: erased, variables: {} })
    .where(and(eq(notifications.orgId, orgId), inArray(notifications.recipient, mobiles)));
}

/** Files closed before the cutoff, not yet anonymised, with no legal hold still running on `today`. */
export function closedBefore(db: Db, orgId: string, cutoff: Date, today: string) {
  return db
    .select({ id: beneficiaries.id })
    .from(beneficiaries)
    .where(
      inOrg(
        beneficiaries,
        orgId,
        eq(beneficiaries.status, 'closed'),
        isNull(beneficiaries.anonymisedAt),
        lte(beneficiaries.closedAt, cutoff),
        or(isNull(beneficiaries.legalHoldUntil), sql`${beneficiaries.legalHoldUntil} < ${today}`),
      ),
    );
}

// ---- Legal holds ----

export function setLegalHoldRow(db: Db, orgId: string, id: string, until: string | null, reason: string) {
  return db
    .update(beneficiaries)
    .set({ legalHoldUntil: until, legalHoldReason: reason })
    .where(inOrg(beneficiaries, orgId, eq(beneficiaries.id, id)));
}

export async function privacyFacts(db: Db, orgId: string, id: string) {
  const [file] = await db
    .select({
      until: beneficiaries.legalHoldUntil,
      reason: beneficiaries.legalHoldReason,
      anonymisedAt: beneficiaries.anonymisedAt,
    })
    .from(beneficiaries)
    .where(inOrg(beneficiaries, orgId, eq(beneficiaries.id, id)));
  return file;
}

/** Files under a legal hold that still runs on `today`, the soonest to end first. */
export function runningLegalHolds(db: Db, orgId: string, today: string) {
  return db
    .select({
      id: beneficiaries.id,
      fileNumber: beneficiaries.fileNumber,
      firstName: beneficiaries.firstName,
      fatherName: beneficiaries.fatherName,
      grandfatherName: beneficiaries.grandfatherName,
      familyName: beneficiaries.familyName,
      until: beneficiaries.legalHoldUntil,
      reason: beneficiaries.legalHoldReason,
    })
    .from(beneficiaries)
    .where(
      inOrg(
        beneficiaries,
        orgId,
        and(isNotNull(beneficiaries.legalHoldUntil), gte(beneficiaries.legalHoldUntil, today)),
      ),
    )
    .orderBy(beneficiaries.legalHoldUntil)
    .limit(500);
}

// ---- Consents ----

export function consentsWithWithdrawer(db: Db, orgId: string, beneficiaryId: string) {
  return db
    .select({
      id: consents.id,
      purpose: consents.purpose,
      noticeVersion: consents.noticeVersion,
      channel: consents.channel,
      at: consents.at,
      withdrawnAt: consents.withdrawnAt,
      withdrawnReason: consents.withdrawnReason,
      withdrawnByName: users.displayName,
    })
    .from(consents)
    .leftJoin(users, and(eq(users.orgId, consents.orgId), eq(users.id, consents.withdrawnBy)))
    .where(inOrg(consents, orgId, eq(consents.beneficiaryId, beneficiaryId)))
    .orderBy(consents.at);
}

export async function findConsent(db: Db, orgId: string, beneficiaryId: string, consentId: string) {
  const [consent] = await db
    .select({ id: consents.id, withdrawnAt: consents.withdrawnAt })
    .from(consents)
    .where(inOrg(consents, orgId, and(eq(consents.id, consentId), eq(consents.beneficiaryId, beneficiaryId))));
  return consent;
}

export function markConsentWithdrawn(db: Db, id: string, at: Date, reason: string, byUserId: string) {
  return db
    .update(consents)
    .set({ withdrawnAt: at, withdrawnReason: reason, withdrawnBy: byUserId })
    .where(eq(consents.id, id));
}

// ---- Who opened the file, and what was corrected ----

export function accessLogRows(db: Db, orgId: string, beneficiaryId: string, actions: readonly string[]) {
  return db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      username: auditLog.actorUsername,
      name: users.displayName,
      role: users.role,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(users.orgId, auditLog.orgId), eq(users.id, auditLog.actorUserId)))
    .where(
      inOrg(
        auditLog,
        orgId,
        and(
          eq(auditLog.entityType, 'beneficiary'),
          eq(auditLog.entityId, beneficiaryId),
          inArray(auditLog.action, [...actions]),
        ),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(200);
}

export function revisionsOf(db: Db, orgId: string, beneficiaryId: string) {
  return db
    .select({
      at: beneficiaryRevisions.at,
      changes: beneficiaryRevisions.changes,
      reason: beneficiaryRevisions.reason,
      byName: users.displayName,
    })
    .from(beneficiaryRevisions)
    .leftJoin(users, and(eq(users.orgId, beneficiaryRevisions.orgId), eq(users.id, beneficiaryRevisions.byUser)))
    .where(inOrg(beneficiaryRevisions, orgId, eq(beneficiaryRevisions.beneficiaryId, beneficiaryId)))
    .orderBy(desc(beneficiaryRevisions.at));
}

export async function nationalIdTakenByOther(db: Db, orgId: string, nationalId: string, id: string) {
  const [taken] = await db
    .select({ id: beneficiaries.id })
    .from(beneficiaries)
    .where(inOrg(beneficiaries, orgId, and(eq(beneficiaries.nationalId, nationalId), ne(beneficiaries.id, id))));
  return Boolean(taken);
}

export function updateBeneficiaryColumns(
  db: Db,
  orgId: string,
  id: string,
  columns: Partial<typeof beneficiaries.$inferInsert>,
) {
  return db
    .update(beneficiaries)
    .set({ ...columns, updatedAt: new Date() })
    .where(inOrg(beneficiaries, orgId, eq(beneficiaries.id, id)));
}

export async function insertRevision(db: Db, values: typeof beneficiaryRevisions.$inferInsert) {
  const [revision] = await db.insert(beneficiaryRevisions).values(values).returning({ id: beneficiaryRevisions.id });
  return revision!.id;
}

// ---- Breaches ----

export function listBreachRows(db: Db, orgId: string) {
  return db.select().from(breaches).where(inOrg(breaches, orgId)).orderBy(desc(breaches.discoveredAt));
}

export async function insertBreach(db: Db, values: typeof breaches.$inferInsert) {
  const [row] = await db.insert(breaches).values(values).returning({ id: breaches.id });
  return row!.id;
}

/** Changes a breach record; false when there is no such breach in the organisation. */
export async function updateBreachRow(db: Db, orgId: string, id: string, set: Partial<typeof breaches.$inferInsert>) {
  const rows = await db
    .update(breaches)
    .set(set)
    .where(inOrg(breaches, orgId, eq(breaches.id, id)))
    .returning({ id: breaches.id });
  return rows.length > 0;
}

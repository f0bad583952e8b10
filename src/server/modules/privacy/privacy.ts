import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applications,
  applicationTransitions,
  beneficiaries,
  caseMessages,
  cases,
  consents,
  declarations,
  deliveries,
  documents,
  householdMembers,
  interactions,
  notifications,
  surveyInvitations,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { addMonths, getBeneficiary, getHousehold, presentBeneficiary } from '../beneficiaries';

/** Everything the association holds about one person, for their data-access request (PDPL). */
export async function collectPersonalData(db: Db, orgId: string, beneficiaryId: string) {
  const b = await getBeneficiary(db, orgId, beneficiaryId);
  if (!b) throw new AppError('beneficiary.not_found');
  const [household, consentRows, apps, contactRows, caseRows, deliveryRows, docs] = await Promise.all([
    getHousehold(db, orgId, b.id),
    db
      .select()
      .from(consents)
      .where(inOrg(consents, orgId, eq(consents.beneficiaryId, b.id))),
    db
      .select()
      .from(applications)
      .where(inOrg(applications, orgId, eq(applications.beneficiaryId, b.id))),
    db
      .select()
      .from(interactions)
      .where(inOrg(interactions, orgId, eq(interactions.beneficiaryId, b.id))),
    db
      .select()
      .from(cases)
      .where(inOrg(cases, orgId, eq(cases.beneficiaryId, b.id))),
    db
      .select()
      .from(deliveries)
      .where(inOrg(deliveries, orgId, eq(deliveries.beneficiaryId, b.id))),
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
      .where(inOrg(documents, orgId, eq(documents.beneficiaryId, b.id))),
  ]);
  const appIds = apps.map((a) => a.id);
  const [steps, declared] = appIds.length
    ? await Promise.all([
        db
          .select()
          .from(applicationTransitions)
          .where(inOrg(applicationTransitions, orgId, inArray(applicationTransitions.applicationId, appIds))),
        db
          .select()
          .from(declarations)
          .where(inOrg(declarations, orgId, inArray(declarations.applicationId, appIds))),
      ])
    : [[], []];
  const strip = <T extends Record<string, unknown>>(row: T) =>
    Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'orgId')) as T;
  return {
    generatedAt: new Date().toISOString(),
    file: presentBeneficiary(b, household, true),
    consents: consentRows.map(strip),
    applications: apps.map((a) => ({
      ...strip(a),
      steps: steps.filter((s) => s.applicationId === a.id).map(strip),
      declaration: declared.find((d) => d.applicationId === a.id) ?? null,
    })),
    contacts: contactRows.map(strip),
    cases: caseRows.map(({ followKeyHash: _k, ...c }) => strip(c)),
    deliveries: deliveryRows.map(strip),
    documents: docs,
  };
}

const ERASED = '[حُذف]';

/**
 * Anonymises a file when its purpose has ended: names, IDs, contact details, household, documents and free
 * text are destroyed; what statistics need (district, water source, dates, stages) stays. A legal-retention
 * hold stops it. Signed declarations are legal records and are kept (documented exception).
 */
export async function anonymiseBeneficiary(
  db: Db,
  orgId: string,
  id: string,
  today: string,
  uploadDir: string,
  actor: SessionUser | null,
  meta: RequestMeta,
  reason: string,
) {
  const b = await getBeneficiary(db, orgId, id);
  if (!b) throw new AppError('beneficiary.not_found');
  const [row] = await db
    .select({ hold: beneficiaries.legalHoldUntil, anonymisedAt: beneficiaries.anonymisedAt })
    .from(beneficiaries)
    .where(inOrg(beneficiaries, orgId, eq(beneficiaries.id, id)));
  if (row?.anonymisedAt) throw new AppError('privacy.already_anonymised');
  if (row?.hold && row.hold >= today) throw new AppError('privacy.legal_hold', { until: row.hold });
  const open = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      inOrg(
        applications,
        orgId,
        eq(applications.beneficiaryId, id),
        inArray(applications.stage, [
          'draft',
          'submitted',
          'verifying',
          'referred',
          'returned',
          'declared',
          'in_committee',
          'deferred',
          'completing',
        ]),
      ),
    )
    .limit(1);
  if (open.length > 0) throw new AppError('privacy.open_application');
  const files = await db
    .select({ storedName: documents.storedName })
    .from(documents)
    .where(inOrg(documents, orgId, eq(documents.beneficiaryId, id)));
  await db.transaction(async (tx) => {
    await tx
      .update(beneficiaries)
      .set({
        firstName: ERASED,
        fatherName: ERASED,
        grandfatherName: ERASED,
        familyName: ERASED,
        nameNorm: ERASED,
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
      .set({ summary: ERASED, contactName: null, contactMobile: null })
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
        .set({ contactName: null, contactMobile: null, description: ERASED, subject: ERASED })
        .where(inOrg(cases, orgId, inArray(cases.id, caseIds)));
      await tx
        .update(caseMessages)
        .set({ body: ERASED })
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
      .set({ recipient: '', body: ERASED, variables: {} })
      .where(and(eq(notifications.orgId, orgId), inArray(notifications.recipient, mobiles)));
    await writeAudit(tx, { id: actor?.id ?? null, orgId, username: actor?.username ?? null }, meta, {
      action: 'privacy.anonymised',
      entityType: 'beneficiary',
      entityId: id,
      details: { reason },
    });
  });
  for (const f of files) await fs.rm(path.join(uploadDir, f.storedName), { force: true });
}

/**
 * The retention rule: files closed for longer than the retention period are anonymised, except under a legal
 * hold or with an application still open. Runs daily; `today` is passed in so tests control the clock.
 */
export async function applyRetention(deps: Deps, orgId: string, today: string, retentionMonths: number) {
  const cutoff = new Date(`${addMonths(today, -retentionMonths)}T00:00:00+03:00`);
  const due = await deps.db
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
  let done = 0;
  for (const b of due) {
    try {
      await anonymiseBeneficiary(
        deps.db,
        orgId,
        b.id,
        today,
        deps.config.uploadDir,
        null,
        { ip: null, userAgent: 'retention-job' },
        'retention_period_ended',
      );
      done += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return done;
}

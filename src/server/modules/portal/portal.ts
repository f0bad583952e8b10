import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { normalizeArabicCompact } from '../../../common/arabic';
import type { CreateBeneficiaryInput } from '../../../common/domain/beneficiary';
import { expectedDecisionDate } from '../../../common/domain/committee';
import type { Db } from '../../db/client';
import { declarations, portalGrants } from '../../db/tables/index';
import { AppError } from '../../errors';
import type { Deps, RequestMeta } from '../../http/context';
import { checkServicesFor, writeApplication } from '../applications/create-application';
import { getApplication, getDeclaration, listChecklist } from '../applications/queries';
import { writeBeneficiaryFile } from '../beneficiaries/create-beneficiary';
import { fullName } from '../beneficiaries/fields';
import { findByNationalId, getBeneficiary } from '../beneficiaries/queries';
import { lastDecision } from '../committee/queries';
import { enqueueNotification } from '../notifications/outbox';
import { getSettings } from '../settings/queries';
import { consumeOtp } from './otp';

const GRANT_MINUTES = 30;
const grantId = (token: string) => createHash('sha256').update(token).digest('hex');

/** After a correct one-time code, the person may add documents to that one application for a while. */
export async function issueGrant(db: Db, orgId: string, applicationId: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db
    .insert(portalGrants)
    .values({ id: grantId(token), orgId, applicationId, expiresAt: new Date(Date.now() + GRANT_MINUTES * 60_000) });
  return token;
}

export async function checkGrant(db: Db, orgId: string, token: string | undefined, applicationId: string) {
  if (!token) throw new AppError('portal.grant_invalid');
  const [grant] = await db
    .select()
    .from(portalGrants)
    .where(
      and(eq(portalGrants.id, grantId(token)), eq(portalGrants.orgId, orgId), gt(portalGrants.expiresAt, new Date())),
    );
  if (!grant || grant.applicationId !== applicationId) throw new AppError('portal.grant_invalid');
}

export type PortalApplyInput = {
  applicant: Omit<CreateBeneficiaryInput, 'consent' | 'confirmNotDuplicate'>;
  serviceIds: string[];
  typedName: string;
  code: string;
};

/**
 * An application made on the portal (website channel): the one-time code sent to the applicant's mobile
 * confirms both the number and the declaration, which is typed as the full name. A known national ID is only
 * used when the mobile matches the file's; otherwise the answer does not say why.
 */
export async function submitPortalApplication(deps: Deps, orgId: string, input: PortalApplyInput, meta: RequestMeta) {
  const { applicant } = input;
  if (normalizeArabicCompact(input.typedName) !== normalizeArabicCompact(fullName(applicant))) {
    throw new AppError('application.declaration_name_mismatch');
  }
  await consumeOtp(deps.db, { orgId, purpose: 'apply', reference: applicant.mobile, code: input.code });
  const settings = await getSettings(deps.db, orgId);
  const existing = await findByNationalId(deps.db, orgId, applicant.nationalId);
  let file: { id: string; branchId: string } | undefined;
  if (existing) {
    const known = await getBeneficiary(deps.db, orgId, existing.id);
    if (!known || (known.mobile !== applicant.mobile && known.mobile2 !== applicant.mobile))
      throw new AppError('portal.identity_mismatch');
    if (known.status === 'suspended' || known.status === 'closed') throw new AppError('portal.identity_mismatch');
    file = { id: known.id, branchId: known.branchId };
  }
  const services = file ? await checkServicesFor(deps.db, orgId, file.id, input.serviceIds) : null;
  return deps.db.transaction(async (tx) => {
    const beneficiary = file ?? {
      ...(await writeBeneficiaryFile(
        tx,
        orgId,
        { ...applicant, consent: { accepted: true, channel: 'website' } },
        null,
        meta,
      )),
      branchId: applicant.branchId,
    };
    const chosen = services ?? (await checkServicesFor(tx, orgId, beneficiary.id, input.serviceIds));
    const app = await writeApplication(tx, {
      orgId,
      beneficiary,
      services: chosen,
      channel: 'website',
      note: null,
      stage: 'submitted',
      actor: null,
      meta,
    });
    await tx.insert(declarations).values({
      orgId,
      applicationId: app.id,
      text: settings.declarationTextAr,
      typedName: input.typedName,
      method: 'otp',
      channel: 'website',
      witnessUserId: null,
    });
    await enqueueNotification(tx, {
      orgId,
      channel: 'sms',
      recipient: applicant.mobile,
      templateKey: 'application_received',
      variables: { name: applicant.firstName, reference: app.reference },
      idempotencyKey: `received:${app.id}`,
      entityType: 'application',
      entityId: app.id,
    });
    const token = await issueGrant(tx, orgId, app.id);
    // An estimate until the application is raised: verification first, then the committee's target days.
    return {
      reference: app.reference,
      applicationId: app.id,
      expectedDecisionDate: expectedDecisionDate(new Date(), settings.committeeTargetDays),
      token,
    };
  });
}

/** What the person sees when tracking: the stage in plain words (the client's), what is missing, the dates, the decision. */
export async function trackApplication(deps: Deps, orgId: string, applicationId: string) {
  const app = await getApplication(deps.db, orgId, applicationId);
  if (!app) throw new AppError('otp.invalid');
  const [checklist, decision, declaration, settings] = await Promise.all([
    listChecklist(deps.db, app.id),
    lastDecision(deps.db, app.id),
    getDeclaration(deps.db, app.id),
    getSettings(deps.db, orgId),
  ]);
  const reasons = (decision?.reasonCodes ?? []).map(
    (c) => settings.rejectionReasons.find((r) => r.code === c)?.labelAr ?? c,
  );
  return {
    reference: app.reference,
    stage: app.stage,
    submittedAt: app.createdAt.toISOString(),
    expectedDecisionDate: app.expectedDecisionDate,
    missing: checklist.filter((c) => c.state === 'missing').map((c) => c.labelAr),
    missingItems: checklist.filter((c) => c.state === 'missing').map((c) => ({ key: c.itemKey, labelAr: c.labelAr })),
    decision: decision?.decision
      ? { decision: decision.decision, reasons, decidedAt: decision.decidedAt?.toISOString() ?? null }
      : null,
    declared: Boolean(declaration),
  };
}

import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { normalizeArabicCompact } from '../../../common/arabic';
import { riyadhDate } from '../../../common/dates';
import type { CreateBeneficiaryInput } from '../../../common/domain/beneficiary';
import type { ReplyTime } from '../../../common/domain/reply-time';
import type { Db } from '../../db/client';
import { declarations, portalGrants } from '../../db/tables/index';
import { AppError } from '../../errors';
import type { Deps, RequestMeta } from '../../http/context';
import { checkServicesFor, getApplication, getDeclaration, listChecklist, writeApplication } from '../applications';
import { findByNationalId, fullName, getBeneficiary, writeBeneficiaryFile } from '../beneficiaries';
import { lastDecision } from '../committee';
import { enqueueNotification } from '../notifications';
import { listServices } from '../services';
import { getSettings } from '../settings';
import { submitPortalCase } from './follow';
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
  /** "Describe the water problem" in the applicant's words; empty means not written. */
  waterProblem?: string | null;
};

/**
 * An application made on the portal (website channel): the one-time code sent to the applicant's mobile
 * confirms both the number and the declaration, which is typed as the full name.
 *
 * A national ID that already has a file is used only when this mobile is the file's. Otherwise (someone else's
 * ID, or a suspended or closed file) nothing is said about the ID: the answer is "received, staff will call you",
 * and a case for the relations team holds what was sent so a person checks it. The answer never tells whether
 * the ID is registered.
 */
export async function submitPortalApplication(
  deps: Deps,
  orgId: string,
  input: PortalApplyInput,
  meta: RequestMeta,
): Promise<
  | { outcome: 'application'; reference: string; applicationId: string; decisionDays: number; token: string }
  | { outcome: 'review'; reference: string; replyTime: ReplyTime }
> {
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
    const sameMobile = known && (known.mobile === applicant.mobile || known.mobile2 === applicant.mobile);
    if (!known || !sameMobile || known.status === 'suspended' || known.status === 'closed') {
      return { outcome: 'review', ...(await reviewInstead(deps, orgId, input, meta)) };
    }
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
      waterProblem: input.waterProblem || null,
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
    // The one promise (decision 018): the committee's target days, counted from the day the application is
    // raised to it. The date itself is known, sent by SMS and shown in tracking from that day on.
    return {
      outcome: 'application' as const,
      reference: app.reference,
      applicationId: app.id,
      decisionDays: settings.committeeTargetDays,
      token,
    };
  });
}

/** The neutral path: a service request for the relations team with what the person sent, and its receipt. */
async function reviewInstead(deps: Deps, orgId: string, input: PortalApplyInput, meta: RequestMeta) {
  const { applicant } = input;
  const services = await listServices(deps.db, orgId, true);
  const names = input.serviceIds.map((id) => services.find((s) => s.id === id)?.nameAr ?? id).join('، ');
  const sent = await submitPortalCase(
    deps,
    orgId,
    {
      kind: 'service_request',
      subject: 'طلب التحاق من الموقع يحتاج تأكيد الهوية',
      description: [
        'قدّم شخص طلب التحاق من الموقع، وتحقق من جواله برمز، ولم يُربط الطلب بملف تلقائياً.',
        'تحقق من هويته هاتفياً قبل فتح طلب له، ولا تذكر له بيانات أي ملف.',
        `الاسم: ${fullName(applicant)}`,
        `رقم الهوية المكتوب: ${applicant.nationalId}`,
        `الجوال: ${applicant.mobile}`,
        `الخدمات: ${names}`,
      ].join('\n'),
      name: fullName(applicant).slice(0, 120),
      mobile: applicant.mobile,
      anonymous: false,
    },
    meta,
  );
  return { reference: sent.reference, replyTime: sent.replyTime };
}

/** What the person sees when tracking: the stage in plain words (the client's), what is missing, the dates, the decision. */
export async function trackApplication(deps: Deps, orgId: string, applicationId: string) {
  const app = await getApplication(deps.db, orgId, applicationId);
  if (!app) throw new AppError('otp.invalid');
  const [checklist, decision, declaration, settings] = await Promise.all([
    listChecklist(deps.db, orgId, app.id),
    lastDecision(deps.db, orgId, app.id),
    getDeclaration(deps.db, orgId, app.id),
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
    /** What the expected date counts from: the day the application was raised to the committee (Riyadh). */
    raisedOn: app.raisedAt ? riyadhDate(app.raisedAt) : null,
    decisionDays: settings.committeeTargetDays,
    missing: checklist.filter((c) => c.state === 'missing').map((c) => c.labelAr),
    missingItems: checklist.filter((c) => c.state === 'missing').map((c) => ({ key: c.itemKey, labelAr: c.labelAr })),
    /** Each required document in the person's terms (staff notes are never shown). */
    documents: checklist.map((c) => ({
      key: c.itemKey,
      labelAr: c.labelAr,
      state: documentState(c.state),
    })),
    decision: decision?.decision
      ? { decision: decision.decision, reasons, decidedAt: decision.decidedAt?.toISOString() ?? null }
      : null,
    declared: Boolean(declaration),
  };
}

function documentState(state: string): 'received' | 'missing' | 'waiting' | 'not_needed' {
  if (state === 'provided' || state === 'verified') return 'received';
  if (state === 'missing') return 'missing';
  if (state === 'not_applicable') return 'not_needed';
  return 'waiting';
}

import type { z } from 'zod';
import type { CaseKind, createCaseInput } from '../../../common/domain/case';
import { addWorkingMinutes } from '../../../common/domain/sla';
import { nextNumber, riyadhYear } from '../../db/counters';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { getBeneficiary } from '../beneficiaries';
import { emitEvent } from '../integrations';
import { getSettings } from '../settings';
import { recordInteraction } from '../timeline';
import { insertCase, insertCaseMessage } from './queries';
import { calendarOf, slaMinutes } from './sla';

const KIND_AR: Record<CaseKind, string> = {
  inquiry: 'استفسار',
  complaint: 'شكوى',
  suggestion: 'مقترح',
  praise: 'شكر',
  service_request: 'طلب خدمة',
};

/** Opens a case. Its SLA due times come from the working calendar; an anonymous suggestion keeps no identity. */
export async function createCase(
  deps: Deps,
  user: SessionUser | null,
  orgId: string,
  input: z.infer<typeof createCaseInput>,
  meta: RequestMeta,
) {
  let branchId = user?.branchId ?? null;
  if (input.beneficiaryId) {
    const b = await getBeneficiary(deps.db, orgId, input.beneficiaryId);
    if (!b) throw new AppError('beneficiary.not_found');
    if (user) authorize(user, 'cases.create', { orgId: b.orgId, branchId: b.branchId });
    branchId = b.branchId;
  }
  if (input.anonymous) branchId = null;
  const settings = await getSettings(deps.db, orgId);
  const now = new Date();
  const minutes = slaMinutes(settings, input.kind, input.priority);
  const calendar = calendarOf(settings);
  const year = riyadhYear(now);
  return deps.db.transaction(async (tx) => {
    const seq = await nextNumber(tx, orgId, 'case', year);
    const reference = `C-${year}-${String(seq).padStart(5, '0')}`;
    const row = await insertCase(tx, {
      orgId,
      reference,
      kind: input.kind,
      priority: input.priority,
      channel: input.channel,
      subject: input.subject,
      description: input.description,
      beneficiaryId: input.anonymous ? null : (input.beneficiaryId ?? null),
      contactName: input.anonymous ? null : (input.contactName ?? null),
      contactMobile: input.anonymous ? null : (input.contactMobile ?? null),
      anonymous: input.anonymous,
      team: input.team,
      branchId,
      createdBy: input.anonymous ? null : (user?.id ?? null),
      createdAt: now,
      firstResponseDueAt: addWorkingMinutes(now, minutes.firstResponse, calendar),
      resolutionDueAt: addWorkingMinutes(now, minutes.resolution, calendar),
    });
    await insertCaseMessage(tx, {
      orgId,
      caseId: row.id,
      kind: 'inbound',
      body: input.description,
      channel: input.channel,
    });
    if (!input.anonymous) {
      await recordInteraction(tx, {
        orgId,
        channel: input.channel,
        direction: 'inbound',
        userId: user?.id ?? null,
        summary: `${KIND_AR[input.kind]}: ${input.subject}`,
        beneficiaryId: input.beneficiaryId ?? null,
        contactName: input.contactName ?? null,
        contactMobile: input.contactMobile ?? null,
      });
    }
    // The audit row names the case, never the anonymous suggester (there is nobody to name).
    await writeAudit(
      tx,
      { id: user?.id ?? null, orgId, username: user?.username ?? null },
      input.anonymous ? { ip: null, userAgent: null } : meta,
      {
        action: 'case.created',
        entityType: 'case',
        entityId: row.id,
        details: { kind: input.kind, channel: input.channel },
      },
    );
    await emitEvent(
      tx,
      orgId,
      'case.opened',
      { type: 'case', id: row.id },
      {
        caseId: row.id,
        reference: row.reference,
        kind: input.kind,
        channel: input.channel,
        beneficiaryId: input.beneficiaryId ?? null,
      },
    );
    return row;
  });
}

import { and, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Channel } from '../../../common/domain/channels';
import { beneficiaries, cases, interactions, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize, listBranchOf } from '../../policy';
import { getApplication } from '../applications';
import { loadBeneficiaryFor } from '../beneficiaries';
import { loadCaseFor } from '../cases';
import { recordInteraction } from '../timeline';

export type NewContact = {
  channel: Channel;
  direction: 'inbound' | 'outbound';
  summary: string;
  occurredAt?: string | undefined;
  durationSeconds?: number | undefined;
  beneficiaryId?: string | undefined;
  contactName?: string | undefined;
  contactMobile?: string | undefined;
  applicationId?: string | undefined;
  caseId?: string | undefined;
};

/**
 * The records a contact is filed under must be ones the user may work with, and must belong together: the
 * application and the case are the beneficiary's own (a case without a beneficiary takes any contact).
 */
async function checkLinks(deps: Deps, user: SessionUser, b: NewContact) {
  if (b.beneficiaryId) await loadBeneficiaryFor(deps, user, b.beneficiaryId, 'beneficiaries.write');
  if (b.applicationId) {
    const a = await getApplication(deps.db, user.orgId, b.applicationId);
    if (!a || (b.beneficiaryId && a.beneficiaryId !== b.beneficiaryId)) throw new AppError('application.not_found');
    authorize(user, 'interactions.create', { orgId: a.orgId, branchId: a.branchId });
  }
  if (b.caseId) {
    const c = await loadCaseFor(deps, user, b.caseId, 'cases.read');
    if (b.beneficiaryId && c.beneficiaryId && c.beneficiaryId !== b.beneficiaryId) throw new AppError('case.not_found');
  }
}

export async function createInteraction(deps: Deps, user: SessionUser, b: NewContact, meta: RequestMeta) {
  await checkLinks(deps, user, b);
  return deps.db.transaction(async (tx) => {
    const newId = await recordInteraction(tx, {
      orgId: user.orgId,
      channel: b.channel,
      direction: b.direction,
      userId: user.id,
      summary: b.summary,
      beneficiaryId: b.beneficiaryId ?? null,
      applicationId: b.applicationId ?? null,
      contactName: b.contactName ?? null,
      contactMobile: b.contactMobile ?? null,
      durationSeconds: b.durationSeconds ?? null,
      occurredAt: b.occurredAt ? new Date(b.occurredAt) : null,
      caseId: b.caseId ?? null,
    });
    // A contact with the person on a case (anything we sent, or a call or meeting with them) is the case's first
    // response if none came before; the contact's own time counts, not the time it was typed in.
    if (b.caseId && (b.direction === 'outbound' || b.channel === 'phone' || b.channel === 'meeting')) {
      const at = b.occurredAt ? new Date(b.occurredAt) : new Date();
      await tx
        .update(cases)
        .set({ firstResponseAt: sql`greatest(${at.toISOString()}::timestamptz, ${cases.createdAt})` })
        .where(and(eq(cases.id, b.caseId), eq(cases.orgId, user.orgId), isNull(cases.firstResponseAt)));
    }
    await writeAudit(tx, user, meta, {
      action: 'interaction.created',
      entityType: 'interaction',
      entityId: newId,
      details: { channel: b.channel },
    });
    return newId;
  });
}

/**
 * Recent contacts. A branch representative sees their own branch's files' contacts, and of the unidentified ones
 * (no file yet, so no branch) only those taken by staff of their branch: the names and mobiles of people who wrote
 * through the website or WhatsApp, or called headquarters, are for the roles that triage them (issue 14).
 */
export async function listInteractions(
  deps: Deps,
  user: SessionUser,
  q: { beneficiaryId?: string | undefined; channel?: string | undefined; unlinked?: string | undefined; limit: number },
) {
  if (q.beneficiaryId) await loadBeneficiaryFor(deps, user, q.beneficiaryId, 'beneficiaries.read');
  const branchId = listBranchOf(user);
  const conditions: (SQL | undefined)[] = [
    q.beneficiaryId ? eq(interactions.beneficiaryId, q.beneficiaryId) : undefined,
    q.channel ? eq(interactions.channel, q.channel) : undefined,
    q.unlinked === 'true' ? isNull(interactions.beneficiaryId) : undefined,
    branchId
      ? or(
          and(isNull(interactions.beneficiaryId), eq(users.branchId, branchId)),
          inArray(
            interactions.beneficiaryId,
            deps.db
              .select({ id: beneficiaries.id })
              .from(beneficiaries)
              .where(inOrg(beneficiaries, user.orgId, eq(beneficiaries.branchId, branchId))),
          ),
        )
      : undefined,
  ];
  const rows = await deps.db
    .select({
      id: interactions.id,
      channel: interactions.channel,
      direction: interactions.direction,
      occurredAt: interactions.occurredAt,
      summary: interactions.summary,
      durationSeconds: interactions.durationSeconds,
      beneficiaryId: interactions.beneficiaryId,
      contactName: interactions.contactName,
      contactMobile: interactions.contactMobile,
      applicationId: interactions.applicationId,
      caseId: interactions.caseId,
      userName: users.displayName,
    })
    .from(interactions)
    .leftJoin(users, and(eq(users.orgId, interactions.orgId), eq(users.id, interactions.userId)))
    .where(inOrg(interactions, user.orgId, ...conditions))
    .orderBy(desc(interactions.occurredAt))
    .limit(q.limit);
  return { items: rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() })) };
}

/**
 * Links an unidentified contact to the file of the person once known. A contact already on a file is not
 * moved; one on a file the user may not open is refused as such.
 */
export async function linkInteraction(
  deps: Deps,
  user: SessionUser,
  id: string,
  beneficiaryId: string,
  meta: RequestMeta,
) {
  const [current] = await deps.db
    .select({ beneficiaryId: interactions.beneficiaryId, takenInBranch: users.branchId })
    .from(interactions)
    .leftJoin(users, and(eq(users.orgId, interactions.orgId), eq(users.id, interactions.userId)))
    .where(inOrg(interactions, user.orgId, eq(interactions.id, id)));
  if (!current) throw new AppError('interaction.not_linkable');
  // An unidentified contact a branch representative may not list is not theirs to claim either.
  const branchId = listBranchOf(user);
  if (branchId && !current.beneficiaryId && current.takenInBranch !== branchId)
    throw new AppError('interaction.not_linkable');
  if (current.beneficiaryId) await loadBeneficiaryFor(deps, user, current.beneficiaryId, 'beneficiaries.read');
  await loadBeneficiaryFor(deps, user, beneficiaryId, 'beneficiaries.write');
  const rows = await deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(interactions)
      .set({ beneficiaryId })
      .where(inOrg(interactions, user.orgId, and(eq(interactions.id, id), isNull(interactions.beneficiaryId))))
      .returning({ id: interactions.id });
    if (updated.length > 0)
      await writeAudit(tx, user, meta, {
        action: 'interaction.linked',
        entityType: 'interaction',
        entityId: id,
        details: { beneficiaryId },
      });
    return updated;
  });
  if (rows.length === 0) throw new AppError('interaction.not_linkable');
}

import { and, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { addDays, riyadhDate } from '../../../common/dates';
import type { Db } from '../../db/client';
import { beneficiaries, beneficiaryStatusEvents, deliveries } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { getSettings } from '../settings';
import { loadBeneficiaryFor } from './get-beneficiary-file';

export type StatusAction =
  | { action: 'suspend'; reason: string; until?: string | undefined }
  | { action: 'reinstate'; reason: string }
  | { action: 'reverify'; reason?: string | undefined }
  | { action: 'close'; reason: string };

const ALLOWED_FROM: Record<StatusAction['action'], string[]> = {
  suspend: ['applicant', 'active'],
  reinstate: ['suspended'],
  reverify: ['active'],
  close: ['applicant', 'active', 'suspended'],
};

export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * Suspension (aided elsewhere, false data) with reason and period, reinstatement, yearly re-verification and
 * closing are recorded actions: each writes a status event and an audit row with the change.
 */
export async function changeBeneficiaryStatus(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: StatusAction,
  meta: RequestMeta,
) {
  const current = await loadBeneficiaryFor(deps, user, id, 'beneficiaries.change_status');
  if (!ALLOWED_FROM[input.action].includes(current.status)) {
    throw new AppError('beneficiary.illegal_status_change', { from: current.status, action: input.action });
  }
  const today = riyadhDate(new Date());
  if (input.action === 'suspend' && input.until && input.until <= today)
    throw new AppError('beneficiary.until_in_past');
  const settings = await getSettings(deps.db, user.orgId);
  const next = {
    suspend: { status: 'suspended', suspendedUntil: input.action === 'suspend' ? (input.until ?? null) : null },
    reinstate: { status: current.reverifyDue ? 'active' : 'applicant', suspendedUntil: null },
    reverify: { status: 'active', suspendedUntil: null, reverifyDue: addMonths(today, settings.reverifyMonths) },
    close: { status: 'closed', suspendedUntil: null, closedAt: new Date() },
  }[input.action];
  await deps.db.transaction(async (tx) => {
    await tx
      .update(beneficiaries)
      .set({ ...next, statusReason: input.reason ?? null, updatedAt: new Date() })
      .where(inOrg(beneficiaries, user.orgId, eq(beneficiaries.id, id)));
    await tx.insert(beneficiaryStatusEvents).values({
      orgId: user.orgId,
      beneficiaryId: id,
      kind: input.action,
      fromStatus: current.status,
      toStatus: next.status,
      reason: input.reason ?? null,
      until: input.action === 'suspend' ? (input.until ?? null) : null,
      byUser: user.id,
    });
    if (next.status === 'suspended' || next.status === 'closed') {
      // A suspended or closed file gets no deliveries: the planned ones are cancelled with it.
      await tx
        .update(deliveries)
        .set({ status: 'cancelled', failureReason: input.reason ?? null })
        .where(inOrg(deliveries, user.orgId, eq(deliveries.beneficiaryId, id), eq(deliveries.status, 'scheduled')));
    }
    await writeAudit(tx, user, meta, {
      action: `beneficiary.${input.action}`,
      entityType: 'beneficiary',
      entityId: id,
      details: { from: current.status, to: next.status },
    });
  });
}

/** The daily job: active files past their re-verification date by more than the grace period are suspended. */
export async function suspendOverdueReverifications(db: Db, orgId: string, today: string): Promise<number> {
  const settings = await getSettings(db, orgId);
  const cutoff = addDays(today, -settings.reverifyGraceDays);
  return db.transaction(async (tx) => {
    const due = await tx
      .update(beneficiaries)
      .set({ status: 'suspended', statusReason: 'reverification_overdue', updatedAt: new Date() })
      .where(
        inOrg(
          beneficiaries,
          orgId,
          and(
            eq(beneficiaries.status, 'active'),
            isNotNull(beneficiaries.reverifyDue),
            lte(beneficiaries.reverifyDue, cutoff),
          ),
        ),
      )
      .returning({ id: beneficiaries.id });
    if (due.length > 0) {
      await tx
        .update(deliveries)
        .set({ status: 'cancelled', failureReason: 'reverification_overdue' })
        .where(
          and(
            inArray(
              deliveries.beneficiaryId,
              due.map((b) => b.id),
            ),
            eq(deliveries.status, 'scheduled'),
          ),
        );
      await tx.insert(beneficiaryStatusEvents).values(
        due.map((b) => ({
          orgId,
          beneficiaryId: b.id,
          kind: 'auto_suspend',
          fromStatus: 'active',
          toStatus: 'suspended',
          reason: 'reverification_overdue',
        })),
      );
    }
    return due.length;
  });
}

import type { Db } from '../../db/client';
import { recordCorrections } from '../../db/tables/index';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { RequestMeta, SessionUser } from '../../http/context';

/** Roles that correct any record of their scope; the others only what they recorded themselves. */
const CORRECTS_ANY: readonly string[] = ['manager', 'admin'];

/** A recorded outcome is corrected by whoever recorded it, or by the manager or the administrator. */
export function assertMayCorrect(user: SessionUser, recordedBy: string | null): void {
  if (!CORRECTS_ANY.includes(user.role) && recordedBy !== user.id) throw new AppError('correction.not_allowed');
}

/**
 * Keeps a correction (values before and after, the reason, who) and its audit row, inside the caller's transaction,
 * after the caller has written the corrected values into the record itself.
 */
export async function recordCorrection(
  tx: Db,
  user: SessionUser,
  meta: RequestMeta,
  c: {
    subject: 'delivery' | 'registration';
    applicationId: string | null;
    deliveryId?: string;
    diff: { before: Record<string, unknown>; after: Record<string, unknown> };
    reason: string;
    audit: { action: string; entityType: string; entityId: string };
  },
) {
  const [row] = await tx
    .insert(recordCorrections)
    .values({
      orgId: user.orgId,
      subject: c.subject,
      applicationId: c.applicationId,
      deliveryId: c.deliveryId,
      before: c.diff.before,
      after: c.diff.after,
      reason: c.reason,
      correctedBy: user.id,
    })
    .returning({ id: recordCorrections.id });
  await writeAudit(tx, user, meta, { ...c.audit, details: { ...c.diff, reason: c.reason, correctionId: row!.id } });
  return { id: row!.id, before: c.diff.before, after: c.diff.after };
}

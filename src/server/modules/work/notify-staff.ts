import type { Db } from '../../db/client';
import { staffNotifications } from '../../db/tables/index';

export type StaffNoticeKind =
  | 'referral_answered'
  | 'application_decided'
  | 'case_assigned'
  | 'case_escalated'
  | 'delivery_assigned'
  | 'document_received'
  | 'inspection_assigned';

export type StaffNotice = {
  orgId: string;
  /** Who is told; nothing is written when there is nobody, or when it is the person who acted. */
  userId: string | null | undefined;
  actorUserId: string | null;
  kind: StaffNoticeKind;
  entityType: 'application' | 'case' | 'delivery';
  entityId: string;
  reference: string;
  detail?: string | null;
};

/** Tells a staff member in the app that a hand-off reached them; call it inside the transaction of the change. */
export async function notifyStaff(db: Db, notice: StaffNotice): Promise<boolean> {
  if (!notice.userId || notice.userId === notice.actorUserId) return false;
  await db.insert(staffNotifications).values({
    orgId: notice.orgId,
    userId: notice.userId,
    actorUserId: notice.actorUserId,
    kind: notice.kind,
    entityType: notice.entityType,
    entityId: notice.entityId,
    reference: notice.reference,
    detail: notice.detail ? notice.detail.slice(0, 500) : null,
  });
  return true;
}

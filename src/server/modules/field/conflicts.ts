import type { DeliveryVersion, FileVersion } from '../../../common/domain/field';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import { authorize } from '../../policy';

/**
 * What the phone sees of the server's version when they differ. A record that moved to another branch is no
 * longer the representative's to read, so only that fact is told.
 */
export type ServerVersion = (Partial<DeliveryVersion> & { sameBranch: true }) | { sameBranch: false };

/**
 * Before a queued record is written: a record of another branch is refused (403) unless the phone downloaded it
 * as its own branch's, which means it moved meanwhile; that and any other difference between the version the
 * phone had and the server's (delivery cancelled, done or rescheduled, file suspended or closed) is a conflict
 * (409, both versions in the details) for the representative to review. Nothing is overwritten.
 */
export function checkVersion<V extends DeliveryVersion | FileVersion>(
  user: SessionUser,
  record: { orgId: string } & V,
  expected: V,
  action: 'deliveries.manage' | 'field.work',
): void {
  if (record.branchId !== user.branchId && expected.branchId === user.branchId && record.orgId === user.orgId) {
    throw new AppError('field.conflict', { phone: expected, server: { sameBranch: false } satisfies ServerVersion });
  }
  authorize(user, action, { orgId: record.orgId, branchId: record.branchId });
  const keys = Object.keys(expected) as (keyof V)[];
  const changed = keys.filter((key) => record[key] !== expected[key]);
  // A delivery can only be recorded while scheduled, whatever the phone had.
  const notOpen = 'status' in record && record.status !== 'scheduled';
  if (changed.length > 0 || notOpen) {
    const server = Object.fromEntries(keys.map((key) => [key, record[key]]));
    throw new AppError('field.conflict', { phone: expected, server: { ...server, sameBranch: true }, changed });
  }
}

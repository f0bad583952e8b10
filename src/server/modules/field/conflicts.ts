import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import { authorize } from '../../policy';

/**
 * What the phone sees of the server's version when they differ. A record that moved to another branch is no
 * longer the representative's to read, so only that fact is told.
 */
export type ServerVersion = (Record<string, unknown> & { sameBranch: true }) | { sameBranch: false };

/**
 * Before a queued record is written: a record of another branch is refused (403) unless the phone downloaded it
 * as its own branch's, which means it moved meanwhile; that and any other difference between the version the
 * phone had and the server's (delivery cancelled, done or rescheduled, visit moved, inspection handed to someone
 * else, file suspended or closed) is a conflict (409, both versions in the details) for the representative to
 * review. `open` says whether the record can still take a result at all, whatever the phone had. Nothing is
 * overwritten.
 */
export function checkVersion<V extends { branchId: string }>(
  user: SessionUser,
  record: { orgId: string } & V,
  expected: V,
  action: 'deliveries.manage' | 'field.work' | 'appointments.manage' | 'inspections.record',
  open = true,
): void {
  if (record.branchId !== user.branchId && expected.branchId === user.branchId && record.orgId === user.orgId) {
    throw new AppError('field.conflict', { phone: expected, server: { sameBranch: false } satisfies ServerVersion });
  }
  authorize(user, action, { orgId: record.orgId, branchId: record.branchId });
  const keys = Object.keys(expected) as (keyof V)[];
  const changed = keys.filter((key) => record[key] !== expected[key]);
  if (changed.length > 0 || !open) {
    const server = Object.fromEntries(keys.map((key) => [key, record[key]]));
    throw new AppError('field.conflict', { phone: expected, server: { ...server, sameBranch: true }, changed });
  }
}

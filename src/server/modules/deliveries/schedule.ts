import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { beneficiaries, deliveries } from '../../db/tables/index';
import { AppError } from '../../errors';

/**
 * The one way a delivery is created: only for an active beneficiary (a suspended or closed file gets no new
 * deliveries).
 */
export async function scheduleDelivery(
  db: Db,
  values: {
    orgId: string;
    beneficiaryId: string;
    serviceId: string;
    applicationId: string | null;
    scheduledDate: string;
    assigneeUserId: string | null;
    sequence: number;
  },
): Promise<string | null> {
  const [b] = await db
    .select({ status: beneficiaries.status, branchId: beneficiaries.branchId })
    .from(beneficiaries)
    .where(and(eq(beneficiaries.id, values.beneficiaryId), eq(beneficiaries.orgId, values.orgId)));
  if (!b) throw new AppError('beneficiary.not_found');
  if (b.status !== 'active') return null;
  const [row] = await db
    .insert(deliveries)
    .values({ ...values, branchId: b.branchId, status: 'scheduled' })
    .returning({ id: deliveries.id });
  return row!.id;
}

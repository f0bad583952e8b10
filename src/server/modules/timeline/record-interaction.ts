import type { Channel } from '../../../common/domain/channels';
import type { Db } from '../../db/client';
import { interactions } from '../../db/tables/index';

export type NewInteraction = {
  orgId: string;
  channel: Channel;
  direction: 'inbound' | 'outbound';
  userId: string | null;
  summary: string;
  beneficiaryId?: string | null;
  applicationId?: string | null;
  contactName?: string | null;
  contactMobile?: string | null;
  durationSeconds?: number | null;
  /** When it happened, if not now (a contact logged afterwards). */
  occurredAt?: Date | null;
  caseId?: string | null;
};

/** Appends a contact to the beneficiary's timeline; call it inside the transaction of the change it reports. */
export async function recordInteraction(db: Db, entry: NewInteraction): Promise<string> {
  const [row] = await db
    .insert(interactions)
    .values({
      orgId: entry.orgId,
      channel: entry.channel,
      direction: entry.direction,
      userId: entry.userId,
      summary: entry.summary,
      beneficiaryId: entry.beneficiaryId ?? null,
      applicationId: entry.applicationId ?? null,
      contactName: entry.contactName ?? null,
      contactMobile: entry.contactMobile ?? null,
      durationSeconds: entry.durationSeconds ?? null,
      caseId: entry.caseId ?? null,
      ...(entry.occurredAt ? { occurredAt: entry.occurredAt } : {}),
    })
    .returning({ id: interactions.id });
  return row!.id;
}

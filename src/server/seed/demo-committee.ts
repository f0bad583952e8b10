import { eq } from 'drizzle-orm';
import { readSettings } from '../../common/domain/settings';
import type { Db } from '../db/client';
import { organizations } from '../db/tables/index';

/** The demo committee's quorum: two of its three members present. Refused in production by the caller. */
export const DEMO_COMMITTEE_QUORUM = 2;

// Reads and writes organizations.settings directly: the seed sits below the modules (no import cycle).
export async function seedDemoCommittee(db: Db, orgId: string): Promise<void> {
  const [row] = await db
    .select({ settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const settings = readSettings(row?.settings);
  // Only a quorum nobody has set yet: a demo database whose admin changed it keeps their choice.
  if (settings.committeeQuorum !== 'majority') return;
  await db
    .update(organizations)
    .set({ settings: { ...settings, committeeQuorum: DEMO_COMMITTEE_QUORUM } })
    .where(eq(organizations.id, orgId));
}

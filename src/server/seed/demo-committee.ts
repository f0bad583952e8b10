import type { Db } from '../db/client';
import { getSettings, saveSettings } from '../modules/settings';

/** The demo committee's quorum: two of its three members present. Refused in production by the caller. */
export const DEMO_COMMITTEE_QUORUM = 2;

export async function seedDemoCommittee(db: Db, orgId: string): Promise<void> {
  const settings = await getSettings(db, orgId);
  // Only a quorum nobody has set yet: a demo database whose admin changed it keeps their choice.
  if (settings.committeeQuorum !== 'majority') return;
  await saveSettings(db, orgId, { ...settings, committeeQuorum: DEMO_COMMITTEE_QUORUM });
}

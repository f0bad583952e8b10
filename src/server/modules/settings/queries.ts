import { eq } from 'drizzle-orm';
import { type OrganizationSettings, readSettings } from '../../../common/domain/settings';
import type { Db } from '../../db/client';
import { organizations } from '../../db/tables/index';

export async function getSettings(db: Db, orgId: string): Promise<OrganizationSettings> {
  const [row] = await db
    .select({ settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return readSettings(row?.settings);
}

export async function saveSettings(db: Db, orgId: string, settings: OrganizationSettings) {
  await db.update(organizations).set({ settings }).where(eq(organizations.id, orgId));
}

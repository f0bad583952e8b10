import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { branches, organizations } from '../db/tables/index';

/** The first customer's configuration; another association changes these values, not the code. */
export const FIRST_ORGANIZATION = {
  slug: 'maa-riyadh-alkhabra',
  nameAr: 'جمعية ماء لخدمات المياه برياض الخبراء',
  nameEn: 'Maa Association for Water Services in Riyadh Al-Khabra',
  branches: [
    { code: 'HQ', nameAr: 'المقر الرئيسي — رياض الخبراء', nameEn: 'Head office — Riyadh Al-Khabra' },
    { code: 'KHB', nameAr: 'المكتب الفرعي — الخبراء', nameEn: 'Branch office — Al-Khabra' },
  ],
};

export async function findOrganization(db: Db, slug: string) {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
  return row;
}

/** Creates an organisation with its branches unless it exists; returns its id and branch ids by code. */
export async function ensureOrganization(db: Db, org: typeof FIRST_ORGANIZATION) {
  return db.transaction(async (tx) => {
    let found = await findOrganization(tx, org.slug);
    if (!found) {
      [found] = await tx
        .insert(organizations)
        .values({ slug: org.slug, nameAr: org.nameAr, nameEn: org.nameEn })
        .returning({ id: organizations.id });
      await tx.insert(branches).values(org.branches.map((b) => ({ ...b, orgId: found!.id })));
    }
    const rows = await tx
      .select({ id: branches.id, code: branches.code })
      .from(branches)
      .where(eq(branches.orgId, found!.id));
    return {
      orgId: found!.id,
      branchIds: Object.fromEntries(rows.map((r) => [r.code, r.id])) as Record<string, string>,
    };
  });
}

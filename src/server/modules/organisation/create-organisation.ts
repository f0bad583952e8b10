import { randomBytes } from 'node:crypto';
import { eq, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { branches, organizations, users } from '../../db/tables/index';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import { seedServices } from '../../seed/services';
import { hashPassword } from '../auth';

/** What onboarding one association needs (issue 20): its names, the host it is reached at, its first admin. */
export const newOrganisationSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes'),
  nameAr: z.string().trim().min(2).max(200),
  nameEn: z.string().trim().min(2).max(200),
  host: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a host name such as maa.example.org'),
  adminUsername: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,64}$/, 'letters, digits, dots, dashes, 3 to 64'),
  adminName: z.string().trim().min(2).max(120),
});
export type NewOrganisation = z.input<typeof newOrganisationSchema>;

/**
 * Onboards an association on a shared deployment: the organisation with its host, one head-office branch, the
 * default service catalogue (each association edits its own), and its first admin with a one-time password that
 * must be changed at first sign-in. Refused when the slug, host or username is taken. All or nothing.
 */
export async function createOrganisation(
  db: Db,
  input: NewOrganisation,
): Promise<{ orgId: string; adminId: string; password: string }> {
  const o = newOrganisationSchema.parse(input);
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const taken = await tx
      .select({ slug: organizations.slug, host: organizations.host })
      .from(organizations)
      .where(or(eq(organizations.slug, o.slug), eq(organizations.host, o.host)));
    if (taken.length > 0) throw new AppError('organisation.taken');
    // No username check: usernames are unique within one association, and a new one has no users yet.
    const [org] = await tx
      .insert(organizations)
      .values({ slug: o.slug, nameAr: o.nameAr, nameEn: o.nameEn, host: o.host })
      .returning({ id: organizations.id });
    const orgId = org!.id;
    const [branch] = await tx
      .insert(branches)
      .values({ orgId, code: 'HQ', nameAr: 'المقر الرئيسي', nameEn: 'Head office' })
      .returning({ id: branches.id });
    await seedServices(tx, orgId);
    const [admin] = await tx
      .insert(users)
      .values({
        orgId,
        branchId: branch!.id,
        username: o.adminUsername,
        displayName: o.adminName,
        role: 'admin',
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    await writeAudit(
      tx,
      { id: null, orgId, username: null },
      { ip: null, userAgent: 'npm run org:create' },
      {
        action: 'organisation.created',
        entityType: 'organization',
        entityId: orgId,
        details: { slug: o.slug, host: o.host, admin: o.adminUsername },
      },
    );
    return { orgId, adminId: admin!.id, password };
  });
}

import { and, asc, eq, ilike, inArray, notLike, or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../../common/domain/roles';
import type { Db } from '../../db/client';
import { branches, organizations, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { sessionCache } from '../auth';

const userColumns = {
  id: users.id,
  orgId: users.orgId,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  branchId: users.branchId,
  disabled: users.disabled,
  totpRequired: users.totpRequired,
  totpEnabled: users.totpEnabled,
  mustChangePassword: users.mustChangePassword,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};
export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

export type UserFilter = {
  q?: string | undefined;
  role?: string | undefined;
  branchId?: string | undefined;
  twoStep?: 'on' | 'off' | undefined;
};

/** LIKE's wildcards in what a person typed are matched as themselves. */
function likeText(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function listUsers(db: Db, orgId: string, filter: UserFilter = {}) {
  const conditions: (SQL | undefined)[] = [];
  if (filter.q) {
    const pattern = likeText(filter.q);
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)));
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.branchId) conditions.push(eq(users.branchId, filter.branchId));
  if (filter.twoStep) conditions.push(eq(users.totpEnabled, filter.twoStep === 'on'));
  // API tokens act through accounts of their own (integrations/create-token.ts): not staff to manage here.
  conditions.push(notLike(users.username, 'integration:%'));
  return db
    .select(userColumns)
    .from(users)
    .where(inOrg(users, orgId, and(...conditions)))
    .orderBy(asc(users.username));
}

export async function getUser(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .where(inOrg(users, orgId, eq(users.id, id), notLike(users.username, 'integration:%')))
    .limit(1);
  return row;
}

export async function usernameExists(db: Db, username: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return Boolean(row);
}

export async function insertUser(
  db: Db,
  values: {
    orgId: string;
    username: string;
    displayName: string;
    role: string;
    branchId: string | null;
    passwordHash: string;
  },
) {
  const [row] = await db.insert(users).values(values).returning(userColumns);
  return row!;
}

export async function updateUser(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<{
    displayName: string;
    role: string;
    branchId: string | null;
    disabled: boolean;
    totpRequired: boolean;
  }>,
) {
  // Role, branch, disabled and two-step requirement travel with the session: drop cached copies.
  sessionCache.clear();
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(inOrg(users, orgId, eq(users.id, id)))
    .returning(userColumns);
  return row;
}

export async function updatePreferences(db: Db, userId: string, values: { locale?: string; digits?: string }) {
  sessionCache.clear();
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ locale: users.locale, digits: users.digits });
  return row!;
}

export function listBranches(db: Db, orgId: string) {
  return db
    .select({ id: branches.id, code: branches.code, nameAr: branches.nameAr, nameEn: branches.nameEn })
    .from(branches)
    .where(inOrg(branches, orgId))
    .orderBy(asc(branches.code));
}

export async function branchExists(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ id: branches.id })
    .from(branches)
    .where(inOrg(branches, orgId, eq(branches.id, id)));
  return Boolean(row);
}

export async function getOrganization(db: Db, orgId: string) {
  const [row] = await db
    .select({
      id: organizations.id,
      nameAr: organizations.nameAr,
      nameEn: organizations.nameEn,
      logoUpdatedAt: organizations.logoUpdatedAt,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!row) return row;
  const { logoUpdatedAt, ...org } = row;
  // The logo's address changes with each upload, so a cached old logo is never shown.
  return { ...org, logoUrl: logoUpdatedAt ? `/api/public/organization/logo?v=${logoUpdatedAt.getTime()}` : null };
}

/** Active staff with one of the roles, for pickers (committee members, delivery assignees). */
export function listStaffByRole(db: Db, orgId: string, roles: string[]) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: sql<Role>`${users.role}`, branchId: users.branchId })
    .from(users)
    .where(inOrg(users, orgId, and(inArray(users.role, roles), eq(users.disabled, false))))
    .orderBy(asc(users.displayName));
}

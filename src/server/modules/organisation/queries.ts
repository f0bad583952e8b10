import { and, asc, count, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  beneficiaries,
  branches,
  organizations,
  selectionCriteriaVersions,
  services,
  users,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

export async function getOrganizationRow(db: Db, orgId: string) {
  const [row] = await db
    .select({
      id: organizations.id,
      nameAr: organizations.nameAr,
      nameEn: organizations.nameEn,
      logoUpdatedAt: organizations.logoUpdatedAt,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row;
}

export async function updateOrganizationNames(db: Db, orgId: string, values: { nameAr?: string; nameEn?: string }) {
  await db.update(organizations).set(values).where(eq(organizations.id, orgId));
}

export async function setLogo(db: Db, orgId: string, logo: { bytes: Buffer; mime: string } | null) {
  const [row] = await db
    .update(organizations)
    .set(
      logo
        ? { logo: logo.bytes, logoMime: logo.mime, logoUpdatedAt: new Date() }
        : { logo: null, logoMime: null, logoUpdatedAt: null },
    )
    .where(eq(organizations.id, orgId))
    .returning({ logoUpdatedAt: organizations.logoUpdatedAt });
  return row;
}

export async function getLogo(db: Db, orgId: string) {
  const [row] = await db
    .select({ logo: organizations.logo, mime: organizations.logoMime, at: organizations.logoUpdatedAt })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row?.logo && row.mime ? { bytes: row.logo, mime: row.mime, at: row.at } : null;
}

const branchColumns = {
  id: branches.id,
  code: branches.code,
  nameAr: branches.nameAr,
  nameEn: branches.nameEn,
  areas: branches.areas,
  addressAr: branches.addressAr,
  phone: branches.phone,
  active: branches.active,
};
export type BranchRow = Awaited<ReturnType<typeof getBranch>> & {};

export async function getBranch(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select(branchColumns)
    .from(branches)
    .where(inOrg(branches, orgId, eq(branches.id, id)));
  return row;
}

export function listBranchRows(db: Db, orgId: string) {
  return db.select(branchColumns).from(branches).where(inOrg(branches, orgId)).orderBy(asc(branches.code));
}

export async function branchCodeExists(db: Db, orgId: string, code: string) {
  const [row] = await db
    .select({ id: branches.id })
    .from(branches)
    .where(inOrg(branches, orgId, eq(branches.code, code)));
  return Boolean(row);
}

export async function insertBranch(db: Db, values: typeof branches.$inferInsert) {
  const [row] = await db.insert(branches).values(values).returning(branchColumns);
  return row!;
}

export async function updateBranch(db: Db, orgId: string, id: string, values: Partial<typeof branches.$inferInsert>) {
  const [row] = await db
    .update(branches)
    .set({ ...values, updatedAt: new Date() })
    .where(inOrg(branches, orgId, eq(branches.id, id)))
    .returning(branchColumns);
  return row;
}

/** Every user attached to a branch (representatives named, others counted). */
export function listBranchStaff(db: Db, orgId: string) {
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      branchId: users.branchId,
      disabled: users.disabled,
    })
    .from(users)
    .where(inOrg(users, orgId, sql`${users.branchId} is not null`))
    .orderBy(asc(users.displayName));
}

export function countBeneficiariesByBranch(db: Db, orgId: string) {
  return db
    .select({ branchId: beneficiaries.branchId, n: count() })
    .from(beneficiaries)
    .where(inOrg(beneficiaries, orgId))
    .groupBy(beneficiaries.branchId);
}

/** The figures the first-run checklist is worked out from, in one round of small queries. */
export async function setupFacts(db: Db, orgId: string) {
  const [branchRows, serviceCount, criteria, staff, org] = await Promise.all([
    db.select({ active: branches.active, areas: branches.areas }).from(branches).where(inOrg(branches, orgId)),
    db
      .select({ n: count() })
      .from(services)
      .where(inOrg(services, orgId, eq(services.active, true))),
    db
      .select({ version: selectionCriteriaVersions.version, boardReference: selectionCriteriaVersions.boardReference })
      .from(selectionCriteriaVersions)
      .where(inOrg(selectionCriteriaVersions, orgId))
      .orderBy(desc(selectionCriteriaVersions.version))
      .limit(1),
    db
      .select({ n: count() })
      .from(users)
      .where(inOrg(users, orgId, and(ne(users.role, 'admin'), eq(users.disabled, false)))),
    db
      .select({ logoUpdatedAt: organizations.logoUpdatedAt, settings: organizations.settings })
      .from(organizations)
      .where(eq(organizations.id, orgId)),
  ]);
  return {
    branches: branchRows,
    activeServices: serviceCount[0]?.n ?? 0,
    criteria: criteria[0] ?? null,
    activeStaff: staff[0]?.n ?? 0,
    hasLogo: Boolean(org[0]?.logoUpdatedAt),
  };
}

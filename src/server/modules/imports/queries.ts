import { and, asc, count, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { DEFAULT_DUPLICATE_RULES, type DuplicateRules, duplicateRulesSchema } from '../../../common/domain/duplicates';
import type { Db } from '../../db/client';
import {
  beneficiaries,
  duplicateRuleSettings,
  householdMembers,
  importCorrections,
  importMappings,
  registryImports,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import type { RegistryLookup } from './analyse';

export const importColumns = {
  id: registryImports.id,
  orgId: registryImports.orgId,
  branchId: registryImports.branchId,
  fileName: registryImports.fileName,
  storedName: registryImports.storedName,
  sha256: registryImports.sha256,
  format: registryImports.format,
  encoding: registryImports.encoding,
  headers: registryImports.headers,
  mapping: registryImports.mapping,
  options: registryImports.options,
  status: registryImports.status,
  totalRows: registryImports.totalRows,
  validRows: registryImports.validRows,
  invalidRows: registryImports.invalidRows,
  duplicateRows: registryImports.duplicateRows,
  createdRows: registryImports.createdRows,
  updatedRows: registryImports.updatedRows,
  nextRow: registryImports.nextRow,
  createdAt: registryImports.createdAt,
  finishedAt: registryImports.finishedAt,
};
export type ImportRow = NonNullable<Awaited<ReturnType<typeof getImport>>>;

export async function getImport(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select(importColumns)
    .from(registryImports)
    .where(inOrg(registryImports, orgId, eq(registryImports.id, id)));
  return row;
}

export async function getImportReport(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ report: registryImports.report })
    .from(registryImports)
    .where(inOrg(registryImports, orgId, eq(registryImports.id, id)));
  return row?.report;
}

export function listImports(db: Db, orgId: string, limit: number) {
  return db
    .select(importColumns)
    .from(registryImports)
    .where(inOrg(registryImports, orgId))
    .orderBy(desc(registryImports.createdAt))
    .limit(limit);
}

export async function insertImport(db: Db, values: typeof registryImports.$inferInsert) {
  const [row] = await db.insert(registryImports).values(values).returning(importColumns);
  return row!;
}

export async function updateImport(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof registryImports.$inferInsert>,
) {
  await db
    .update(registryImports)
    .set({ ...values, updatedAt: new Date() })
    .where(inOrg(registryImports, orgId, eq(registryImports.id, id)));
}

export function listMappings(db: Db, orgId: string) {
  return db
    .select({ id: importMappings.id, name: importMappings.name, mapping: importMappings.mapping })
    .from(importMappings)
    .where(inOrg(importMappings, orgId))
    .orderBy(desc(importMappings.createdAt))
    .limit(50);
}

export async function insertMapping(db: Db, values: typeof importMappings.$inferInsert) {
  await db.insert(importMappings).values(values);
}

/** Registry files (not merged away) that share a national ID, a mobile or the exact normalised name. */
export function registryLookup(db: Db, orgId: string): RegistryLookup {
  return async ({ nationalIds, mobiles, nameNorms }) => {
    if (nationalIds.length + mobiles.length + nameNorms.length === 0) return [];
    const rows = await db
      .select({
        nationalId: beneficiaries.nationalId,
        fileNumber: beneficiaries.fileNumber,
        nameNorm: beneficiaries.nameNorm,
        birthDate: beneficiaries.birthDate,
        mobile: beneficiaries.mobile,
        mobile2: beneficiaries.mobile2,
        lat: beneficiaries.lat,
        lng: beneficiaries.lng,
      })
      .from(beneficiaries)
      .where(
        inOrg(
          beneficiaries,
          orgId,
          isNull(beneficiaries.mergedInto),
          or(
            nationalIds.length ? inArray(beneficiaries.nationalId, nationalIds) : undefined,
            mobiles.length ? inArray(beneficiaries.mobile, mobiles) : undefined,
            mobiles.length ? inArray(beneficiaries.mobile2, mobiles) : undefined,
            nameNorms.length ? inArray(beneficiaries.nameNorm, nameNorms) : undefined,
          ),
        ),
      )
      .limit(5000);
    return rows.map((r) => ({ ...r, mobiles: [r.mobile, ...(r.mobile2 ? [r.mobile2] : [])] }));
  };
}

/** Which of these national IDs already have a file. */
export async function existingNationalIds(db: Db, orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ nationalId: beneficiaries.nationalId })
    .from(beneficiaries)
    .where(and(eq(beneficiaries.orgId, orgId), inArray(beneficiaries.nationalId, ids)));
  return new Set(rows.map((r) => r.nationalId));
}

/** A batch of imported files in one statement. */
export function insertFiles(db: Db, rows: (typeof beneficiaries.$inferInsert)[]) {
  return db
    .insert(beneficiaries)
    .values(rows)
    .returning({ id: beneficiaries.id, fileNumber: beneficiaries.fileNumber });
}

/** The household members of a batch of imported files, a thousand rows a statement (bound-parameter limit). */
export async function insertHouseholdMembers(db: Db, rows: (typeof householdMembers.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(householdMembers).values(rows.slice(i, i + 1000));
}

export async function selectDuplicateRules(db: Db, orgId: string) {
  const [row] = await db
    .select({ weights: duplicateRuleSettings.weights, threshold: duplicateRuleSettings.threshold })
    .from(duplicateRuleSettings)
    .where(inOrg(duplicateRuleSettings, orgId));
  return row;
}

export async function upsertDuplicateRules(db: Db, orgId: string, rules: DuplicateRules, userId: string) {
  await db
    .insert(duplicateRuleSettings)
    .values({ orgId, weights: rules.weights, threshold: rules.threshold, updatedBy: userId })
    .onConflictDoUpdate({
      target: [duplicateRuleSettings.orgId],
      set: { weights: rules.weights, threshold: rules.threshold, updatedBy: userId, updatedAt: new Date() },
    });
}

/** The association's duplicate rules: what an admin tuned, or the defaults (a stored value that no longer parses too). */
export async function duplicateRulesOf(db: Db, orgId: string): Promise<DuplicateRules> {
  const stored = await selectDuplicateRules(db, orgId);
  const parsed = duplicateRulesSchema.safeParse(stored ?? null);
  return parsed.success ? parsed.data : DEFAULT_DUPLICATE_RULES;
}

/** Keeps invalid head rows for correction; a row already kept by an earlier run of the import is left as it is. */
export async function insertCorrections(db: Db, rows: (typeof importCorrections.$inferInsert)[]) {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(importCorrections)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: importCorrections.id });
  return inserted.length;
}

const correctionColumns = {
  id: importCorrections.id,
  importId: importCorrections.importId,
  branchId: importCorrections.branchId,
  row: importCorrections.row,
  nationalId: importCorrections.nationalId,
  name: importCorrections.name,
  values: importCorrections.values,
  issues: importCorrections.issues,
  beneficiaryId: importCorrections.beneficiaryId,
  correctedAt: importCorrections.correctedAt,
  createdAt: importCorrections.createdAt,
  fileName: registryImports.fileName,
  options: registryImports.options,
};

export async function getCorrection(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select(correctionColumns)
    .from(importCorrections)
    .innerJoin(
      registryImports,
      and(eq(registryImports.orgId, importCorrections.orgId), eq(registryImports.id, importCorrections.importId)),
    )
    .where(inOrg(importCorrections, orgId, eq(importCorrections.id, id)));
  return row;
}

/** Rows still waiting for correction, oldest import first, in sheet order. */
export function listOpenCorrections(db: Db, orgId: string, limit: number, offset: number) {
  return db
    .select(correctionColumns)
    .from(importCorrections)
    .innerJoin(
      registryImports,
      and(eq(registryImports.orgId, importCorrections.orgId), eq(registryImports.id, importCorrections.importId)),
    )
    .where(inOrg(importCorrections, orgId, isNull(importCorrections.correctedAt)))
    .orderBy(asc(importCorrections.createdAt), asc(importCorrections.row))
    .limit(limit)
    .offset(offset);
}

export async function countOpenCorrections(db: Db, orgId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(importCorrections)
    .where(inOrg(importCorrections, orgId, isNull(importCorrections.correctedAt)));
  return Number(row?.n ?? 0);
}

export async function markCorrected(
  db: Db,
  orgId: string,
  id: string,
  set: { values: Record<string, string>; beneficiaryId: string; correctedBy: string },
) {
  const updated = await db
    .update(importCorrections)
    .set({ ...set, correctedAt: new Date() })
    .where(inOrg(importCorrections, orgId, eq(importCorrections.id, id), isNull(importCorrections.correctedAt)))
    .returning({ id: importCorrections.id });
  return updated.length;
}

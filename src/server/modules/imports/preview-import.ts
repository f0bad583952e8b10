import {
  type ImportDefaults,
  type ImportMapping,
  type PreviewImportBody,
  previewImportBody,
  type RowReport,
} from '../../../common/domain/registry-import';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import type { Lang } from '../../http/i18n';
import { authorize } from '../../policy';
import { type Analysis, analyseSheet } from './analyse';
import { presentImport } from './present';
import { duplicateRulesOf, getImport, type ImportRow, insertMapping, registryLookup, updateImport } from './queries';
import { loadStoredSheet } from './stored-sheet';

/** Rows kept in the import's report: every row that is not simply valid, up to this many. */
export const REPORT_LIMIT = 20_000;

export async function loadImport(deps: Deps, user: SessionUser, id: string): Promise<ImportRow> {
  authorize(user, 'imports.manage');
  const row = await getImport(deps.db, user.orgId, id);
  if (!row) throw new AppError('import.not_found');
  return row;
}

/** The mapping names columns the sheet has, and covers what a file cannot be without. */
export function checkMapping(mapping: ImportMapping, headers: string[]): void {
  for (const column of Object.values(mapping)) {
    if (column && !headers.includes(column)) throw new AppError('import.unknown_column', { column });
  }
  const fourParts = mapping.firstName && mapping.fatherName && mapping.grandfatherName && mapping.familyName;
  const birth = mapping.birthDate || mapping.birthDateHijri || mapping.birthDateGregorian;
  if (!mapping.nationalId || !(mapping.fullName || fourParts) || !birth || !mapping.mobile || !mapping.district) {
    throw new AppError('import.mapping_incomplete');
  }
}

export async function analyseImport(
  deps: Deps,
  row: ImportRow,
  mapping: ImportMapping,
  defaults: ImportDefaults,
  lang: Lang,
): Promise<Analysis> {
  const sheet = await loadStoredSheet(deps, row.storedName, row.fileName);
  const lookup = registryLookup(deps.db, row.orgId);
  const rules = await duplicateRulesOf(deps.db, row.orgId);
  return analyseSheet(sheet, mapping, defaults, row.branchId, lookup, rules, lang, REPORT_LIMIT);
}

/**
 * The dry run: every row checked as the registration form would, duplicates found in the file and in the
 * registry; the counts and the report of the rows that are not simply valid are kept with the import. Nothing is
 * written to the registry.
 */
export async function previewImport(
  deps: Deps,
  user: SessionUser,
  id: string,
  body: PreviewImportBody,
  lang: Lang,
  meta: RequestMeta,
) {
  const row = await loadImport(deps, user, id);
  if (row.status === 'running' || row.status === 'done') throw new AppError('import.already_done');
  const { mapping, defaults, saveMappingAs } = previewImportBody.parse(body);
  checkMapping(mapping, row.headers);
  const analysis = await analyseImport(deps, row, mapping, defaults, lang);
  const report = analysis.reports;
  const changes = {
    mapping,
    options: { defaults, heads: analysis.heads },
    status: 'previewed' as const,
    totalRows: analysis.counts.rows,
    validRows: analysis.counts.valid,
    invalidRows: analysis.counts.invalid,
    duplicateRows: analysis.counts.duplicates,
    report,
  };
  try {
    await deps.db.transaction(async (tx) => {
      await updateImport(tx, user.orgId, id, changes);
      if (saveMappingAs)
        await insertMapping(tx, { orgId: user.orgId, name: saveMappingAs, mapping, createdBy: user.id });
      await writeAudit(tx, user, meta, {
        action: 'import.previewed',
        entityType: 'registry_import',
        entityId: id,
        details: {
          before: { mapping: row.mapping, status: row.status },
          after: { mapping, status: 'previewed' },
          counts: analysis.counts,
          ...(saveMappingAs ? { savedMappingAs: saveMappingAs } : {}),
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'import_mappings_org_name_uq')) throw new AppError('import.mapping_name_taken');
    throw error;
  }
  return {
    import: presentImport({ ...row, ...changes }),
    suspected: analysis.suspected,
    rows: report.slice(0, 500) satisfies RowReport[],
    reportTruncated: report.length > 500,
  };
}

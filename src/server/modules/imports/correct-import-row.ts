import { importDefaultsSchema } from '../../../common/domain/registry-import';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { type Lang, translate } from '../../http/i18n';
import { authorize } from '../../policy';
import { beforeAfter } from '../audit';
import { CORRECTION_FIELDS, type RowValues, readCorrection } from './analyse';
import {
  countOpenCorrections,
  existingNationalIds,
  getCorrection,
  listOpenCorrections,
  markCorrected,
} from './queries';
import { insertImportedFiles } from './run-import';

type StoredIssue = { field: string; column: string | null; code: string };
const PAGE = 50;

function present(row: NonNullable<Awaited<ReturnType<typeof getCorrection>>>, lang: Lang) {
  return {
    id: row.id,
    importId: row.importId,
    fileName: row.fileName,
    row: row.row,
    nationalId: row.nationalId,
    name: row.name,
    // In the order of the import's fields (jsonb keeps its keys in its own order).
    values: Object.fromEntries(
      CORRECTION_FIELDS.flatMap((f) => (row.values[f] === undefined ? [] : [[f, row.values[f]]])),
    ),
    // The reasons are stored as codes and shown in the reader's language.
    issues: (row.issues as StoredIssue[]).map((i) => ({ ...i, message: translate(lang, i.code) })),
    beneficiaryId: row.beneficiaryId,
    correctedAt: row.correctedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The kept rows still waiting for correction, a page at a time (the data-quality page's "needs correction"). */
export async function listCorrections(deps: Deps, user: SessionUser, page: number, lang: Lang) {
  authorize(user, 'imports.manage');
  const rows = await listOpenCorrections(deps.db, user.orgId, PAGE, (page - 1) * PAGE);
  return { total: await countOpenCorrections(deps.db, user.orgId), items: rows.map((r) => present(r, lang)) };
}

export async function getCorrectionRow(deps: Deps, user: SessionUser, id: string, lang: Lang) {
  authorize(user, 'imports.manage');
  const row = await getCorrection(deps.db, user.orgId, id);
  if (!row) throw new AppError('import.correction_not_found');
  return present(row, lang);
}

/**
 * Corrects a kept row: the values it holds, as edited, are read again by the import's rules. When they pass and
 * no file has the national ID, the file is created as the import would have created it and the flag is cleared;
 * otherwise a 400 lists each field's reason and nothing is written.
 */
export async function correctImportRow(
  deps: Deps,
  user: SessionUser,
  id: string,
  edited: RowValues,
  lang: Lang,
  meta: RequestMeta,
) {
  authorize(user, 'imports.manage');
  const row = await getCorrection(deps.db, user.orgId, id);
  if (!row) throw new AppError('import.correction_not_found');
  if (row.correctedAt) throw new AppError('import.correction_done');
  const held = row.values as RowValues;
  // Only the fields the sheet had can be corrected; the others come from the import's defaults as before.
  const values: RowValues = {};
  for (const field of CORRECTION_FIELDS) {
    if (held[field] === undefined) continue;
    values[field] = (edited[field] ?? held[field] ?? '').trim();
  }
  const defaults = importDefaultsSchema.parse((row.options as { defaults?: unknown }).defaults ?? {});
  const { report, input } = readCorrection(values, defaults, row.branchId, lang);
  if (!input) {
    throw new AppError(
      'import.correction_invalid',
      report.issues.map((i) => ({ field: i.field, message: i.message })),
    );
  }
  return deps.db.transaction(async (tx) => {
    const taken = await existingNationalIds(tx, user.orgId, [input.nationalId]);
    if (taken.size > 0) throw new AppError('beneficiary.national_id_exists');
    const ids = await insertImportedFiles(tx, user, row.importId, [{ line: row.row, report, input }], meta);
    const [[fileNumber, beneficiaryId]] = [...ids.entries()] as [[string, string]];
    // A second correction racing this one finds the flag already cleared and rolls back.
    const cleared = await markCorrected(tx, user.orgId, id, {
      values: values as Record<string, string>,
      beneficiaryId,
      correctedBy: user.id,
    });
    if (cleared === 0) throw new AppError('import.correction_done');
    await writeAudit(tx, user, meta, {
      action: 'import.row_corrected',
      entityType: 'import_correction',
      entityId: id,
      details: {
        ...beforeAfter(held, values, { mask: ['nationalId', 'mobile', 'mobile2'] }),
        importId: row.importId,
        row: row.row,
        fileNumber,
      },
    });
    return { id, beneficiaryId, fileNumber };
  });
}

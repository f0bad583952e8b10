import type { Readable } from 'node:stream';
import { type ImportMapping, proposeMapping } from '../../../common/domain/registry-import';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { cleanFileName } from '../beneficiaries';
import { branchExists } from '../users';
import { cellText } from './normalize';
import { presentImport } from './present';
import { insertImport, listMappings } from './queries';
import { openSheet } from './read-sheet';
import { storeSheetStream } from './stored-sheet';

/** The first rows shown under the mapping, so the user sees what each column holds. */
const SAMPLE_ROWS = 5;

/**
 * Takes a sheet as a stream: stores it on disk, refuses what is not a readable spreadsheet (reading it through
 * once, row by row, which also counts the rows) before anything is written to the database, and proposes a
 * mapping from its headers (a saved mapping whose columns the sheet has wins).
 */
export async function uploadImport(
  deps: Deps,
  user: SessionUser,
  upload: { fileName: string; source: Readable; branchId: string },
  meta: RequestMeta,
) {
  authorize(user, 'imports.manage');
  const stored = await storeSheetStream(deps, upload.source);
  try {
    if (!(await branchExists(deps.db, user.orgId, upload.branchId))) throw new AppError('user.branch_not_found');
    const sheet = await openSheet(stored.path, upload.fileName);
    let total = 0;
    const sample: string[][] = [];
    for await (const r of sheet.rows()) {
      total++;
      if (sample.length < SAMPLE_ROWS) sample.push(sheet.headers.map((_, i) => cellText(r.cells[i] ?? null)));
    }
    if (total === 0) throw new AppError('import.empty');
    const saved = await listMappings(deps.db, user.orgId);
    const fitting = saved.find((m) => Object.values(m.mapping).every((h) => h && sheet.headers.includes(h)));
    const mapping = proposeMapping(sheet.headers, fitting?.mapping as ImportMapping | undefined);
    const row = await deps.db.transaction(async (tx) => {
      const inserted = await insertImport(tx, {
        orgId: user.orgId,
        branchId: upload.branchId,
        fileName: cleanFileName(upload.fileName),
        storedName: stored.storedName,
        sha256: stored.sha256,
        format: sheet.format,
        encoding: sheet.encoding,
        headers: sheet.headers,
        mapping,
        totalRows: total,
        createdBy: user.id,
      });
      await writeAudit(tx, user, meta, {
        action: 'import.uploaded',
        entityType: 'registry_import',
        entityId: inserted.id,
        details: { fileName: inserted.fileName, rows: total, format: sheet.format },
      });
      return inserted;
    });
    return {
      ...presentImport(row),
      sample,
      savedMapping: fitting ? { id: fitting.id, name: fitting.name } : null,
    };
  } catch (error) {
    await stored.remove();
    throw error;
  }
}

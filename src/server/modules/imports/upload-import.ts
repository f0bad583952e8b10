import { createHash } from 'node:crypto';
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
import { readSheet } from './read-sheet';
import { storeSheetFile } from './stored-sheet';

/**
 * Takes a sheet: refuses what is not a readable spreadsheet before anything is written, stores it, and proposes a
 * mapping from its headers (a saved mapping whose columns the sheet has wins).
 */
export async function uploadImport(
  deps: Deps,
  user: SessionUser,
  upload: { fileName: string; bytes: Buffer; branchId: string },
  meta: RequestMeta,
) {
  authorize(user, 'imports.manage');
  if (!(await branchExists(deps.db, user.orgId, upload.branchId))) throw new AppError('user.branch_not_found');
  const sheet = await readSheet(upload.bytes, upload.fileName);
  const saved = await listMappings(deps.db, user.orgId);
  const fitting = saved.find((m) => Object.values(m.mapping).every((h) => h && sheet.headers.includes(h)));
  const mapping = proposeMapping(sheet.headers, fitting?.mapping as ImportMapping | undefined);
  const stored = await storeSheetFile(deps, upload.bytes);
  try {
    const row = await deps.db.transaction(async (tx) => {
      const inserted = await insertImport(tx, {
        orgId: user.orgId,
        branchId: upload.branchId,
        fileName: cleanFileName(upload.fileName),
        storedName: stored.storedName,
        sha256: createHash('sha256').update(upload.bytes).digest('hex'),
        format: sheet.format,
        encoding: sheet.encoding,
        headers: sheet.headers,
        mapping,
        totalRows: sheet.rows.length,
        createdBy: user.id,
      });
      await writeAudit(tx, user, meta, {
        action: 'import.uploaded',
        entityType: 'registry_import',
        entityId: inserted.id,
        details: { fileName: inserted.fileName, rows: sheet.rows.length, format: sheet.format },
      });
      return inserted;
    });
    return {
      ...presentImport(row),
      sample: sheet.rows.slice(0, 5).map((r) => sheet.headers.map((_, i) => cellText(r.cells[i] ?? null))),
      savedMapping: fitting ? { id: fitting.id, name: fitting.name } : null,
    };
  } catch (error) {
    await stored.remove();
    throw error;
  }
}

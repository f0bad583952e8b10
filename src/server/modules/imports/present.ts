import type { ImportMapping, ImportStatus } from '../../../common/domain/registry-import';
import type { ImportRow } from './queries';

/** Progress counts the files to create (the valid head rows), which the dry run stored with the options. */
export function presentImport(row: ImportRow): ImportStatus {
  const total = Number((row.options as { heads?: number }).heads ?? 0);
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format as ImportStatus['format'],
    encoding: row.encoding,
    branchId: row.branchId,
    status: row.status as ImportStatus['status'],
    headers: row.headers,
    mapping: row.mapping as ImportMapping,
    counts: {
      rows: row.totalRows,
      valid: row.validRows,
      invalid: row.invalidRows,
      duplicates: row.duplicateRows,
      created: row.createdRows,
      updated: row.updatedRows,
    },
    progress: { done: Math.min(row.nextRow, total), total },
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

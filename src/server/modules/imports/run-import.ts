import { createHash } from 'node:crypto';
import { normalizeArabic } from '../../../common/arabic';
import { type ImportMapping, importDefaultsSchema } from '../../../common/domain/registry-import';
import type { Db } from '../../db/client';
import { reserveNumbers, riyadhYear } from '../../db/counters';
import type { beneficiaries } from '../../db/tables/index';
import { AppError } from '../../errors';
import { writeAudit, writeAudits } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import type { Lang } from '../../http/i18n';
import { fullName, toColumns } from '../beneficiaries';
import { type AnalysedHead, headsOf } from './analyse';
import { sweepDuplicates } from './duplicate-sweep';
import { presentImport } from './present';
import { loadImport } from './preview-import';
import {
  existingNationalIds,
  getImport,
  insertCorrections,
  insertFiles,
  insertHouseholdMembers,
  updateImport,
} from './queries';
import { loadStoredSheet } from './stored-sheet';

/** Files written per transaction; `next_row` moves with each batch, so a stopped import resumes after the last one. */
export const IMPORT_BATCH = 200;
const running = new Map<string, Promise<void>>();

/**
 * For tests only: called after each batch has been committed, with the sheet position reached; throwing there
 * stops the import the way a crash between two batches would.
 */
export const importHooks: { afterBatch?: (position: number) => void } = {};

/** What the user chooses when starting an import: keep invalid head rows as files waiting for correction. */
export type RunOptions = { keepInvalid?: boolean };

/** Waits for an import started in this process (tests, the command line). */
export function importSettled(id: string): Promise<void> {
  return running.get(id) ?? Promise.resolve();
}

/**
 * Starts (or resumes) applying a previewed import in the background and answers at once; the status shows the
 * progress. Re-running creates nothing twice: a national ID that already has a file is counted as a duplicate.
 */
export async function runImport(
  deps: Deps,
  user: SessionUser,
  id: string,
  lang: Lang,
  meta: RequestMeta,
  options: RunOptions = {},
) {
  const row = await loadImport(deps, user, id);
  if (row.status === 'uploaded') throw new AppError('import.not_previewed');
  if (row.status === 'done') throw new AppError('import.already_done');
  if (!running.has(id)) {
    // A resumed import keeps the choice it started with, so the sheet positions of its batches stay the same.
    const stored = (row.options as { keepInvalid?: boolean }).keepInvalid;
    const keepInvalid = row.status === 'running' ? Boolean(stored) : Boolean(options.keepInvalid);
    await deps.db.transaction(async (tx) => {
      await updateImport(tx, user.orgId, id, { status: 'running', options: { ...row.options, keepInvalid } });
      await writeAudit(tx, user, meta, {
        action: row.status === 'running' ? 'import.resumed' : 'import.started',
        entityType: 'registry_import',
        entityId: id,
        details: {
          before: { status: row.status },
          after: { status: 'running', keepInvalid },
          fromFile: row.nextRow,
        },
      });
    });
    const work = applyImport(deps, user, id, lang, meta)
      .catch((error) => {
        // The import stays "running" at its last batch; running it again resumes there.
        console.error(`import ${id} stopped`, error);
      })
      .finally(() => running.delete(id));
    running.set(id, work);
  }
  return presentImport((await getImport(deps.db, user.orgId, id))!);
}

async function applyImport(deps: Deps, user: SessionUser, id: string, lang: Lang, meta: RequestMeta) {
  const row = (await getImport(deps.db, user.orgId, id))!;
  const stored = row.options as { defaults?: unknown; keepInvalid?: boolean; kept?: number };
  const defaults = importDefaultsSchema.parse(stored.defaults ?? {});
  const keepInvalid = Boolean(stored.keepInvalid);
  const sheet = await loadStoredSheet(deps, row.storedName, row.fileName);
  let position = 0;
  let created = row.createdRows;
  let kept = stored.kept ?? 0;
  let skipped = 0;
  let batch: AnalysedHead[] = [];
  const write = async () => {
    const end = position + batch.length;
    const heads = batch;
    batch = [];
    await deps.db.transaction(async (tx) => {
      const valid = heads.filter((h) => h.input);
      const taken = await existingNationalIds(
        tx,
        user.orgId,
        valid.map((h) => h.input!.nationalId),
      );
      const fresh = valid.filter((h) => !taken.has(h.input!.nationalId));
      skipped += valid.length - fresh.length;
      await insertImportedFiles(tx, user, id, fresh, meta);
      created += fresh.length;
      kept += await insertCorrections(
        tx,
        heads
          .filter((h) => h.values)
          .map((h) => ({
            orgId: user.orgId,
            importId: id,
            branchId: row.branchId,
            row: h.line,
            rowKey: rowKeyOf(h.values!),
            nationalId: h.report.nationalId,
            name: h.report.name,
            values: h.values as Record<string, string>,
            issues: h.report.issues.map(({ field, column, code }) => ({ field, column, code })),
          })),
      );
      await updateImport(tx, user.orgId, id, {
        nextRow: end,
        createdRows: created,
        options: { ...row.options, keepInvalid, kept },
      });
    });
    position = end;
    importHooks.afterBatch?.(position);
  };
  let index = 0;
  for await (const head of headsOf(sheet, row.mapping as ImportMapping, defaults, row.branchId, lang, keepInvalid)) {
    // Heads before `next_row` were written by an earlier run of this import.
    if (index++ < row.nextRow) {
      position = index;
      continue;
    }
    batch.push(head);
    if (batch.length >= IMPORT_BATCH) await write();
  }
  if (batch.length > 0) await write();
  await deps.db.transaction(async (tx) => {
    await updateImport(tx, user.orgId, id, {
      status: 'done',
      finishedAt: new Date(),
      options: { ...row.options, keepInvalid, kept, heads: index },
    });
    await writeAudit(tx, user, meta, {
      action: 'import.completed',
      entityType: 'registry_import',
      entityId: id,
      details: { before: { status: 'running' }, after: { status: 'done' }, created, skipped, kept },
    });
  });
  // New files are compared with the whole registry; suspected pairs wait in the review queue.
  await sweepDuplicates(deps.db, user.orgId, 'import');
}

/** The same values read from a sheet give the same key, whichever import or row they came from. */
function rowKeyOf(values: Record<string, string>): string {
  const sorted = Object.keys(values)
    .sort()
    .map((k) => [k, values[k]]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

/**
 * Writes a batch of files with a few multi-row statements (file numbers reserved at once, the files, their
 * household members, one audit row per file) instead of five statements per file.
 */
export async function insertImportedFiles(
  tx: Db,
  user: SessionUser,
  importId: string,
  heads: AnalysedHead[],
  meta: RequestMeta,
) {
  if (heads.length === 0) return new Map<string, string>();
  const year = riyadhYear(new Date());
  const first = await reserveNumbers(tx, user.orgId, 'beneficiary', year, heads.length);
  const numbered = heads.map((head, i) => ({
    head,
    input: head.input!,
    fileNumber: `${year}-${String(first + i).padStart(5, '0')}`,
  }));
  const files = await insertFiles(
    tx,
    numbered.map(({ input, fileNumber }) => ({
      ...(toColumns(input) as typeof beneficiaries.$inferInsert),
      orgId: user.orgId,
      fileNumber,
      nationalId: input.nationalId,
      nameNorm: normalizeArabic(fullName(input)),
      createdBy: user.id,
    })),
  );
  const idOf = new Map(files.map((f) => [f.fileNumber, f.id]));
  await insertHouseholdMembers(
    tx,
    numbered.flatMap(({ input, fileNumber }) =>
      input.household.map((m, position) => ({
        ...m,
        disabilityNote: m.disabilityNote ?? null,
        orgId: user.orgId,
        beneficiaryId: idOf.get(fileNumber)!,
        position,
      })),
    ),
  );
  await writeAudits(
    tx,
    user,
    meta,
    numbered.map(({ head, fileNumber }) => ({
      action: 'beneficiary.imported',
      entityType: 'beneficiary',
      entityId: idOf.get(fileNumber)!,
      details: { fileNumber, importId, row: head.line },
    })),
  );
  return idOf;
}

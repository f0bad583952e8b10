import { normalizeArabic } from '../../../common/arabic';
import { type ImportMapping, importDefaultsSchema } from '../../../common/domain/registry-import';
import type { Db } from '../../db/client';
import { nextNumber, riyadhYear } from '../../db/counters';
import { beneficiaries } from '../../db/tables/index';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import type { Lang } from '../../http/i18n';
import { fullName, replaceHousehold, toColumns } from '../beneficiaries';
import type { AnalysedHead } from './analyse';
import { sweepDuplicates } from './duplicate-sweep';
import { presentImport } from './present';
import { analyseImport, loadImport } from './preview-import';
import { existingNationalIds, getImport, updateImport } from './queries';

/** Files written per transaction; `next_row` moves with each batch, so a stopped import resumes after the last one. */
export const IMPORT_BATCH = 200;
const running = new Map<string, Promise<void>>();

/** Waits for an import started in this process (tests, the command line). */
export function importSettled(id: string): Promise<void> {
  return running.get(id) ?? Promise.resolve();
}

/**
 * Starts (or resumes) applying a previewed import in the background and answers at once; the status shows the
 * progress. Re-running creates nothing twice: a national ID that already has a file is counted as a duplicate.
 */
export async function runImport(deps: Deps, user: SessionUser, id: string, lang: Lang, meta: RequestMeta) {
  const row = await loadImport(deps, user, id);
  if (row.status === 'uploaded') throw new AppError('import.not_previewed');
  if (row.status === 'done') throw new AppError('import.already_done');
  if (!running.has(id)) {
    await deps.db.transaction(async (tx) => {
      await updateImport(tx, user.orgId, id, { status: 'running' });
      await writeAudit(tx, user, meta, {
        action: row.status === 'running' ? 'import.resumed' : 'import.started',
        entityType: 'registry_import',
        entityId: id,
        details: { before: { status: row.status }, after: { status: 'running' }, fromFile: row.nextRow },
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
  const defaults = importDefaultsSchema.parse((row.options as { defaults?: unknown }).defaults ?? {});
  const analysis = await analyseImport(deps, row, row.mapping as ImportMapping, defaults, lang);
  const heads = analysis.heads;
  let next = row.nextRow;
  let created = row.createdRows;
  let skipped = 0;
  while (next < heads.length) {
    const batch = heads.slice(next, next + IMPORT_BATCH);
    const end = next + batch.length;
    await deps.db.transaction(async (tx) => {
      const taken = await existingNationalIds(
        tx,
        user.orgId,
        batch.map((h) => h.input!.nationalId),
      );
      for (const head of batch) {
        if (taken.has(head.input!.nationalId)) {
          skipped++;
          continue;
        }
        await insertImportedFile(tx, user, id, head, meta);
        created++;
      }
      await updateImport(tx, user.orgId, id, { nextRow: end, createdRows: created });
    });
    next = end;
  }
  await deps.db.transaction(async (tx) => {
    await updateImport(tx, user.orgId, id, {
      status: 'done',
      finishedAt: new Date(),
      options: { ...row.options, heads: heads.length },
    });
    await writeAudit(tx, user, meta, {
      action: 'import.completed',
      entityType: 'registry_import',
      entityId: id,
      details: { before: { status: 'running' }, after: { status: 'done' }, created, skipped },
    });
  });
  // New files are compared with the whole registry; suspected pairs wait in the review queue.
  await sweepDuplicates(deps.db, user.orgId, 'import');
}

async function insertImportedFile(tx: Db, user: SessionUser, importId: string, head: AnalysedHead, meta: RequestMeta) {
  const input = head.input!;
  const year = riyadhYear(new Date());
  const seq = await nextNumber(tx, user.orgId, 'beneficiary', year);
  const fileNumber = `${year}-${String(seq).padStart(5, '0')}`;
  const [file] = await tx
    .insert(beneficiaries)
    .values({
      ...(toColumns(input) as typeof beneficiaries.$inferInsert),
      orgId: user.orgId,
      fileNumber,
      nationalId: input.nationalId,
      nameNorm: normalizeArabic(fullName(input)),
      createdBy: user.id,
    })
    .returning({ id: beneficiaries.id });
  await replaceHousehold(tx, user.orgId, file!.id, input.household);
  await writeAudit(tx, user, meta, {
    action: 'beneficiary.imported',
    entityType: 'beneficiary',
    entityId: file!.id,
    details: { fileNumber, importId, row: head.line },
  });
}

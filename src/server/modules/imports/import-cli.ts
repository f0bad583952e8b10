import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { importMappingSchema } from '../../../common/domain/registry-import';
import type { Role } from '../../../common/domain/roles';
import { branches, users } from '../../db/tables/index';
import { AppError } from '../../errors';
import type { Deps, SessionUser } from '../../http/context';
import { translate } from '../../http/i18n';
import { previewImport } from './preview-import';
import { getImport } from './queries';
import { importSettled, runImport } from './run-import';
import { uploadImport } from './upload-import';

export type CliOptions = {
  file: string;
  dryRun: boolean;
  mapping?: string;
  json: boolean;
  /** Keep invalid head rows as files waiting for correction instead of leaving them out. */
  keepInvalid: boolean;
  branch?: string;
  user?: string;
};

export function parseCliArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { file: '', dryRun: false, json: false, keepInvalid: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--dry-run') opts.dryRun = true;
    else if (arg === '--json') opts.json = true;
    else if (arg === '--keep-invalid') opts.keepInvalid = true;
    else if (arg === '--mapping') opts.mapping = argv[++i];
    else if (arg === '--branch') opts.branch = argv[++i];
    else if (arg === '--user') opts.user = argv[++i];
    else if (!opts.file) opts.file = arg;
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (!opts.file) {
    throw new Error(
      'usage: npm run import -- <file> [--dry-run] [--mapping <file.json>] [--keep-invalid] [--json] [--branch CODE] [--user NAME]',
    );
  }
  return opts;
}

/**
 * The import from the command line, as a named admin or manager (the first one, unless `--user`), into a branch
 * (the first one, unless `--branch CODE`): the same use cases as the API, so the same checks, report and audit.
 * Returns the counts line.
 */
export async function runCliImport(deps: Deps, opts: CliOptions, log: (line: string) => void) {
  const [row] = await deps.db
    .select({
      id: users.id,
      orgId: users.orgId,
      branchId: users.branchId,
      role: users.role,
      username: users.username,
      displayName: users.displayName,
    })
    .from(users)
    .where(
      and(
        opts.user ? eq(users.username, opts.user) : inArray(users.role, ['admin', 'manager']),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (!row) throw new Error('no admin or manager to import as');
  const user: SessionUser = {
    ...row,
    role: row.role as Role,
    locale: 'ar',
    digits: 'latn',
    totpEnabled: false,
    mustChangePassword: false,
    totpRequired: false,
  };
  const [branch] = await deps.db
    .select({ id: branches.id })
    .from(branches)
    .where(and(eq(branches.orgId, user.orgId), opts.branch ? eq(branches.code, opts.branch) : undefined))
    .orderBy(asc(branches.createdAt))
    .limit(1);
  if (!branch) throw new Error(`branch not found: ${opts.branch ?? '(first)'}`);
  const meta = { ip: null, userAgent: 'wasl-import-cli' };
  const uploaded = await uploadImport(
    deps,
    user,
    { fileName: path.basename(opts.file), source: createReadStream(opts.file), branchId: branch.id },
    meta,
  );
  const mapping = opts.mapping
    ? importMappingSchema.parse(JSON.parse(await fs.readFile(opts.mapping, 'utf8')))
    : uploaded.mapping;
  const preview = await previewImport(deps, user, uploaded.id, { mapping }, 'ar', meta);
  if (!opts.json) {
    for (const r of preview.rows) {
      const reasons = r.issues.map((i) => `${i.column ?? i.field}: ${i.message}`).join('; ');
      log(`row ${r.row}: ${r.status}${reasons ? ` — ${reasons}` : ''}`);
    }
  }
  if (!opts.dryRun) {
    await runImport(deps, user, uploaded.id, 'ar', meta, { keepInvalid: opts.keepInvalid });
    await importSettled(uploaded.id);
  }
  const done = (await getImport(deps.db, user.orgId, uploaded.id))!;
  const kept = Number((done.options as { kept?: number }).kept ?? 0);
  if (kept > 0) log(`kept for correction: ${kept}`);
  return {
    rows: done.totalRows,
    valid: done.validRows,
    invalid: done.invalidRows,
    duplicates: done.duplicateRows,
    created: done.createdRows,
    updated: done.updatedRows,
  };
}

/** An AppError's message in Arabic, for the terminal. */
export function cliError(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${translate('ar', error.code)}`;
  return error instanceof Error ? error.message : String(error);
}

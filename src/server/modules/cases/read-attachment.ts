import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors';
import type { Deps, SessionUser } from '../../http/context';
import { nameForType } from '../beneficiaries';
import { loadCaseFor } from './load-case';
import { getAttachment } from './queries';

/** A case attachment's bytes for someone who may read the case, offered under a name that matches its type. */
export async function readAttachment(deps: Deps, user: SessionUser, id: string) {
  const row = await getAttachment(deps.db, user.orgId, id);
  if (!row) throw new AppError('document.not_found');
  await loadCaseFor(deps, user, row.caseId, 'cases.read');
  const bytes = await fs.readFile(path.join(deps.config.uploadDir, row.storedName)).catch(() => null);
  if (!bytes) throw new AppError('document.not_found');
  return { bytes, mime: row.mime, fileName: nameForType(row.originalName, row.mime) };
}

import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { RequestMeta, SessionUser } from '../../http/context';
import { getBeneficiary } from '../beneficiaries';
import { eraseBeneficiary, hasOpenApplication, holdOf, storedFilesOf } from './queries';

const ERASED = '[حُذف]';

/**
 * Anonymises a file when its purpose has ended: names, IDs, contact details, household, documents and free
 * text are destroyed; what statistics need (district, water source, dates, stages) stays. A legal-retention
 * hold stops it. Signed declarations are legal records and are kept (documented exception).
 */
export async function anonymiseBeneficiary(
  db: Db,
  orgId: string,
  id: string,
  today: string,
  uploadDir: string,
  actor: SessionUser | null,
  meta: RequestMeta,
  reason: string,
) {
  const b = await getBeneficiary(db, orgId, id);
  if (!b) throw new AppError('beneficiary.not_found');
  const row = await holdOf(db, orgId, id);
  if (row?.anonymisedAt) throw new AppError('privacy.already_anonymised');
  if (row?.hold && row.hold >= today) throw new AppError('privacy.legal_hold', { until: row.hold });
  if (await hasOpenApplication(db, orgId, id)) throw new AppError('privacy.open_application');
  const files = await storedFilesOf(db, orgId, id);
  await db.transaction(async (tx) => {
    await eraseBeneficiary(tx, orgId, b, ERASED);
    await writeAudit(tx, { id: actor?.id ?? null, orgId, username: actor?.username ?? null }, meta, {
      action: 'privacy.anonymised',
      entityType: 'beneficiary',
      entityId: id,
      details: { reason },
    });
  });
  for (const f of files) await fs.rm(path.join(uploadDir, f.storedName), { force: true });
}

import { riyadhDate } from '../../../common/dates';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import type { Deps, SessionUser } from '../../http/context';
import { can } from '../../policy';
import { effectiveVersion } from './in-force';
import { acknowledgementsOf, findDocument, listVersions } from './queries';

/** A document of the organisation, or "not found". */
export async function loadDocument(db: Db, orgId: string, id: string) {
  const doc = await findDocument(db, orgId, id);
  if (!doc) throw new AppError('knowledge.not_found');
  return doc;
}

/** A document with all its versions (newest first), the one in force, and who has read it (for its keepers). */
export async function getKnowledgeDocument(deps: Deps, user: SessionUser, id: string) {
  const doc = await loadDocument(deps.db, user.orgId, id);
  const versions = await listVersions(deps.db, doc.id);
  const current = effectiveVersion(versions, riyadhDate(new Date()));
  const acknowledgements =
    current && can(user, 'knowledge.manage')
      ? (await acknowledgementsOf(deps.db, current.id)).map((a) => ({ ...a, at: a.at.toISOString() }))
      : null;
  return {
    ...doc,
    createdAt: doc.createdAt.toISOString(),
    currentVersionId: current?.id ?? null,
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    acknowledgements,
  };
}

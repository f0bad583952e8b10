import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { normalizeArabic } from '../../../common/arabic';
import { riyadhDate } from '../../../common/dates';
import { type createKnowledgeInput, type newVersionInput, TOOL_KINDS } from '../../../common/domain/knowledge';
import type { Db } from '../../db/client';
import { escapeLike } from '../../db/like';
import { knowledgeAcknowledgements, knowledgeDocuments, knowledgeVersions, tasks } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';

const searchText = (title: string, body: string) => normalizeArabic(`${title} ${body}`);

export async function createKnowledgeDocument(
  deps: Deps,
  user: SessionUser,
  input: z.infer<typeof createKnowledgeInput>,
  meta: RequestMeta,
) {
  return deps.db.transaction(async (tx) => {
    const [doc] = await tx
      .insert(knowledgeDocuments)
      .values({
        orgId: user.orgId,
        kind: input.kind,
        titleAr: input.titleAr,
        titleEn: input.titleEn,
        published: input.published,
      })
      .returning({ id: knowledgeDocuments.id });
    await tx.insert(knowledgeVersions).values({
      orgId: user.orgId,
      documentId: doc!.id,
      version: 1,
      bodyAr: input.bodyAr,
      searchNorm: searchText(input.titleAr, input.bodyAr),
      approvalRef: input.approvalRef,
      approvedOn: input.approvedOn,
      effectiveFrom: input.effectiveFrom,
      createdBy: user.id,
    });
    await writeAudit(tx, user, meta, { action: 'knowledge.created', entityType: 'knowledge', entityId: doc!.id });
    return { id: doc!.id, version: 1 };
  });
}

/** A new approved text. Older versions stay readable; the one in force is the latest whose date has come. */
export async function addKnowledgeVersion(
  deps: Deps,
  user: SessionUser,
  documentId: string,
  input: z.infer<typeof newVersionInput>,
  meta: RequestMeta,
) {
  const doc = await getDocument(deps.db, user.orgId, documentId);
  return deps.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ v: sql<number>`max(${knowledgeVersions.version})` })
      .from(knowledgeVersions)
      .where(eq(knowledgeVersions.documentId, documentId));
    const version = Number(last?.v ?? 0) + 1;
    await tx.insert(knowledgeVersions).values({
      orgId: user.orgId,
      documentId,
      version,
      bodyAr: input.bodyAr,
      searchNorm: searchText(doc.titleAr, input.bodyAr),
      approvalRef: input.approvalRef,
      approvedOn: input.approvedOn,
      effectiveFrom: input.effectiveFrom,
      createdBy: user.id,
    });
    await writeAudit(tx, user, meta, {
      action: 'knowledge.version_added',
      entityType: 'knowledge',
      entityId: documentId,
      details: { version },
    });
    return { id: documentId, version };
  });
}

export async function getDocument(db: Db, orgId: string, id: string) {
  const [doc] = await db
    .select()
    .from(knowledgeDocuments)
    .where(inOrg(knowledgeDocuments, orgId, eq(knowledgeDocuments.id, id)));
  if (!doc) throw new AppError('knowledge.not_found');
  return doc;
}

export function listVersions(db: Db, documentId: string) {
  return db
    .select({
      id: knowledgeVersions.id,
      version: knowledgeVersions.version,
      bodyAr: knowledgeVersions.bodyAr,
      approvalRef: knowledgeVersions.approvalRef,
      approvedOn: knowledgeVersions.approvedOn,
      effectiveFrom: knowledgeVersions.effectiveFrom,
      createdAt: knowledgeVersions.createdAt,
    })
    .from(knowledgeVersions)
    .where(eq(knowledgeVersions.documentId, documentId))
    .orderBy(desc(knowledgeVersions.version));
}

/** The version in force on a day: the highest version whose effective date has come. */
export function effectiveVersion<T extends { version: number; effectiveFrom: string }>(
  versions: T[],
  today: string,
): T | undefined {
  return versions.filter((v) => v.effectiveFrom <= today).sort((a, b) => b.version - a.version)[0];
}

/**
 * Documents with their version in force, optionally filtered by kind and by a normalised Arabic search
 * (every word must appear in the title or the text of a version in force).
 */
export async function searchKnowledge(
  db: Db,
  orgId: string,
  opts: { q?: string; kinds?: string[]; publishedOnly?: boolean; today: string },
) {
  const words = opts.q
    ? normalizeArabic(opts.q)
        .split(' ')
        .filter((w) => w.length > 0)
        .slice(0, 8)
    : [];
  // The version in force per document (the highest whose date has come), chosen in SQL so that search covers
  // exactly what staff would read.
  const inForce = sql`${knowledgeVersions.version} = (select max(kv.version) from knowledge_versions kv where kv.org_id = ${knowledgeVersions.orgId} and kv.document_id = ${knowledgeVersions.documentId} and kv.effective_from <= ${opts.today})`;
  return db
    .select({
      id: knowledgeDocuments.id,
      kind: knowledgeDocuments.kind,
      titleAr: knowledgeDocuments.titleAr,
      titleEn: knowledgeDocuments.titleEn,
      published: knowledgeDocuments.published,
      versionId: knowledgeVersions.id,
      version: knowledgeVersions.version,
      bodyAr: knowledgeVersions.bodyAr,
      approvalRef: knowledgeVersions.approvalRef,
      approvedOn: knowledgeVersions.approvedOn,
      effectiveFrom: knowledgeVersions.effectiveFrom,
    })
    .from(knowledgeDocuments)
    .innerJoin(
      knowledgeVersions,
      and(
        eq(knowledgeVersions.orgId, knowledgeDocuments.orgId),
        eq(knowledgeVersions.documentId, knowledgeDocuments.id),
        inForce,
      ),
    )
    .where(
      inOrg(
        knowledgeDocuments,
        orgId,
        opts.kinds ? inArray(knowledgeDocuments.kind, opts.kinds) : undefined,
        opts.publishedOnly ? eq(knowledgeDocuments.published, true) : undefined,
        ...words.map((w) => sql`${knowledgeVersions.searchNorm} like ${`%${escapeLike(w)}%`}`),
      ),
    )
    .orderBy(asc(knowledgeDocuments.kind), asc(knowledgeDocuments.titleAr))
    .limit(100);
}

/** Versions of the four tools now in force that this user has not yet acknowledged. */
export async function pendingAcknowledgements(db: Db, user: SessionUser) {
  const rows = await searchKnowledge(db, user.orgId, { kinds: [...TOOL_KINDS], today: riyadhDate(new Date()) });
  if (rows.length === 0) return [];
  const acked = await db
    .select({ versionId: knowledgeAcknowledgements.versionId })
    .from(knowledgeAcknowledgements)
    .where(
      and(
        eq(knowledgeAcknowledgements.userId, user.id),
        inArray(
          knowledgeAcknowledgements.versionId,
          rows.map((r) => r.versionId),
        ),
      ),
    );
  const done = new Set(acked.map((a) => a.versionId));
  return rows.filter((r) => !done.has(r.versionId));
}

export async function acknowledgeVersion(deps: Deps, user: SessionUser, versionId: string, meta: RequestMeta) {
  const [v] = await deps.db
    .select({ id: knowledgeVersions.id, documentId: knowledgeVersions.documentId })
    .from(knowledgeVersions)
    .where(inOrg(knowledgeVersions, user.orgId, eq(knowledgeVersions.id, versionId)));
  if (!v) throw new AppError('knowledge.not_found');
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(knowledgeAcknowledgements)
      .values({ orgId: user.orgId, versionId, userId: user.id })
      .onConflictDoNothing();
    // The reminder task for this version, if one was sent, is done once the person has read it.
    await tx
      .update(tasks)
      .set({ doneAt: new Date() })
      .where(
        inOrg(
          tasks,
          user.orgId,
          and(
            eq(tasks.assigneeUserId, user.id),
            eq(tasks.dedupeKey, `knowledge_ack:${versionId}`),
            isNull(tasks.doneAt),
          ),
        ),
      );
    await writeAudit(tx, user, meta, {
      action: 'knowledge.acknowledged',
      entityType: 'knowledge',
      entityId: v.documentId,
      details: { versionId },
    });
  });
}

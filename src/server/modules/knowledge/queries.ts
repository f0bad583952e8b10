import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { normalizeArabic } from '../../../common/arabic';
import type { Db } from '../../db/client';
import { escapeLike } from '../../db/like';
import { knowledgeAcknowledgements, knowledgeDocuments, knowledgeVersions, tasks, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

/** The reminder's task: one per person and version, so pressing «remind» twice does not repeat it. */
export const ackTaskKey = (versionId: string) => `knowledge_ack:${versionId}`;

export async function insertDocument(db: Db, values: typeof knowledgeDocuments.$inferInsert) {
  const [doc] = await db.insert(knowledgeDocuments).values(values).returning({ id: knowledgeDocuments.id });
  return doc!.id;
}

export function updateDocumentRow(
  db: Db,
  id: string,
  set: Partial<Pick<typeof knowledgeDocuments.$inferInsert, 'titleAr' | 'titleEn' | 'published'>>,
) {
  return db.update(knowledgeDocuments).set(set).where(eq(knowledgeDocuments.id, id));
}

export async function findDocument(db: Db, orgId: string, id: string) {
  const [doc] = await db
    .select()
    .from(knowledgeDocuments)
    .where(inOrg(knowledgeDocuments, orgId, eq(knowledgeDocuments.id, id)));
  return doc;
}

export function insertVersion(db: Db, values: typeof knowledgeVersions.$inferInsert) {
  return db.insert(knowledgeVersions).values(values);
}

/** The highest version number a document has so far (0 when none). */
export async function lastVersionNumber(db: Db, documentId: string) {
  const [last] = await db
    .select({ v: sql<number>`max(${knowledgeVersions.version})` })
    .from(knowledgeVersions)
    .where(eq(knowledgeVersions.documentId, documentId));
  return Number(last?.v ?? 0);
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

export async function findVersion(db: Db, orgId: string, versionId: string) {
  const [v] = await db
    .select({ id: knowledgeVersions.id, documentId: knowledgeVersions.documentId })
    .from(knowledgeVersions)
    .where(inOrg(knowledgeVersions, orgId, eq(knowledgeVersions.id, versionId)));
  return v;
}

/**
 * Documents with their version in force, optionally filtered by kind and by a normalised Arabic search
 * (every word must appear in the title or the text of a version in force).
 */
export function searchDocuments(
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

/** Which of these versions the user has acknowledged. */
export async function acknowledgedAmong(db: Db, userId: string, versionIds: string[]) {
  const rows = await db
    .select({ versionId: knowledgeAcknowledgements.versionId })
    .from(knowledgeAcknowledgements)
    .where(and(eq(knowledgeAcknowledgements.userId, userId), inArray(knowledgeAcknowledgements.versionId, versionIds)));
  return new Set(rows.map((r) => r.versionId));
}

export function insertAcknowledgement(db: Db, values: typeof knowledgeAcknowledgements.$inferInsert) {
  return db.insert(knowledgeAcknowledgements).values(values).onConflictDoNothing();
}

/** Who has acknowledged a version, with their names. */
export function acknowledgementsOf(db: Db, versionId: string) {
  return db
    .select({
      userId: knowledgeAcknowledgements.userId,
      displayName: users.displayName,
      at: knowledgeAcknowledgements.at,
    })
    .from(knowledgeAcknowledgements)
    .innerJoin(
      users,
      and(eq(users.orgId, knowledgeAcknowledgements.orgId), eq(users.id, knowledgeAcknowledgements.userId)),
    )
    .where(eq(knowledgeAcknowledgements.versionId, versionId));
}

export function acknowledgementTimes(db: Db, versionId: string) {
  return db
    .select({ userId: knowledgeAcknowledgements.userId, at: knowledgeAcknowledgements.at })
    .from(knowledgeAcknowledgements)
    .where(eq(knowledgeAcknowledgements.versionId, versionId));
}

export function activeStaff(db: Db, orgId: string) {
  return db
    .select({ userId: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(inOrg(users, orgId, eq(users.disabled, false)))
    .orderBy(asc(users.displayName));
}

/** The open reminder tasks for a version: who was reminded and when. */
export function openReminders(db: Db, orgId: string, versionId: string) {
  return db
    .select({ userId: tasks.assigneeUserId, at: tasks.createdAt })
    .from(tasks)
    .where(inOrg(tasks, orgId, and(eq(tasks.dedupeKey, ackTaskKey(versionId)), isNull(tasks.doneAt))));
}

/** One reminder task per person; a reminder closed by hand without reading is opened again. */
export function upsertReminderTasks(db: Db, rows: (typeof tasks.$inferInsert)[]) {
  return db
    .insert(tasks)
    .values(rows)
    .onConflictDoUpdate({
      target: [tasks.orgId, tasks.assigneeUserId, tasks.dedupeKey],
      set: { doneAt: null, createdAt: new Date() },
    });
}

/** The user's reminder task for this version, if one was sent, is done once they have read it. */
export function closeReminderOf(db: Db, orgId: string, userId: string, versionId: string, at: Date) {
  return db
    .update(tasks)
    .set({ doneAt: at })
    .where(
      inOrg(
        tasks,
        orgId,
        and(eq(tasks.assigneeUserId, userId), eq(tasks.dedupeKey, ackTaskKey(versionId)), isNull(tasks.doneAt)),
      ),
    );
}

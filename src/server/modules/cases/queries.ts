import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { caseAttachments, caseMessages, cases, tasks, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

export async function getCase(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(cases)
    .where(inOrg(cases, orgId, eq(cases.id, id)));
  return row;
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof getCase>>>;

export function listMessages(db: Db, orgId: string, caseId: string, includeNotes: boolean) {
  return db
    .select({
      id: caseMessages.id,
      kind: caseMessages.kind,
      body: caseMessages.body,
      channel: caseMessages.channel,
      at: caseMessages.at,
      authorName: users.displayName,
    })
    .from(caseMessages)
    .leftJoin(users, and(eq(users.orgId, caseMessages.orgId), eq(users.id, caseMessages.authorUserId)))
    .where(
      inOrg(
        caseMessages,
        orgId,
        eq(caseMessages.caseId, caseId),
        includeNotes ? undefined : sql`${caseMessages.kind} <> 'note'`,
      ),
    )
    .orderBy(asc(caseMessages.at), asc(caseMessages.id));
}

export function listAttachments(db: Db, orgId: string, caseId: string) {
  return db
    .select({
      id: caseAttachments.id,
      originalName: caseAttachments.originalName,
      mime: caseAttachments.mime,
      size: caseAttachments.size,
      at: caseAttachments.at,
    })
    .from(caseAttachments)
    .where(inOrg(caseAttachments, orgId, eq(caseAttachments.caseId, caseId)))
    .orderBy(asc(caseAttachments.at));
}

export type InboxFilter = {
  kind?: string;
  channel?: string;
  status?: string;
  sla?: 'breached' | 'at_risk';
  ownerUserId?: string;
  branchId?: string | null;
  now: Date;
  atRiskShare: number;
  limit: number;
  offset: number;
};

const OPEN = ['new', 'in_progress', 'referred', 'waiting_beneficiary'];

/** The inbox: open cases by default, the most urgent deadline first; SLA filters are computed in SQL. */
export async function listCases(db: Db, orgId: string, f: InboxFilter) {
  const now = f.now;
  const slaCondition: SQL | undefined =
    f.sla === 'breached'
      ? and(inArray(cases.status, OPEN), isNull(cases.pausedAt), lt(cases.resolutionDueAt, now))
      : f.sla === 'at_risk'
        ? and(
            inArray(cases.status, OPEN),
            isNull(cases.pausedAt),
            gt(cases.resolutionDueAt, now),
            sql`extract(epoch from (${cases.resolutionDueAt} - ${now.toISOString()}::timestamptz)) < extract(epoch from (${cases.resolutionDueAt} - ${cases.createdAt})) * ${f.atRiskShare}`,
          )
        : undefined;
  const rows = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      kind: cases.kind,
      priority: cases.priority,
      status: cases.status,
      channel: cases.channel,
      subject: cases.subject,
      anonymous: cases.anonymous,
      beneficiaryId: cases.beneficiaryId,
      contactName: cases.contactName,
      ownerUserId: cases.ownerUserId,
      ownerName: users.displayName,
      team: cases.team,
      branchId: cases.branchId,
      createdAt: cases.createdAt,
      firstResponseAt: cases.firstResponseAt,
      firstResponseDueAt: cases.firstResponseDueAt,
      resolutionDueAt: cases.resolutionDueAt,
      resolvedAt: cases.resolvedAt,
      pausedAt: cases.pausedAt,
      escalatedAt: cases.escalatedAt,
    })
    .from(cases)
    .leftJoin(users, and(eq(users.orgId, cases.orgId), eq(users.id, cases.ownerUserId)))
    .where(
      inOrg(
        cases,
        orgId,
        f.status ? eq(cases.status, f.status) : f.sla ? undefined : inArray(cases.status, OPEN),
        f.kind ? eq(cases.kind, f.kind) : undefined,
        f.channel ? eq(cases.channel, f.channel) : undefined,
        f.ownerUserId ? eq(cases.ownerUserId, f.ownerUserId) : undefined,
        f.branchId ? eq(cases.branchId, f.branchId) : undefined,
        slaCondition,
      ),
    )
    .orderBy(asc(cases.resolutionDueAt), desc(cases.createdAt))
    .limit(f.limit + 1)
    .offset(f.offset);
  return { rows: rows.slice(0, f.limit), hasMore: rows.length > f.limit };
}

/** Open cases past their resolution time that have not yet been escalated. */
export function breachedNotEscalated(db: Db, now: Date) {
  return db
    .select({ id: cases.id, orgId: cases.orgId, reference: cases.reference, subject: cases.subject })
    .from(cases)
    .where(
      and(
        inArray(cases.status, OPEN),
        isNull(cases.pausedAt),
        isNull(cases.escalatedAt),
        lt(cases.resolutionDueAt, now),
        isNotNull(cases.resolutionDueAt),
      ),
    );
}

export async function getAttachment(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(caseAttachments)
    .where(inOrg(caseAttachments, orgId, eq(caseAttachments.id, id)));
  return row ?? null;
}

export async function insertAttachment(db: Db, values: typeof caseAttachments.$inferInsert) {
  const [row] = await db.insert(caseAttachments).values(values).returning({
    id: caseAttachments.id,
    originalName: caseAttachments.originalName,
    mime: caseAttachments.mime,
    size: caseAttachments.size,
  });
  return row!;
}

export async function insertCase(db: Db, values: typeof cases.$inferInsert) {
  const [row] = await db.insert(cases).values(values).returning({ id: cases.id, reference: cases.reference });
  return row!;
}

export async function insertCaseMessage(db: Db, values: typeof caseMessages.$inferInsert) {
  const [row] = await db.insert(caseMessages).values(values).returning({ id: caseMessages.id });
  return row!.id;
}

/** Moves a case to a new status only if it is still in the status it was read in; false when it moved meanwhile. */
export async function updateStatusIf(
  db: Db,
  c: { id: string; orgId: string; status: string },
  to: string,
  set: Partial<typeof cases.$inferInsert>,
) {
  const rows = await db
    .update(cases)
    .set({ ...set, status: to })
    .where(inOrg(cases, c.orgId, and(eq(cases.id, c.id), eq(cases.status, c.status))))
    .returning({ id: cases.id });
  return rows.length > 0;
}

export function updateCaseRow(db: Db, id: string, set: Partial<typeof cases.$inferInsert>) {
  return db.update(cases).set(set).where(eq(cases.id, id));
}

/** What decides whether a user may own cases: role, branch, and whether the account is disabled. */
export async function ownerCandidate(db: Db, orgId: string, userId: string) {
  const [owner] = await db
    .select({ role: users.role, disabled: users.disabled, branchId: users.branchId })
    .from(users)
    .where(inOrg(users, orgId, eq(users.id, userId)));
  return owner;
}

/** Marks a case escalated unless it already is; false when another run got there first. */
export async function markEscalated(db: Db, id: string, at: Date) {
  const marked = await db
    .update(cases)
    .set({ escalatedAt: at })
    .where(and(eq(cases.id, id), isNull(cases.escalatedAt)))
    .returning({ id: cases.id });
  return marked.length > 0;
}

export function activeManagers(db: Db, orgId: string) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.role, ['manager']), eq(users.disabled, false)));
}

export function insertTasksOnce(db: Db, rows: (typeof tasks.$inferInsert)[]) {
  return db.insert(tasks).values(rows).onConflictDoNothing();
}

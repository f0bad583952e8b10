import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { surveyInvitations, surveyQuestions, surveyResponses, tasks, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

export function activeQuestions(db: Db, orgId: string) {
  return db
    .select()
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.orgId, orgId), eq(surveyQuestions.active, true)))
    .orderBy(asc(surveyQuestions.position));
}

/** Replaces the organisation's questions with these, in this order. Call it inside a transaction. */
export async function replaceQuestions(db: Db, orgId: string, rows: (typeof surveyQuestions.$inferInsert)[]) {
  await db.delete(surveyQuestions).where(inOrg(surveyQuestions, orgId));
  await db.insert(surveyQuestions).values(rows);
}

/** Whether this number was sent a survey link after `since`. */
export async function invitedSince(db: Db, orgId: string, mobile: string, since: Date) {
  const [recent] = await db
    .select({ id: surveyInvitations.id })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.orgId, orgId),
        eq(surveyInvitations.mobile, mobile),
        gt(surveyInvitations.sentAt, since),
      ),
    )
    .limit(1);
  return Boolean(recent);
}

/** The new invitation's id, or null when one for the same event exists already. */
export async function insertInvitation(db: Db, values: typeof surveyInvitations.$inferInsert) {
  const inserted = await db
    .insert(surveyInvitations)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: surveyInvitations.id });
  return inserted[0]?.id ?? null;
}

/** An invitation by its token's hash that is neither answered nor expired. */
export async function openInvitationByHash(db: Db, tokenHash: string, now: Date) {
  const [inv] = await db
    .select()
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.tokenHash, tokenHash),
        isNull(surveyInvitations.answeredOn),
        gt(surveyInvitations.expiresAt, now),
      ),
    );
  return inv;
}

/** Marks an invitation answered; false when it was answered meanwhile (a link is used once). */
export async function markAnswered(db: Db, id: string, on: string) {
  const used = await db
    .update(surveyInvitations)
    .set({ answeredOn: on })
    .where(and(eq(surveyInvitations.id, id), isNull(surveyInvitations.answeredOn)))
    .returning({ id: surveyInvitations.id });
  return used.length > 0;
}

export function insertResponse(db: Db, values: typeof surveyResponses.$inferInsert) {
  return db.insert(surveyResponses).values(values);
}

/** The organisation's longest-serving active officer: who follows up a low rating. */
export async function firstOfficer(db: Db, orgId: string) {
  const [officer] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'officer'), eq(users.disabled, false)))
    .orderBy(asc(users.createdAt))
    .limit(1);
  return officer;
}

export function insertTaskOnce(db: Db, values: typeof tasks.$inferInsert) {
  return db.insert(tasks).values(values).onConflictDoNothing();
}

import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  agendaItems,
  applications,
  beneficiaries,
  committeeMeetings,
  committeeVotes,
  meetingAttendees,
  users,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

export async function getMeeting(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(committeeMeetings)
    .where(inOrg(committeeMeetings, orgId, eq(committeeMeetings.id, id)));
  return row;
}

export function listMeetings(db: Db, orgId: string, limit: number) {
  return db
    .select()
    .from(committeeMeetings)
    .where(inOrg(committeeMeetings, orgId))
    .orderBy(desc(committeeMeetings.scheduledAt))
    .limit(limit);
}

export function listAttendees(db: Db, orgId: string, meetingId: string) {
  return db
    .select({ userId: meetingAttendees.userId, present: meetingAttendees.present, displayName: users.displayName })
    .from(meetingAttendees)
    .innerJoin(users, and(eq(users.orgId, meetingAttendees.orgId), eq(users.id, meetingAttendees.userId)))
    .where(inOrg(meetingAttendees, orgId, eq(meetingAttendees.meetingId, meetingId)))
    .orderBy(asc(users.displayName));
}

/** Applications waiting for the committee and not yet on an open meeting's agenda: best score first, then oldest. */
export function pendingForAgenda(db: Db, orgId: string) {
  const onOpenAgenda = db
    .select({ id: agendaItems.applicationId })
    .from(agendaItems)
    .innerJoin(
      committeeMeetings,
      and(eq(committeeMeetings.orgId, agendaItems.orgId), eq(committeeMeetings.id, agendaItems.meetingId)),
    )
    .where(inOrg(agendaItems, orgId, eq(committeeMeetings.status, 'scheduled'), isNull(agendaItems.decision)));
  return db
    .select({ id: applications.id, stage: applications.stage })
    .from(applications)
    .where(
      inOrg(
        applications,
        orgId,
        inArray(applications.stage, ['in_committee', 'deferred']),
        sql`${applications.id} not in (${onOpenAgenda})`,
      ),
    )
    .orderBy(sql`${applications.score} desc nulls last`, asc(applications.raisedAt), asc(applications.id));
}

export function listAgenda(db: Db, orgId: string, meetingId: string) {
  return db
    .select({
      id: agendaItems.id,
      applicationId: agendaItems.applicationId,
      position: agendaItems.position,
      isAppeal: agendaItems.isAppeal,
      decision: agendaItems.decision,
      reasonCodes: agendaItems.reasonCodes,
      decisionNote: agendaItems.decisionNote,
      decidedAt: agendaItems.decidedAt,
      letterReference: agendaItems.letterReference,
      reference: applications.reference,
      stage: applications.stage,
      score: applications.score,
      scoreBreakdown: applications.scoreBreakdown,
      raisedAt: applications.raisedAt,
      expectedDecisionDate: applications.expectedDecisionDate,
      beneficiaryId: beneficiaries.id,
      fileNumber: beneficiaries.fileNumber,
      firstName: beneficiaries.firstName,
      fatherName: beneficiaries.fatherName,
      grandfatherName: beneficiaries.grandfatherName,
      familyName: beneficiaries.familyName,
      district: beneficiaries.district,
    })
    .from(agendaItems)
    .innerJoin(
      applications,
      and(eq(applications.orgId, agendaItems.orgId), eq(applications.id, agendaItems.applicationId)),
    )
    .innerJoin(
      beneficiaries,
      and(eq(beneficiaries.orgId, applications.orgId), eq(beneficiaries.id, applications.beneficiaryId)),
    )
    .where(inOrg(agendaItems, orgId, eq(agendaItems.meetingId, meetingId)))
    .orderBy(asc(agendaItems.position));
}

export function listVotes(db: Db, orgId: string, meetingId: string) {
  return db
    .select({
      agendaItemId: committeeVotes.agendaItemId,
      userId: committeeVotes.userId,
      vote: committeeVotes.vote,
      reason: committeeVotes.reason,
      displayName: users.displayName,
    })
    .from(committeeVotes)
    .innerJoin(
      agendaItems,
      and(eq(agendaItems.orgId, committeeVotes.orgId), eq(agendaItems.id, committeeVotes.agendaItemId)),
    )
    .innerJoin(users, and(eq(users.orgId, committeeVotes.orgId), eq(users.id, committeeVotes.userId)))
    .where(inOrg(committeeVotes, orgId, eq(agendaItems.meetingId, meetingId)));
}

export async function getAgendaItem(db: Db, orgId: string, meetingId: string, applicationId: string) {
  const [row] = await db
    .select()
    .from(agendaItems)
    .where(
      inOrg(agendaItems, orgId, eq(agendaItems.meetingId, meetingId), eq(agendaItems.applicationId, applicationId)),
    );
  return row;
}

/** The last decision taken on an application (for letters and appeals). */
export async function lastDecision(db: Db, orgId: string, applicationId: string) {
  const [row] = await db
    .select()
    .from(agendaItems)
    .where(
      inOrg(agendaItems, orgId, eq(agendaItems.applicationId, applicationId), sql`${agendaItems.decision} is not null`),
    )
    .orderBy(desc(agendaItems.decidedAt))
    .limit(1);
  return row;
}

/** Applications past the date the applicant was told (still waiting for a decision). */
export function listOverdue(db: Db, orgId: string, today: string) {
  return db
    .select({
      id: applications.id,
      reference: applications.reference,
      stage: applications.stage,
      raisedAt: applications.raisedAt,
      expectedDecisionDate: applications.expectedDecisionDate,
      beneficiaryId: beneficiaries.id,
      firstName: beneficiaries.firstName,
      fatherName: beneficiaries.fatherName,
      grandfatherName: beneficiaries.grandfatherName,
      familyName: beneficiaries.familyName,
    })
    .from(applications)
    .innerJoin(
      beneficiaries,
      and(eq(beneficiaries.orgId, applications.orgId), eq(beneficiaries.id, applications.beneficiaryId)),
    )
    .where(
      inOrg(
        applications,
        orgId,
        inArray(applications.stage, ['in_committee', 'deferred']),
        lt(applications.expectedDecisionDate, today),
      ),
    )
    .orderBy(asc(applications.expectedDecisionDate));
}

import { eq, inArray, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { scheduleMeetingInput } from '../../../common/domain/committee';
import type { Db } from '../../db/client';
import { nextNumber, riyadhYear } from '../../db/counters';
import { agendaItems, appeals, committeeMeetings, meetingAttendees, users } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { assertMeetingStarted, markOpened } from './decide';
import { getMeeting, pendingForAgenda } from './queries';

/** Puts every application waiting for the committee, and not on another open agenda, on this meeting's agenda. */
export async function fillAgenda(db: Db, orgId: string, meetingId: string): Promise<number> {
  const pending = await pendingForAgenda(db, orgId);
  if (pending.length === 0) return 0;
  const appealed = new Set(
    (
      await db
        .select({ applicationId: appeals.applicationId })
        .from(appeals)
        .where(
          inOrg(
            appeals,
            orgId,
            inArray(
              appeals.applicationId,
              pending.map((p) => p.id),
            ),
          ),
        )
    ).map((a) => a.applicationId),
  );
  const [last] = await db
    .select({ position: max(agendaItems.position) })
    .from(agendaItems)
    .where(inOrg(agendaItems, orgId, eq(agendaItems.meetingId, meetingId)));
  const start = (last?.position ?? 0) + 1;
  const inserted = await db
    .insert(agendaItems)
    .values(
      pending.map((p, i) => ({
        orgId,
        meetingId,
        applicationId: p.id,
        position: start + i,
        isAppeal: appealed.has(p.id) && p.stage === 'in_committee',
      })),
    )
    .onConflictDoNothing()
    .returning({ id: agendaItems.id });
  return inserted.length;
}

export async function scheduleMeeting(
  deps: Deps,
  user: SessionUser,
  input: z.infer<typeof scheduleMeetingInput>,
  meta: RequestMeta,
) {
  authorize(user, 'committee.schedule');
  const memberIds = [...new Set([...input.memberIds, input.chairUserId])];
  const members = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(
      inOrg(users, user.orgId, inArray(users.id, memberIds), eq(users.role, 'committee'), eq(users.disabled, false)),
    );
  if (members.length !== memberIds.length) throw new AppError('committee.member_not_committee');
  const year = riyadhYear(new Date(input.scheduledAt));
  return deps.db.transaction(async (tx) => {
    const seq = await nextNumber(tx, user.orgId, 'meeting', year);
    const [meeting] = await tx
      .insert(committeeMeetings)
      .values({
        orgId: user.orgId,
        reference: `${year}/${seq}`,
        scheduledAt: new Date(input.scheduledAt),
        location: input.location,
        chairUserId: input.chairUserId,
        createdBy: user.id,
      })
      .returning({ id: committeeMeetings.id, reference: committeeMeetings.reference });
    await tx
      .insert(meetingAttendees)
      .values(memberIds.map((userId) => ({ orgId: user.orgId, meetingId: meeting!.id, userId })));
    const agendaSize = await fillAgenda(tx, user.orgId, meeting!.id);
    await writeAudit(tx, user, meta, {
      action: 'committee.meeting_scheduled',
      entityType: 'committee_meeting',
      entityId: meeting!.id,
      details: { reference: meeting!.reference, agendaSize },
    });
    return { ...meeting!, agendaSize };
  });
}

export async function refreshAgenda(deps: Deps, user: SessionUser, meetingId: string, meta: RequestMeta) {
  authorize(user, 'committee.schedule');
  const meeting = await getMeeting(deps.db, user.orgId, meetingId);
  if (!meeting) throw new AppError('committee.meeting_not_found');
  if (meeting.status !== 'scheduled') throw new AppError('committee.meeting_closed');
  return deps.db.transaction(async (tx) => {
    const added = await fillAgenda(tx, user.orgId, meetingId);
    await writeAudit(tx, user, meta, {
      action: 'committee.agenda_refreshed',
      entityType: 'committee_meeting',
      entityId: meetingId,
      details: { added },
    });
    return { added };
  });
}

export async function recordAttendance(
  deps: Deps,
  user: SessionUser,
  meetingId: string,
  present: string[],
  meta: RequestMeta,
) {
  const meeting = await getMeeting(deps.db, user.orgId, meetingId);
  if (!meeting) throw new AppError('committee.meeting_not_found');
  authorize(user, 'committee.decide', { orgId: meeting.orgId });
  if (meeting.chairUserId !== user.id) throw new AppError('committee.chair_only');
  if (meeting.status !== 'scheduled') throw new AppError('committee.meeting_closed');
  assertMeetingStarted(meeting);
  await deps.db.transaction(async (tx) => {
    await markOpened(tx, user.orgId, meetingId, new Date());
    await tx
      .update(meetingAttendees)
      .set({ present: false })
      .where(inOrg(meetingAttendees, user.orgId, eq(meetingAttendees.meetingId, meetingId)));
    if (present.length > 0) {
      await tx
        .update(meetingAttendees)
        .set({ present: true })
        .where(
          inOrg(
            meetingAttendees,
            user.orgId,
            eq(meetingAttendees.meetingId, meetingId),
            inArray(meetingAttendees.userId, present),
          ),
        );
    }
    await writeAudit(tx, user, meta, {
      action: 'committee.attendance',
      entityType: 'committee_meeting',
      entityId: meetingId,
      details: { present },
    });
  });
}

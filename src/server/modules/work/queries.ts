import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { staffNotifications, users } from '../../db/tables/index';

/** One row of a work list: what it is, whose it is, since when it waits, and when it is due. */
export type WorkRow = {
  entity_type: string;
  id: string;
  reference: string;
  title: string;
  status: string;
  since: Date | string;
  due_at: Date | string | null;
  detail: string | null;
};

async function rows(db: Db, query: SQL): Promise<WorkRow[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: WorkRow[] }).rows;
}

const NAME = sql.raw(`concat_ws(' ', b.first_name, b.father_name, b.grandfather_name, b.family_name)`);

export type Scope = { orgId: string; userId: string; branchId: string | null; limit: number };

/** Applications at the given stages, the longest waiting first (the queue index walks them in order). */
export function applicationsAt(db: Db, s: Scope, stages: string[]) {
  const branch = s.branchId ? sql`and a.branch_id = ${s.branchId}` : sql``;
  const list = sql.join(
    stages.map((st) => sql`${st}`),
    sql`, `,
  );
  return rows(
    db,
    sql`select 'application' as entity_type, a.id, a.reference, ${NAME} as title, a.stage as status,
          a.stage_changed_at as since,
          case when a.stage in ('in_committee', 'deferred') then a.expected_decision_date::text end as due_at,
          null as detail
        from applications a join beneficiaries b on b.org_id = a.org_id and b.id = a.beneficiary_id
        where a.org_id = ${s.orgId} and a.stage in (${list}) ${branch}
        order by a.stage_changed_at, a.id limit ${s.limit}`,
  );
}

/**
 * Referrals this user sent (applications they moved to `referred`, cases they referred) in the last 30 days:
 * waiting while still referred, answered once the execution officer moved it on (with the answer's note).
 */
export function referralsSent(db: Db, s: Scope) {
  return rows(
    db,
    sql`with sent as (
          select distinct on (t.application_id) t.application_id, t.at
          from application_transitions t
          where t.org_id = ${s.orgId} and t.by_user = ${s.userId} and t.to_stage = 'referred'
            and t.at > now() - interval '30 days'
          order by t.application_id, t.at desc
        ), app_refs as (
          select 'application' as entity_type, a.id, a.reference, ${NAME} as title,
            case when ans.at is null then 'waiting' else 'answered' end as status,
            coalesce(ans.at, sent.at) as since, null::text as due_at, ans.note as detail
          from sent join applications a on a.org_id = ${s.orgId} and a.id = sent.application_id
            join beneficiaries b on b.org_id = a.org_id and b.id = a.beneficiary_id
          left join lateral (
            select t2.at, t2.note from application_transitions t2
            where t2.org_id = a.org_id and t2.application_id = sent.application_id and t2.from_stage = 'referred' and t2.at >= sent.at
            order by t2.at limit 1
          ) ans on true
        ), case_sent as (
          select distinct on (m.case_id) m.case_id, m.at
          from case_messages m
          where m.org_id = ${s.orgId} and m.author_user_id = ${s.userId} and m.kind = 'status'
            and m.body like '% → referred%' and m.at > now() - interval '30 days'
          order by m.case_id, m.at desc
        ), case_refs as (
          select 'case' as entity_type, c.id, c.reference, c.subject as title,
            case when c.status = 'referred' then 'waiting' else 'answered' end as status,
            case when c.status = 'referred' then cs.at else coalesce(ans.at, cs.at) end as since,
            null::text as due_at, ans.body as detail
          from case_sent cs join cases c on c.org_id = ${s.orgId} and c.id = cs.case_id
          left join lateral (
            select m2.at, m2.body from case_messages m2
            where m2.org_id = c.org_id and m2.case_id = cs.case_id and m2.kind = 'status' and m2.body like 'referred → %' and m2.at >= cs.at
            order by m2.at limit 1
          ) ans on true
        ), all_refs as (select * from app_refs union all select * from case_refs)
        select * from all_refs
        order by (status = 'answered') desc, since limit ${s.limit}`,
  );
}

/** What the execution officer has been asked: referred applications and referred cases, oldest first. */
export function referralsReceived(db: Db, s: Scope) {
  return rows(
    db,
    sql`with r as (
          select 'application' as entity_type, a.id, a.reference, ${NAME} as title, a.stage as status,
            a.stage_changed_at as since, null::timestamptz as due_at,
            (select t.note from application_transitions t
              where t.org_id = a.org_id and t.application_id = a.id and t.to_stage = 'referred'
              order by t.at desc limit 1) as detail
          from applications a join beneficiaries b on b.org_id = a.org_id and b.id = a.beneficiary_id
          where a.org_id = ${s.orgId} and a.stage = 'referred'
          union all
          select 'case', c.id, c.reference, c.subject, c.status,
            coalesce((select max(m.at) from case_messages m where m.org_id = c.org_id and m.case_id = c.id and m.kind = 'status'), c.created_at),
            c.resolution_due_at, null
          from cases c where c.org_id = ${s.orgId} and c.status = 'referred'
        )
        select * from r order by since, id limit ${s.limit}`,
  );
}

const OPEN_CASES = sql.raw(`('new','in_progress','referred','waiting_beneficiary')`);

/** Open cases this user owns, the nearest resolution deadline first. */
export function casesOwned(db: Db, s: Scope) {
  return rows(
    db,
    sql`select 'case' as entity_type, c.id, c.reference, c.subject as title, c.status, c.created_at as since,
          c.resolution_due_at as due_at, c.kind as detail
        from cases c
        where c.org_id = ${s.orgId} and c.owner_user_id = ${s.userId} and c.status in ${OPEN_CASES}
        order by c.resolution_due_at, c.id limit ${s.limit}`,
  );
}

/**
 * Open cases at risk or past their resolution time (not paused): the user's own, or, for the manager, every
 * case of the organisation (of their branch for a branch representative).
 */
export function casesAtRisk(db: Db, s: Scope & { all: boolean; atRiskShare: number }) {
  const who = s.all ? sql`` : sql`and c.owner_user_id = ${s.userId}`;
  const branch = s.branchId ? sql`and c.branch_id = ${s.branchId}` : sql``;
  return rows(
    db,
    sql`select 'case' as entity_type, c.id, c.reference, c.subject as title,
          case when c.resolution_due_at < now() then 'breached' else 'at_risk' end as status,
          c.created_at as since, c.resolution_due_at as due_at, c.kind as detail
        from cases c
        where c.org_id = ${s.orgId} ${who} ${branch} and c.status in ${OPEN_CASES} and c.paused_at is null
          and (c.resolution_due_at < now()
            or extract(epoch from (c.resolution_due_at - now())) < extract(epoch from (c.resolution_due_at - c.created_at)) * ${s.atRiskShare})
        order by c.resolution_due_at, c.id limit ${s.limit}`,
  );
}

/** Scheduled deliveries assigned to this user (or, with `unassigned`, waiting for someone), earliest first. */
export function deliveriesFor(db: Db, s: Scope & { unassigned: boolean }) {
  const who = s.unassigned ? sql`d.assignee_user_id is null` : sql`d.assignee_user_id = ${s.userId}`;
  const branch = s.branchId ? sql`and d.branch_id = ${s.branchId}` : sql``;
  return rows(
    db,
    sql`select 'delivery' as entity_type, d.id, b.file_number as reference, ${NAME} as title, d.status,
          d.created_at as since, d.scheduled_date::text as due_at, sv.name_ar as detail
        from deliveries d join beneficiaries b on b.org_id = d.org_id and b.id = d.beneficiary_id
          join services sv on sv.org_id = d.org_id and sv.id = d.service_id
        where d.org_id = ${s.orgId} and d.status = 'scheduled' and ${who} ${branch}
        order by d.scheduled_date, d.id limit ${s.limit}`,
  );
}

/** The user's open tasks, the oldest first. */
export function openTasks(db: Db, s: Scope) {
  return rows(
    db,
    sql`select coalesce(t.entity_type, 'task') as entity_type, coalesce(t.entity_id, t.id::text) as id,
          '' as reference, t.title, t.kind as status, t.created_at as since, t.due_at, t.id::text as detail
        from tasks t
        where t.org_id = ${s.orgId} and t.assignee_user_id = ${s.userId} and t.done_at is null
        order by t.created_at, t.id limit ${s.limit}`,
  );
}

/** Committee meetings not yet closed that this member sits on, the soonest first. */
export function openMeetings(db: Db, s: Scope) {
  return rows(
    db,
    sql`select 'meeting' as entity_type, m.id, m.reference, m.location as title,
          case when m.scheduled_at <= now() then 'started' else 'scheduled' end as status,
          m.created_at as since, m.scheduled_at as due_at,
          (select count(*)::text from agenda_items ai
            where ai.org_id = m.org_id and ai.meeting_id = m.id and ai.decision is null) as detail
        from committee_meetings m join meeting_attendees ma on ma.org_id = m.org_id and ma.meeting_id = m.id and ma.user_id = ${s.userId}
        where m.org_id = ${s.orgId} and m.status = 'scheduled'
        order by m.scheduled_at, m.id limit ${s.limit}`,
  );
}

export function listNotifications(db: Db, orgId: string, userId: string, limit: number, unreadOnly: boolean) {
  return db
    .select({
      id: staffNotifications.id,
      kind: staffNotifications.kind,
      entityType: staffNotifications.entityType,
      entityId: staffNotifications.entityId,
      reference: staffNotifications.reference,
      detail: staffNotifications.detail,
      actorName: users.displayName,
      createdAt: staffNotifications.createdAt,
      readAt: staffNotifications.readAt,
    })
    .from(staffNotifications)
    .leftJoin(users, and(eq(users.orgId, staffNotifications.orgId), eq(users.id, staffNotifications.actorUserId)))
    .where(
      and(
        eq(staffNotifications.orgId, orgId),
        eq(staffNotifications.userId, userId),
        unreadOnly ? isNull(staffNotifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(staffNotifications.createdAt))
    .limit(limit);
}

export async function countUnread(db: Db, orgId: string, userId: string): Promise<number> {
  const result = await db.execute(
    sql`select count(*) as n from staff_notifications
        where org_id = ${orgId} and user_id = ${userId} and read_at is null`,
  );
  return Number((result as unknown as { rows: { n: string }[] }).rows[0]?.n ?? 0);
}

/** Who last moved an application to a stage (who referred it, who raised it to the committee). */
export async function whoMovedTo(
  db: Db,
  orgId: string,
  applicationId: string,
  toStage: string,
): Promise<string | null> {
  const result = await db.execute(
    sql`select by_user from application_transitions
        where org_id = ${orgId} and application_id = ${applicationId} and to_stage = ${toStage}
        order by at desc, id desc limit 1`,
  );
  return (result as unknown as { rows: { by_user: string | null }[] }).rows[0]?.by_user ?? null;
}

/** Who last referred a case (the author of its latest move to `referred`). */
export async function whoReferredCase(db: Db, orgId: string, caseId: string): Promise<string | null> {
  const result = await db.execute(
    sql`select author_user_id from case_messages
        where org_id = ${orgId} and case_id = ${caseId} and kind = 'status' and body like '% → referred%'
        order by at desc limit 1`,
  );
  return (result as unknown as { rows: { author_user_id: string | null }[] }).rows[0]?.author_user_id ?? null;
}

/** The staff member handling an application (the last one who moved it, else who created it) and its reference. */
export async function handlerOf(
  db: Db,
  orgId: string,
  applicationId: string,
): Promise<{ userId: string | null; reference: string }> {
  const result = await db.execute(
    sql`select a.reference,
          coalesce((select t.by_user from application_transitions t
                    where t.org_id = a.org_id and t.application_id = a.id and t.by_user is not null
                    order by t.at desc, t.id desc limit 1), a.created_by) as user_id
        from applications a where a.org_id = ${orgId} and a.id = ${applicationId}`,
  );
  const row = (result as unknown as { rows: { reference: string; user_id: string | null }[] }).rows[0];
  return { userId: row?.user_id ?? null, reference: row?.reference ?? '' };
}

/** Home inspections assigned to this representative and not yet recorded, the longest assigned first. */
export function inspectionsMine(db: Db, s: Scope) {
  const branch = s.branchId ? sql`and i.branch_id = ${s.branchId}` : sql``;
  return rows(
    db,
    sql`select 'application' as entity_type, a.id, a.reference, ${NAME} as title, 'inspection' as status,
          i.assigned_at as since, null as due_at, b.district as detail
        from home_inspections i
          join applications a on a.id = i.application_id and a.org_id = i.org_id
          join beneficiaries b on b.org_id = a.org_id and b.id = a.beneficiary_id
        where i.org_id = ${s.orgId} and i.assignee_user_id = ${s.userId} and i.recorded_at is null
          and a.stage = 'completing' ${branch}
        order by i.assigned_at, i.id limit ${s.limit}`,
  );
}

/** Registration drafts sent from the field and not yet completed or rejected by an officer, the oldest first. */
export function fieldDraftsOpen(db: Db, s: Scope) {
  const branch = s.branchId ? sql`and r.branch_id = ${s.branchId}` : sql``;
  return rows(
    db,
    sql`select 'field_draft' as entity_type, r.id, '' as reference,
          concat_ws(' ', r.data->>'firstName', r.data->>'familyName') as title, 'field_draft' as status,
          r.created_at as since, null as due_at, r.data->>'district' as detail
        from field_reports r
        where r.org_id = ${s.orgId} and r.kind = 'registration_draft' and r.status = 'open' ${branch}
        order by r.created_at, r.id limit ${s.limit}`,
  );
}

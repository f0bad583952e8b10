import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

export type Period = { orgId: string; from: string; to: string; branchId: string | null };

/** Runs one aggregate and returns its rows; every KPI is computed by PostgreSQL, not by loading rows here. */
async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/** Period bounds as Riyadh days: [from 00:00, to + 1 day 00:00). */
const bounds = (p: Period) => ({
  start: `${p.from}T00:00:00+03:00`,
  end: sql`(${p.to}::date + 1)::timestamp at time zone 'Asia/Riyadh'`,
});

export async function applicationsByStage(db: Db, p: Period) {
  const branch = p.branchId ? sql`and a.branch_id = ${p.branchId}` : sql``;
  return (
    await rows<{ stage: string; total: string; under7: string; d7to14: string; d14to30: string; over30: string }>(
      db,
      sql`select a.stage,
            count(*) as total,
            count(*) filter (where now() - a.stage_changed_at < interval '7 days') as under7,
            count(*) filter (where now() - a.stage_changed_at >= interval '7 days' and now() - a.stage_changed_at < interval '14 days') as d7to14,
            count(*) filter (where now() - a.stage_changed_at >= interval '14 days' and now() - a.stage_changed_at < interval '30 days') as d14to30,
            count(*) filter (where now() - a.stage_changed_at >= interval '30 days') as over30
          from applications a where a.org_id = ${p.orgId} ${branch}
          group by a.stage order by a.stage`,
    )
  ).map((r) => ({
    stage: r.stage,
    total: Number(r.total),
    ageDays: {
      under7: Number(r.under7),
      d7to14: Number(r.d7to14),
      d14to30: Number(r.d14to30),
      over30: Number(r.over30),
    },
  }));
}

/** Decisions taken in the period against the date each applicant was told. */
export async function decisionTimes(db: Db, p: Period) {
  const { start, end } = bounds(p);
  const branch = p.branchId ? sql`and a.branch_id = ${p.branchId}` : sql``;
  const [r] = await rows<{ decided: string; avg_days: string | null; within: string; received: string }>(
    db,
    sql`select
          (select count(*) from applications a where a.org_id = ${p.orgId} ${branch} and a.created_at >= ${start}::timestamptz and a.created_at < ${end}) as received,
          count(*) as decided,
          avg(extract(epoch from (ai.decided_at - a.raised_at)) / 86400.0) as avg_days,
          count(*) filter (where (ai.decided_at at time zone 'Asia/Riyadh')::date <= a.expected_decision_date) as within
        from agenda_items ai join applications a on a.id = ai.application_id
        where a.org_id = ${p.orgId} ${branch} and ai.decision in ('accepted','rejected')
          and ai.decided_at >= ${start}::timestamptz and ai.decided_at < ${end}`,
  );
  const decided = Number(r?.decided ?? 0);
  const within = Number(r?.within ?? 0);
  return {
    received: Number(r?.received ?? 0),
    decided,
    averageDays: r?.avg_days === null || r?.avg_days === undefined ? null : Math.round(Number(r.avg_days) * 10) / 10,
    withinTarget: within,
    withinTargetShare: decided === 0 ? null : Math.round((within / decided) * 1000) / 1000,
  };
}

export async function casesSummary(db: Db, p: Period) {
  const { start, end } = bounds(p);
  const branch = p.branchId ? sql`and c.branch_id = ${p.branchId}` : sql``;
  const inPeriod = sql`c.org_id = ${p.orgId} ${branch} and c.created_at >= ${start}::timestamptz and c.created_at < ${end}`;
  const byKindChannel = await rows<{ kind: string; channel: string; n: string }>(
    db,
    sql`select c.kind, c.channel, count(*) as n from cases c where ${inPeriod} group by c.kind, c.channel order by c.kind, c.channel`,
  );
  const [sla] = await rows<Record<string, string | null>>(
    db,
    sql`select count(*) as total,
          count(c.first_response_at) as responded,
          count(*) filter (where c.first_response_at <= c.first_response_due_at) as response_met,
          avg(extract(epoch from (c.first_response_at - c.created_at)) / 3600.0) as avg_response_hours,
          count(c.resolved_at) as resolved,
          count(*) filter (where c.resolved_at <= c.resolution_due_at) as resolution_met,
          avg(extract(epoch from (c.resolved_at - c.created_at)) / 3600.0) as avg_resolution_hours
        from cases c where ${inPeriod}`,
  );
  const responded = Number(sla?.responded ?? 0);
  const resolved = Number(sla?.resolved ?? 0);
  const round1 = (v: string | null | undefined) =>
    v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10;
  return {
    byKindChannel: byKindChannel.map((r) => ({ kind: r.kind, channel: r.channel, count: Number(r.n) })),
    total: Number(sla?.total ?? 0),
    firstResponse: {
      responded,
      metShare: responded ? Number(sla?.response_met) / responded : null,
      averageHours: round1(sla?.avg_response_hours),
    },
    resolution: {
      resolved,
      metShare: resolved ? Number(sla?.resolution_met) / resolved : null,
      averageHours: round1(sla?.avg_resolution_hours),
    },
  };
}

export async function deliveriesSummary(db: Db, p: Period) {
  const { start, end } = bounds(p);
  const branch = p.branchId ? sql`and d.branch_id = ${p.branchId}` : sql``;
  const result = await rows<{ status: string; n: string }>(
    db,
    sql`select d.status, count(*) as n from deliveries d where d.org_id = ${p.orgId} ${branch} and d.status in ('delivered','failed')
          and d.completed_at >= ${start}::timestamptz and d.completed_at < ${end} group by d.status`,
  );
  return {
    delivered: Number(result.find((r) => r.status === 'delivered')?.n ?? 0),
    failed: Number(result.find((r) => r.status === 'failed')?.n ?? 0),
  };
}

/** Satisfaction by service, channel, branch and month — never by named staff (the policy: not for punishment). */
export async function satisfaction(db: Db, p: Period) {
  const { start, end } = bounds(p);
  const months = sql`r.month >= ${p.from.slice(0, 7)} and r.month <= ${p.to.slice(0, 7)}`;
  const branch = p.branchId ? sql`and r.branch_id = ${p.branchId}` : sql``;
  const ibranch = p.branchId ? sql`and i.branch_id = ${p.branchId}` : sql``;
  const [overall] = await rows<{ n: string; avg: string | null }>(
    db,
    sql`select count(*) as n, avg(r.rating) as avg from survey_responses r where r.org_id = ${p.orgId} and ${months} ${branch}`,
  );
  const [inv] = await rows<{ sent: string; answered: string }>(
    db,
    sql`select count(*) as sent, count(i.answered_on) as answered from survey_invitations i where i.org_id = ${p.orgId} ${ibranch} and i.sent_at >= ${start}::timestamptz and i.sent_at < ${end}`,
  );
  const group = async (column: ReturnType<typeof sql>) =>
    (
      await rows<{ key: string | null; n: string; avg: string }>(
        db,
        sql`select ${column} as key, count(*) as n, avg(r.rating) as avg from survey_responses r where r.org_id = ${p.orgId} and ${months} ${branch} group by 1 order by 1`,
      )
    ).map((r) => ({ key: r.key, responses: Number(r.n), average: Math.round(Number(r.avg) * 100) / 100 }));
  const sent = Number(inv?.sent ?? 0);
  return {
    responses: Number(overall?.n ?? 0),
    average: overall?.avg === null || overall?.avg === undefined ? null : Math.round(Number(overall.avg) * 100) / 100,
    invitationsSent: sent,
    responseRate: sent === 0 ? null : Math.round((Number(inv?.answered) / sent) * 1000) / 1000,
    byMonth: await group(sql`r.month`),
    byService: await group(sql`r.service_id::text`),
    byChannel: await group(sql`r.channel`),
    byBranch: await group(sql`r.branch_id::text`),
  };
}

export async function activeBeneficiaries(db: Db, p: Period) {
  const branch = p.branchId ? sql`and b.branch_id = ${p.branchId}` : sql``;
  const byDistrict = await rows<{ district: string; n: string }>(
    db,
    sql`select b.district, count(*) as n from beneficiaries b where b.org_id = ${p.orgId} and b.status = 'active' ${branch} group by b.district order by count(*) desc, b.district`,
  );
  const bySource = await rows<{ source: string; n: string }>(
    db,
    sql`select b.water_source as source, count(*) as n from beneficiaries b where b.org_id = ${p.orgId} and b.status = 'active' ${branch} group by b.water_source order by b.water_source`,
  );
  return {
    byDistrict: byDistrict.map((r) => ({ district: r.district, count: Number(r.n) })),
    byWaterSource: bySource.map((r) => ({ source: r.source, count: Number(r.n) })),
  };
}

export async function interactionsByChannel(db: Db, p: Period) {
  const { start, end } = bounds(p);
  const branch = p.branchId
    ? sql`and exists (select 1 from beneficiaries b where b.id = i.beneficiary_id and b.branch_id = ${p.branchId})`
    : sql``;
  return (
    await rows<{ channel: string; direction: string; n: string }>(
      db,
      sql`select i.channel, i.direction, count(*) as n from interactions i where i.org_id = ${p.orgId} ${branch} and i.occurred_at >= ${start}::timestamptz and i.occurred_at < ${end} group by i.channel, i.direction order by i.channel, i.direction`,
    )
  ).map((r) => ({ channel: r.channel, direction: r.direction, count: Number(r.n) }));
}

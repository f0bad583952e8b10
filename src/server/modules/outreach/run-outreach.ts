import { and, asc, eq, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { addDays, formatDual } from '../../../common/dates';
import { OUTREACH_RULE_KEYS, OUTREACH_RULES, type OutreachRuleKey } from '../../../common/domain/outreach';
import type { Db } from '../../db/client';
import {
  applications,
  beneficiaries,
  deliveries,
  interactions,
  outreachRules,
  outreachRuns,
  services,
  tasks,
  users,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { fullName } from '../beneficiaries';
import { enqueueNotification } from '../notifications';

const AR = { locale: 'ar', digits: 'arab' } as const;
type Counts = { tasks: number; messages: number };

export async function ruleSettings(db: Db, orgId: string) {
  const rows = await db.select().from(outreachRules).where(eq(outreachRules.orgId, orgId));
  return OUTREACH_RULE_KEYS.map((key) => {
    const row = rows.find((r) => r.key === key);
    const parsed = row ? OUTREACH_RULES[key].params.safeParse(row.params) : null;
    return {
      key,
      enabled: row?.enabled ?? true,
      params: (parsed?.success ? parsed.data : OUTREACH_RULES[key].defaults) as Record<string, number>,
    };
  });
}

/** The officer who follows a branch's people up: the first active officer of the branch, else of the association. */
async function officerFor(db: Db, orgId: string, branchId: string): Promise<string | null> {
  const officers = await db
    .select({ id: users.id, branchId: users.branchId })
    .from(users)
    .where(inOrg(users, orgId, eq(users.role, 'officer'), eq(users.disabled, false)))
    .orderBy(asc(users.createdAt));
  return (officers.find((o) => o.branchId === branchId) ?? officers[0])?.id ?? null;
}

/** A task keyed by its reason: the same reason for the same record never creates a second one. */
async function addTask(
  db: Db,
  orgId: string,
  assignee: string | null,
  t: { kind: string; title: string; entityType: string; entityId: string; dedupeKey: string },
) {
  if (!assignee) return 0;
  const rows = await db
    .insert(tasks)
    .values({ orgId, assigneeUserId: assignee, ...t })
    .onConflictDoNothing()
    .returning({ id: tasks.id });
  return rows.length;
}

/** A message keyed by its reason: enqueueing the same key twice is one message. Counts only new ones. */
async function addMessage(
  db: Db,
  orgId: string,
  mobile: string,
  message: string,
  key: string,
  entity: { type: string; id: string },
) {
  const before = await db.execute(
    sql`select 1 from notifications where org_id = ${orgId} and idempotency_key = ${key}`,
  );
  if ((before as unknown as { rows: unknown[] }).rows.length > 0) return 0;
  await enqueueNotification(db, {
    orgId,
    channel: 'sms',
    recipient: mobile,
    templateKey: 'outreach',
    variables: { message },
    idempotencyKey: key,
    entityType: entity.type,
    entityId: entity.id,
  });
  return 1;
}

const RULES: Record<
  Exclude<OutreachRuleKey, 'low_satisfaction'>,
  (db: Db, orgId: string, today: string, p: Record<string, number>) => Promise<Counts>
> = {
  /** A recurring delivery coming up: remind the beneficiary a few days before. */
  async delivery_due(db, orgId, today, p) {
    const rows = await db
      .select({
        id: deliveries.id,
        date: deliveries.scheduledDate,
        mobile: beneficiaries.mobile,
        service: services.nameAr,
      })
      .from(deliveries)
      .innerJoin(
        beneficiaries,
        and(eq(beneficiaries.orgId, deliveries.orgId), eq(beneficiaries.id, deliveries.beneficiaryId)),
      )
      .innerJoin(services, and(eq(services.orgId, deliveries.orgId), eq(services.id, deliveries.serviceId)))
      .where(
        inOrg(
          deliveries,
          orgId,
          eq(deliveries.status, 'scheduled'),
          eq(beneficiaries.status, 'active'),
          lte(deliveries.scheduledDate, addDays(today, p.daysBefore!)),
          sql`${deliveries.scheduledDate} >= ${today}`,
        ),
      );
    let messages = 0;
    for (const d of rows) {
      messages += await addMessage(
        db,
        orgId,
        d.mobile,
        `تذكير: موعد ${d.service} لكم ${formatDual(d.date, AR)}.`,
        `outreach:delivery_due:${d.id}`,
        { type: 'delivery', id: d.id },
      );
    }
    return { tasks: 0, messages };
  },

  /** An active beneficiary nobody has talked to for N days: a call task for the branch's officer. */
  async no_contact(db, orgId, today, p) {
    const since = new Date(`${addDays(today, -p.days!)}T00:00:00+03:00`);
    const rows = await db
      .select({
        id: beneficiaries.id,
        branchId: beneficiaries.branchId,
        firstName: beneficiaries.firstName,
        fatherName: beneficiaries.fatherName,
        grandfatherName: beneficiaries.grandfatherName,
        familyName: beneficiaries.familyName,
        lastContact: sql<
          string | null
        >`(select max(i.occurred_at)::date::text from interactions i where i.beneficiary_id = "beneficiaries"."id")`,
      })
      .from(beneficiaries)
      .where(
        inOrg(
          beneficiaries,
          orgId,
          eq(beneficiaries.status, 'active'),
          sql`not exists (select 1 from ${interactions} i where i.beneficiary_id = "beneficiaries"."id" and i.occurred_at >= ${since.toISOString()}::timestamptz)`,
        ),
      )
      .limit(2000);
    let created = 0;
    for (const b of rows) {
      const officer = await officerFor(db, orgId, b.branchId);
      created += await addTask(db, orgId, officer, {
        kind: 'outreach_no_contact',
        title: `لم يُتواصل مع ${fullName(b)} منذ ${p.days} يوماً: اتصل للاطمئنان`,
        entityType: 'beneficiary',
        entityId: b.id,
        dedupeKey: `no_contact:${b.id}:${b.lastContact ?? 'never'}`,
      });
    }
    return { tasks: created, messages: 0 };
  },

  /** An application past the date its applicant was told: a task to follow it up with the committee. */
  async application_stalled(db, orgId, today, p) {
    const rows = await db
      .select({
        id: applications.id,
        reference: applications.reference,
        branchId: applications.branchId,
        expected: applications.expectedDecisionDate,
      })
      .from(applications)
      .where(
        inOrg(
          applications,
          orgId,
          inArray(applications.stage, ['in_committee', 'deferred']),
          isNotNull(applications.expectedDecisionDate),
          lt(applications.expectedDecisionDate, addDays(today, -p.graceDays!)),
        ),
      );
    let created = 0;
    for (const a of rows) {
      created += await addTask(db, orgId, await officerFor(db, orgId, a.branchId), {
        kind: 'outreach_stalled',
        title: `تجاوز الطلب ${a.reference} موعد القرار المتوقع: تابعه مع اللجنة وطمئن المستفيد`,
        entityType: 'application',
        entityId: a.id,
        dedupeKey: `stalled:${a.id}:${a.expected}`,
      });
    }
    return { tasks: created, messages: 0 };
  },

  /** Re-verification coming up: tell the beneficiary what to bring. */
  async reverification_due(db, orgId, today, p) {
    const rows = await db
      .select({ id: beneficiaries.id, mobile: beneficiaries.mobile, due: beneficiaries.reverifyDue })
      .from(beneficiaries)
      .where(
        inOrg(
          beneficiaries,
          orgId,
          eq(beneficiaries.status, 'active'),
          isNotNull(beneficiaries.reverifyDue),
          lte(beneficiaries.reverifyDue, addDays(today, p.daysBefore!)),
        ),
      );
    let messages = 0;
    for (const b of rows) {
      messages += await addMessage(
        db,
        orgId,
        b.mobile,
        `حان موعد تحديث بياناتكم لدى الجمعية قبل ${formatDual(b.due!, AR)}. نأمل مراجعتنا أو التواصل معنا.`,
        `outreach:reverify:${b.id}:${b.due}`,
        { type: 'beneficiary', id: b.id },
      );
    }
    return { tasks: 0, messages };
  },
};

/**
 * Runs every enabled rule once and logs the run. Safe to run as often as wanted: each rule keys what it creates
 * by person and reason, so nobody is messaged twice for the same reason.
 */
export async function runOutreach(db: Db, orgId: string, today: string, trigger: 'schedule' | 'manual') {
  const [run] = await db.insert(outreachRuns).values({ orgId, trigger }).returning({ id: outreachRuns.id });
  const results: Record<string, Counts> = {};
  for (const rule of await ruleSettings(db, orgId)) {
    if (!rule.enabled || rule.key === 'low_satisfaction') continue;
    results[rule.key] = await RULES[rule.key](db, orgId, today, rule.params);
  }
  await db.update(outreachRuns).set({ finishedAt: new Date(), results }).where(eq(outreachRuns.id, run!.id));
  return { runId: run!.id, results };
}

import { sql } from 'drizzle-orm';
import { normalizeArabic } from '../src/common/arabic';
import { makeNationalId } from '../src/common/saudi';
import type { Database, Db } from '../src/server/db/client';
import { applicationServices, applications, beneficiaries, householdMembers } from '../src/server/db/tables/index';

/** Deterministic PRNG (mulberry32): the same seed gives the same data on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

// Varied spellings on purpose (hamza forms, taa marbuta, spaced and joined عبد), as people really type them.
const FIRST = [
  'محمد',
  'أحمد',
  'احمد',
  'عبدالله',
  'عبد الله',
  'خالد',
  'فهد',
  'سعد',
  'إبراهيم',
  'ابراهيم',
  'فاطمة',
  'فاطمه',
  'نورة',
  'نوره',
  'سارة',
  'منيرة',
  'هيا',
  'عائشة',
  'مريم',
  'سلطان',
  'ناصر',
  'تركي',
  'عبدالرحمن',
  'عبد الرحمن',
  'يوسف',
  'علي',
  'عمر',
  'ليلى',
  'أسماء',
  'اسماء',
];
const FAMILY = [
  'العتيبي',
  'الحربي',
  'المطيري',
  'القحطاني',
  'الدوسري',
  'الشمري',
  'الرشيدي',
  'السبيعي',
  'الزهراني',
  'الغامدي',
  'العنزي',
  'الشهري',
  'البقمي',
  'السهلي',
  'الخالدي',
  'الجهني',
  'المالكي',
  'الحارثي',
  'الشهراني',
  'الظفيري',
];
const DISTRICTS = [
  'حي الروضة',
  'حي النخيل',
  'حي الصفا',
  'قرية الشقة',
  'قرية الخبيب',
  'حي الملك فهد',
  'حي الريان',
  'قرية البدائع',
  'حي الفيصلية',
  'قرية المريدسية',
];
const SOURCES = ['network', 'tank', 'well', 'none'] as const;
const STAGES = [
  'draft',
  'submitted',
  'verifying',
  'referred',
  'returned',
  'declared',
  'in_committee',
  'withdrawn',
] as const;

export type BenchData = { nationalIds: string[]; mobiles: string[]; beneficiaryIds: string[] };

/**
 * Bulk-loads `count` beneficiaries (with households) and 1.5 applications per beneficiary across stages.
 * Rows go in batches of 2,000 through the same Drizzle schema the app uses, on either database.
 */
export async function loadBenchData(
  db: Db,
  orgId: string,
  branchIds: string[],
  serviceIds: string[],
  count: number,
  seed = 42,
): Promise<BenchData> {
  const r = prng(seed);
  const out: BenchData = { nationalIds: [], mobiles: [], beneficiaryIds: [] };
  const batch = 2000;
  for (let start = 0; start < count; start += batch) {
    const rows: (typeof beneficiaries.$inferInsert)[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const nationalId = makeNationalId(`${i % 7 === 0 ? 2 : 1}${String(10_000_000 + i).slice(-8)}`);
      const mobile = `+96650${String(1_000_000 + i * 7)
        .padStart(7, '0')
        .slice(-7)}`;
      const [first, father, grand, family] = [r.pick(FIRST), r.pick(FIRST), r.pick(FIRST), r.pick(FAMILY)];
      const district = r.pick(DISTRICTS);
      rows.push({
        orgId,
        branchId: branchIds[i % branchIds.length]!,
        fileNumber: `2026-${String(i + 1).padStart(6, '0')}`,
        nationalId,
        firstName: first,
        fatherName: father,
        grandfatherName: grand,
        familyName: family,
        nameNorm: normalizeArabic(`${first} ${father} ${grand} ${family}`),
        gender: r.next() < 0.7 ? 'male' : 'female',
        birthDate: `${r.int(1945, 2000)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
        mobile,
        district,
        districtNorm: normalizeArabic(district),
        lat: 26 + r.next(),
        lng: 43 + r.next(),
        monthlyIncome: r.int(0, 12_000),
        housing: r.pick(['owned', 'rented', 'family', 'charity']),
        familyStatus: r.pick(['married', 'single', 'divorced', 'widowed']),
        disability: r.next() < 0.08,
        waterSource: r.pick(SOURCES),
        storageLitres: r.int(0, 5000),
        peopleAtHome: r.int(1, 12),
        status: r.next() < 0.6 ? 'active' : 'applicant',
        reverifyDue: `2027-${String(r.int(1, 12)).padStart(2, '0')}-15`,
      });
      out.nationalIds.push(nationalId);
      out.mobiles.push(mobile);
    }
    const inserted = await db
      .insert(beneficiaries)
      .values(rows)
      .returning({ id: beneficiaries.id, branchId: beneficiaries.branchId });
    out.beneficiaryIds.push(...inserted.map((b) => b.id));
    const members = inserted.flatMap((b) =>
      Array.from({ length: r.int(0, 4) }, (_, position) => ({
        orgId,
        beneficiaryId: b.id,
        name: r.pick(FIRST),
        relation: r.pick(['spouse', 'son', 'daughter', 'mother']),
        birthDate: `${r.int(1950, 2022)}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
        disability: r.next() < 0.05,
        position,
      })),
    );
    if (members.length) await db.insert(householdMembers).values(members);
    const apps = inserted.flatMap((b, k) =>
      Array.from({ length: (start + k) % 2 === 0 ? 2 : 1 }, (_, j) => ({
        orgId,
        beneficiaryId: b.id,
        branchId: b.branchId,
        reference: `APP-2026-${String(start + k).padStart(6, '0')}-${j}`,
        channel: r.pick(['meeting', 'phone', 'website', 'branch_rep']),
        stage: r.pick(STAGES),
        // To the second, as real stage changes are (day-only times made every queue page sort thousands of ties).
        stageChangedAt: new Date(Date.UTC(2026, r.int(0, 10), r.int(1, 28), r.int(0, 23), r.int(0, 59), r.int(0, 59))),
      })),
    );
    const insertedApps = await db.insert(applications).values(apps).returning({ id: applications.id });
    await db
      .insert(applicationServices)
      .values(insertedApps.map((a) => ({ orgId, applicationId: a.id, serviceId: r.pick(serviceIds) })));
  }
  return out;
}

export type ActivityCounts = { interactions: number; cases: number; deliveries: number; surveyAnswers: number };

/**
 * Generates the activity around the loaded beneficiaries inside the database (INSERT … SELECT over
 * generate_series), so millions of rows load in minutes on either database. Per beneficiary: 10 interactions over
 * three years on all eight channels, 2 cases, 3 deliveries, one survey invitation and — for 7 in 10 — a named answer,
 * plus anonymous answers for 3 in 10. Values come from hashtext() of the file number, so the data is the same on
 * every run. At 100k beneficiaries: 1M interactions, 200k cases, 300k deliveries, 100k survey answers.
 */
export async function loadActivity(
  database: Database,
  orgId: string,
  userIds: { officer: string; execution: string },
  serviceIds: string[],
  log: (line: string) => void = () => {},
): Promise<ActivityCounts> {
  const db = database.db;
  const services = sql.raw(`ARRAY[${serviceIds.map((s) => `'${s}'::uuid`).join(',')}]`);
  const channels = sql.raw(
    "ARRAY['meeting','phone','social_media','letter','enrolment_request','volunteering','website','branch_rep']",
  );
  // "Now" for the generated history is fixed, so the same seed gives the same dates whenever it runs.
  const end = "timestamptz '2026-11-20 12:00+03'";
  const time = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  let started = performance.now();
  for (let g = 1; g <= 10; g++) {
    await db.execute(sql`
      INSERT INTO interactions (org_id, channel, direction, occurred_at, user_id, summary, duration_seconds, beneficiary_id)
      SELECT b.org_id, (${channels})[1 + h % 8],
        CASE WHEN h % 3 = 0 THEN 'outbound' ELSE 'inbound' END,
        ${sql.raw(end)} - (h % (3 * 365 * 24 * 60)) * interval '1 minute',
        CASE WHEN h % 5 = 0 THEN ${userIds.execution}::uuid ELSE ${userIds.officer}::uuid END,
        (ARRAY['استفسار عن موعد التوريد','طلب تحديث رقم الجوال','متابعة حالة الطلب','شكر على الخدمة','سؤال عن شروط الاستحقاق','إبلاغ عن تسرب في الخزان'])[1 + (h / 8) % 6],
        CASE WHEN h % 8 = 1 THEN 30 + h % 600 END,
        b.id
      FROM beneficiaries b, LATERAL (SELECT abs(hashtext(b.file_number || ':i' || ${g})) AS h) x
      WHERE b.org_id = ${orgId}`);
  }
  log(`interactions in ${time(started)}`);

  started = performance.now();
  for (let g = 1; g <= 2; g++) {
    await db.execute(sql`
      INSERT INTO cases (org_id, reference, kind, priority, status, channel, subject, description, beneficiary_id,
        team, owner_user_id, branch_id, created_by, created_at, first_response_due_at, resolution_due_at,
        first_response_at, resolved_at, closed_at)
      SELECT b.org_id, 'C-' || b.file_number || '-' || ${g}, k.kind,
        (ARRAY['low','normal','normal','normal','high','urgent'])[1 + h % 6], s.status, (${channels})[1 + (h / 7) % 8],
        'موضوع ' || k.label, 'تفاصيل ' || k.label || ' كما رواها المستفيد', b.id,
        CASE WHEN h % 4 = 0 THEN 'execution' ELSE 'relations' END,
        CASE WHEN h % 4 = 0 THEN ${userIds.execution}::uuid ELSE ${userIds.officer}::uuid END,
        b.branch_id, ${userIds.officer}::uuid, t.created, t.created + interval '8 hours', t.created + interval '5 days',
        CASE WHEN s.status <> 'new' THEN t.created + (h % 20) * interval '1 hour' END,
        CASE WHEN s.status IN ('resolved','closed') THEN t.created + (h % 9) * interval '1 day' END,
        CASE WHEN s.status = 'closed' THEN t.created + (h % 9 + 3) * interval '1 day' END
      FROM beneficiaries b,
        LATERAL (SELECT abs(hashtext(b.file_number || ':c' || ${g})) AS h) x,
        LATERAL (SELECT ${sql.raw(end)} - (x.h % (3 * 365 * 24 * 60)) * interval '1 minute' AS created) t,
        LATERAL (SELECT (ARRAY['inquiry','inquiry','complaint','suggestion','praise','service_request'])[1 + x.h % 6] AS kind,
                        (ARRAY['استفسار','استفسار','شكوى','اقتراح','شكر','طلب خدمة'])[1 + x.h % 6] AS label) k,
        LATERAL (SELECT CASE
          WHEN t.created < ${sql.raw(end)} - interval '30 days' THEN (ARRAY['closed','closed','closed','resolved'])[1 + x.h % 4]
          ELSE (ARRAY['new','in_progress','referred','waiting_beneficiary','resolved','closed'])[1 + x.h % 6] END AS status) s
      WHERE b.org_id = ${orgId}`);
  }
  log(`cases in ${time(started)}`);

  started = performance.now();
  for (let g = 1; g <= 3; g++) {
    await db.execute(sql`
      INSERT INTO deliveries (org_id, beneficiary_id, service_id, branch_id, scheduled_date, assignee_user_id, status,
        sequence, completed_at, recipient_name, failure_reason, completed_by)
      SELECT b.org_id, b.id, (${services})[1 + h % ${serviceIds.length}], b.branch_id, d.day, ${userIds.execution}::uuid,
        st.status, ${g},
        CASE WHEN st.status IN ('delivered','failed') THEN d.day + time '10:00' + (h % 360) * interval '1 minute' END,
        CASE WHEN st.status = 'delivered' THEN b.first_name END,
        CASE WHEN st.status = 'failed' THEN 'لم يكن أحد في الموقع' END,
        CASE WHEN st.status IN ('delivered','failed') THEN ${userIds.execution}::uuid END
      FROM beneficiaries b,
        LATERAL (SELECT abs(hashtext(b.file_number || ':d' || ${g})) AS h) x,
        LATERAL (SELECT (date '2026-12-20' - x.h % (3 * 365)) AS day) d,
        LATERAL (SELECT CASE WHEN d.day > date '2026-11-20' THEN 'scheduled'
          ELSE (ARRAY['delivered','delivered','delivered','delivered','delivered','delivered','delivered','delivered','failed','cancelled'])[1 + x.h % 10] END AS status) st
      WHERE b.org_id = ${orgId}`);
  }
  log(`deliveries in ${time(started)}`);

  started = performance.now();
  await db.execute(sql`
    INSERT INTO survey_invitations (org_id, token_hash, trigger, trigger_entity_id, beneficiary_id, mobile, service_id,
      channel, branch_id, owner_user_id, sent_at, expires_at, answered_on)
    SELECT b.org_id, md5('bench-survey:' || b.id), v.trigger, 'bench-' || b.file_number, b.id, b.mobile,
      (${services})[1 + h % ${serviceIds.length}], (${channels})[1 + (h / 3) % 8], b.branch_id, ${userIds.officer}::uuid,
      v.sent, v.sent + interval '14 days', CASE WHEN h % 10 < 7 THEN (v.sent + interval '2 days')::date END
    FROM beneficiaries b,
      LATERAL (SELECT abs(hashtext(b.file_number || ':s')) AS h) x,
      LATERAL (SELECT (ARRAY['case_resolved','delivery_done','application_decided'])[1 + x.h % 3] AS trigger,
                      ${sql.raw(end)} - (x.h % (3 * 365)) * interval '1 day' - interval '3 days' AS sent) v
    WHERE b.org_id = ${orgId}`);
  // Named answers point to their invitation; anonymous ones keep only what reports group by.
  await db.execute(sql`
    INSERT INTO survey_responses (org_id, invitation_id, anonymous, trigger, service_id, channel, branch_id, month, rating, answers)
    SELECT i.org_id, i.id, false, i.trigger, i.service_id, i.channel, i.branch_id, to_char(i.answered_on, 'YYYY-MM'),
      (ARRAY[5,5,5,4,4,4,3,2,1,5])[1 + abs(hashtext(i.token_hash)) % 10], '{}'::jsonb
    FROM survey_invitations i WHERE i.org_id = ${orgId} AND i.answered_on IS NOT NULL AND i.trigger_entity_id LIKE 'bench-%'`);
  await db.execute(sql`
    INSERT INTO survey_responses (org_id, invitation_id, anonymous, trigger, service_id, channel, branch_id, month, rating, answers)
    SELECT b.org_id, NULL, true, (ARRAY['case_resolved','delivery_done','application_decided'])[1 + h % 3],
      (${services})[1 + h % ${serviceIds.length}], (${channels})[1 + (h / 3) % 8], b.branch_id,
      to_char(${sql.raw(end)} - (h % (3 * 365)) * interval '1 day', 'YYYY-MM'),
      (ARRAY[5,4,4,3,3,2,1,5,4,5])[1 + (h / 7) % 10], '{}'::jsonb
    FROM beneficiaries b, LATERAL (SELECT abs(hashtext(b.file_number || ':a')) AS h) x
    WHERE b.org_id = ${orgId} AND h % 10 < 3`);
  log(`survey answers in ${time(started)}`);

  const countOf = async (table: string) => {
    const result = await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
    return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
  };
  return {
    interactions: await countOf('interactions'),
    cases: await countOf('cases'),
    deliveries: await countOf('deliveries'),
    surveyAnswers: await countOf('survey_responses'),
  };
}

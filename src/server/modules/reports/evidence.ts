import { eq, sql } from 'drizzle-orm';
import { toArabicDigits } from '../../../common/arabic';
import { formatDual, formatNumber, riyadhDate } from '../../../common/dates';
import type { Db } from '../../db/client';
import { organizations } from '../../db/tables/index';
import { esc, printPage } from '../../print/html';
import { searchKnowledge } from '../knowledge';
import { getSettings } from '../settings';
import { casesSummary, decisionTimes, interactionsByChannel, type Period, satisfaction } from './kpis';
import { label } from './labels';

const AR = { locale: 'ar', digits: 'arab' } as const;
const n = (v: number | null | undefined, suffix = '') =>
  v === null || v === undefined ? '—' : `${formatNumber(v, AR)}${suffix}`;
const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(Math.round(v * 100), AR)}٪`);

async function count(db: Db, query: ReturnType<typeof sql>): Promise<Record<string, number>> {
  const result = await db.execute(query);
  const row = (result as unknown as { rows: Record<string, string>[] }).rows[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/**
 * The governance evidence report (for the board and the regulator): for a period, that the policy was applied —
 * the policy in force, applications and the two-week target, channels used, satisfaction measured and acted on,
 * suggestions and their outcomes, complaints and their resolution times, service at the beneficiary's home,
 * referrals and declarations. It cites the board's approval of the policy from the settings (minutes and date).
 */
export async function renderEvidence(db: Db, p: Period): Promise<string> {
  const [org] = await db
    .select({ nameAr: organizations.nameAr })
    .from(organizations)
    .where(eq(organizations.id, p.orgId));
  const settings = await getSettings(db, p.orgId);
  const [policy] = await searchKnowledge(db, p.orgId, { kinds: ['policies_manual'], today: p.to });
  const [decisions, casesKpi, channels, sat] = await Promise.all([
    decisionTimes(db, p),
    casesSummary(db, p),
    interactionsByChannel(db, p),
    satisfaction(db, p),
  ]);
  const start = `${p.from}T00:00:00+03:00`;
  const end = sql`(${p.to}::date + 1)::timestamp at time zone 'Asia/Riyadh'`;
  const followUps = await count(
    db,
    sql`select count(*) as created, count(done_at) as done from tasks where org_id = ${p.orgId} and kind = 'low_satisfaction' and created_at >= ${start}::timestamptz and created_at < ${end}`,
  );
  const suggestions = await count(
    db,
    sql`select count(*) as received,
          count(*) filter (where outcome = 'accepted') as accepted,
          count(*) filter (where outcome = 'under_study') as under_study,
          count(*) filter (where outcome = 'declined') as declined,
          count(*) filter (where outcome is null) as pending
        from cases where org_id = ${p.orgId} and kind = 'suggestion' and created_at >= ${start}::timestamptz and created_at < ${end}`,
  );
  const complaints = await count(
    db,
    sql`select count(*) as received, count(resolved_at) as resolved,
          coalesce(avg(extract(epoch from (resolved_at - created_at)) / 3600.0), 0) as avg_hours,
          count(*) filter (where resolved_at <= resolution_due_at) as within
        from cases where org_id = ${p.orgId} and kind = 'complaint' and created_at >= ${start}::timestamptz and created_at < ${end}`,
  );
  const branchOf = (alias: string) => (p.branchId ? sql`and ${sql.raw(alias)}.branch_id = ${p.branchId}` : sql``);
  const visits = await count(
    db,
    sql`select count(*) filter (where status = 'delivered') as delivered,
          count(*) filter (where status = 'delivered' and lat is not null) as pinned,
          count(*) filter (where status = 'delivered' and window_from is not null) as agreed,
          count(*) filter (where status = 'failed') as failed
        from deliveries d where org_id = ${p.orgId} and completed_at >= ${start}::timestamptz and completed_at < ${end} ${branchOf('d')}`,
  );
  const inspections = await count(
    db,
    sql`select count(*) as recorded,
          count(*) filter (where outcome = 'suitable') as suitable,
          count(*) filter (where lat is not null) as pinned
        from home_inspections i where org_id = ${p.orgId} and recorded_at >= ${start}::timestamptz and recorded_at < ${end} ${branchOf('i')}`,
  );
  // Referrals to the execution officer (applications and cases): asked in the period, answered, how fast.
  const appBranch = p.branchId ? sql`and a.branch_id = ${p.branchId}` : sql``;
  const referrals = await count(
    db,
    sql`with sent as (
          select t.application_id, t.at,
            (select min(r.at) from application_transitions r
              where r.org_id = t.org_id and r.application_id = t.application_id and r.from_stage = 'referred' and r.at >= t.at) as answered_at
          from application_transitions t join applications a on a.org_id = t.org_id and a.id = t.application_id
          where t.org_id = ${p.orgId} and t.to_stage = 'referred' and t.at >= ${start}::timestamptz and t.at < ${end} ${appBranch})
        select count(*) as sent, count(answered_at) as answered,
          coalesce(avg(extract(epoch from (answered_at - at)) / 3600.0), 0) as avg_hours
        from sent`,
  );
  const caseBranch = p.branchId ? sql`and c.branch_id = ${p.branchId}` : sql``;
  const caseReferrals = await count(
    db,
    sql`select count(*) filter (where m.body like '% → referred%') as sent,
          count(*) filter (where m.body like 'referred → %') as answered
        from case_messages m join cases c on c.org_id = m.org_id and c.id = m.case_id
        where m.org_id = ${p.orgId} and m.kind = 'status' and m.at >= ${start}::timestamptz and m.at < ${end} ${caseBranch}`,
  );
  // Declarations (الإقرار): every application raised to the committee carries one, signed or ticked, by channel.
  const declared = await count(
    db,
    sql`select count(*) as total,
          count(*) filter (where d.method = 'signature') as signed,
          count(*) filter (where d.method = 'checkbox') as ticked,
          count(*) filter (where d.witness_user_id is not null) as witnessed
        from declarations d join applications a on a.org_id = d.org_id and a.id = d.application_id
        where d.org_id = ${p.orgId} and d.at >= ${start}::timestamptz and d.at < ${end} ${appBranch}`,
  );
  const raisedWithout = await count(
    db,
    sql`select count(*) as n from applications a
        where a.org_id = ${p.orgId} and a.raised_at >= ${start}::timestamptz and a.raised_at < ${end} ${appBranch}
          and not exists (select 1 from declarations d where d.org_id = a.org_id and d.application_id = a.id)`,
  );
  // Registrations completed in the period by the day they were completed (a recorded correction moves it), and
  // the corrections themselves: a record changed after the fact is counted, never hidden.
  const registrations = await count(
    db,
    sql`select count(*) as completed from application_transitions t join applications a on a.org_id = t.org_id and a.id = t.application_id
        where t.org_id = ${p.orgId} and t.to_stage = 'enrolled' and t.at >= ${start}::timestamptz and t.at < ${end} ${branchOf('a')}`,
  );
  const corrections = await count(
    db,
    sql`select count(*) filter (where c.subject = 'delivery') as deliveries,
          count(*) filter (where c.subject = 'registration') as registrations
        from record_corrections c left join applications a on a.org_id = c.org_id and a.id = c.application_id
        where c.org_id = ${p.orgId} and c.corrected_at >= ${start}::timestamptz and c.corrected_at < ${end} ${branchOf('a')}`,
  );
  const channelTotals = new Map<string, number>();
  for (const c of channels) channelTotals.set(c.channel, (channelTotals.get(c.channel) ?? 0) + c.count);
  const body = `
<div class="meta"><div>الفترة: من ${esc(formatDual(p.from, AR))} إلى ${esc(formatDual(p.to, AR))}</div><div>تاريخ الإصدار: ${esc(formatDual(riyadhDate(new Date()), AR))}</div></div>
<h1>تقرير شواهد تطبيق سياسة تنظيم العلاقة مع المستفيدين</h1>
<h2>١. السياسة المعتمدة</h2>
<p class="approval">اعتمد مجلس الإدارة سياسة تنظيم العلاقة مع المستفيدين بموجب المحضر رقم ${esc(toArabicDigits(settings.boardApprovalMinutesNo))} بتاريخ ${esc(formatDual(settings.boardApprovalDate, AR))}.</p>
<p>${policy ? `${esc(policy.titleAr)} — الإصدار ${n(policy.version)}، معتمد بموجب ${esc(policy.approvalRef)} بتاريخ ${esc(formatDual(policy.approvedOn, AR))}، ونافذ من ${esc(formatDual(policy.effectiveFrom, AR))}.` : 'لم تُسجل في النظام وثيقة سياسة نافذة في هذه الفترة.'}</p>
<h2>٢. طلبات الالتحاق ومدة القرار</h2>
<table><tbody>
<tr><th>الطلبات الواردة في الفترة</th><td>${n(decisions.received)}</td></tr>
<tr><th>القرارات الصادرة (قبول أو رفض)</th><td>${n(decisions.decided)}</td></tr>
<tr><th>متوسط مدة القرار من الرفع للجنة</th><td>${n(decisions.averageDays, ' يوم')}</td></tr>
<tr><th>القرارات ضمن الموعد المُبلَّغ للمستفيد (${n(settings.committeeTargetDays)} يوماً)</th><td>${n(decisions.withinTarget)} (${pct(decisions.withinTargetShare)})</td></tr>
</tbody></table>
<h2>٣. قنوات التواصل المستخدمة</h2>
<table><thead><tr><th>القناة</th><th>عدد مرات التواصل</th></tr></thead><tbody>
${[...channelTotals].map(([channel, total]) => `<tr><td>${esc(label('channel', channel))}</td><td>${n(total)}</td></tr>`).join('') || '<tr><td colspan="2">لا يوجد تواصل مسجل في الفترة.</td></tr>'}
</tbody></table>
<h2>٤. قياس رضا المستفيدين</h2>
<table><tbody>
<tr><th>روابط التقييم المرسلة</th><td>${n(sat.invitationsSent)}</td></tr>
<tr><th>الردود المستلمة</th><td>${n(sat.responses)} (نسبة الاستجابة ${pct(sat.responseRate)})</td></tr>
<tr><th>متوسط التقييم من ٥</th><td>${n(sat.average)}</td></tr>
<tr><th>مهام المتابعة للتقييمات المنخفضة</th><td>${n(followUps.created)} أُنجز منها ${n(followUps.done)}</td></tr>
</tbody></table>
<p>التقييم حق للمستفيد وأداة للتطوير لا للمحاسبة أو التشهير؛ لذا يُعرض حسب الخدمة والقناة والفرع والشهر، ولا يُرتب فيه الموظفون بأسمائهم.</p>
<h2>٥. المقترحات ونتائجها</h2>
<table><tbody>
<tr><th>المقترحات الواردة</th><td>${n(suggestions.received)}</td></tr>
<tr><th>قُبلت</th><td>${n(suggestions.accepted)}</td></tr>
<tr><th>قيد الدراسة</th><td>${n(suggestions.under_study)}</td></tr>
<tr><th>اعتُذر عنها مع بيان السبب</th><td>${n(suggestions.declined)}</td></tr>
<tr><th>لم تُحدد نتيجتها بعد</th><td>${n(suggestions.pending)}</td></tr>
</tbody></table>
<h2>٦. الشكاوى ومدد معالجتها</h2>
<table><tbody>
<tr><th>الشكاوى الواردة</th><td>${n(complaints.received)}</td></tr>
<tr><th>عولجت</th><td>${n(complaints.resolved)}</td></tr>
<tr><th>متوسط مدة المعالجة</th><td>${n(Math.round((complaints.avg_hours ?? 0) * 10) / 10, ' ساعة')}</td></tr>
<tr><th>عولجت ضمن المدة المحددة</th><td>${n(complaints.within)}</td></tr>
<tr><th>نسبة الرد الأول ضمن المدة (جميع الأنواع)</th><td>${pct(casesKpi.firstResponse.metShare)}</td></tr>
</tbody></table>
<h2>٧. تقديم الخدمة في موقع المستفيد ومعاينة المنازل</h2>
<table><tbody>
<tr><th>زيارات سُلِّمت فيها الخدمة</th><td>${n(visits.delivered)}</td></tr>
<tr><th>منها بموقع مسجَّل عند الباب</th><td>${n(visits.pinned)}</td></tr>
<tr><th>منها في موعد وفترة متفق عليهما مع المستفيد</th><td>${n(visits.agreed)}</td></tr>
<tr><th>زيارات تعذّر فيها التسليم (مع السبب)</th><td>${n(visits.failed)}</td></tr>
<tr><th>معاينات منازل سجّلها مندوبو الفروع</th><td>${n(inspections.recorded)} (مناسبة: ${n(inspections.suitable)}، بموقع مسجَّل: ${n(inspections.pinned)})</td></tr>
<tr><th>طلبات اكتمل تسجيلها</th><td>${n(registrations.completed)}</td></tr>
<tr><th>تصحيحات مسجَّلة بسببها</th><td>نتائج زيارات: ${n(corrections.deliveries)}، اكتمال تسجيل: ${n(corrections.registrations)}</td></tr>
</tbody></table>
<h2>٨. الإحالات إلى مسؤول التنفيذ</h2>
<table><tbody>
<tr><th>طلبات التحاق أُحيلت للتحقق</th><td>${n(referrals.sent)}</td></tr>
<tr><th>أُجيب عنها</th><td>${n(referrals.answered)}</td></tr>
<tr><th>متوسط مدة الإجابة</th><td>${n(Math.round((referrals.avg_hours ?? 0) * 10) / 10, ' ساعة')}</td></tr>
<tr><th>حالات (استفسارات وشكاوى وطلبات) أُحيلت</th><td>${n(caseReferrals.sent)} أُجيب منها ${n(caseReferrals.answered)}</td></tr>
</tbody></table>
<h2>٩. إقرارات المتقدمين</h2>
<table><tbody>
<tr><th>إقرارات سُجّلت في الفترة</th><td>${n(declared.total)}</td></tr>
<tr><th>بتوقيع المتقدم</th><td>${n(declared.signed)}</td></tr>
<tr><th>بالموافقة على النص</th><td>${n(declared.ticked)}</td></tr>
<tr><th>بحضور موظف شاهد</th><td>${n(declared.witnessed)}</td></tr>
<tr><th>طلبات رُفعت للجنة دون إقرار</th><td>${n(raisedWithout.n)}</td></tr>
</tbody></table>
<p class="footnote" style="font-size:0.85em">طريقة الحساب: الرد الأول هو أول رد وصل إلى الشخص (رسالة أُرسلت إليه أو تواصل مسجَّل معه على الحالة)، لا تغيير حالتها إلى «قيد المعالجة»؛ وتُحسب المدد بساعات العمل. مدة القرار من رفع الطلب للجنة إلى قرارها، و«ضمن الموعد» يعني صدوره في موعد القرار المُبلَّغ للمتقدم أو قبله. تُرسل دعوة تقييم واحدة للشخص في كل مدة محددة. الزيارات والمعاينات تُعد بتاريخ تسجيلها في الفترة، وتسجّل المعاينة من أُسندت إليه وحده. الإحالة تُعد بتاريخ إرسالها، ومدة الإجابة من الإحالة إلى أول رد عليها. الإقرار يُعد بتاريخ تسجيله. وتُحسب الأرقام بالقيم المصحَّحة بعد كل تصحيح مسجَّل بسببه.</p>
<div class="signatures"><div>المدير التنفيذي<br>التوقيع:</div><div>رئيس مجلس الإدارة<br>التوقيع:</div></div>`;
  return printPage({
    title: 'تقرير شواهد تطبيق السياسة',
    orgNameAr: org?.nameAr ?? '',
    letterhead: settings.letterheadAr,
    body,
  });
}

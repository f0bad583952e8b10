import { eq } from 'drizzle-orm';
import { addDays, formatDateTime, formatDual, formatNumber, riyadhDate } from '../../../common/dates';
import { organizations } from '../../db/tables/index';
import { AppError } from '../../errors';
import type { Deps, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { esc, printPage } from '../../print/html';
import { listApplicationServices, loadApplicationFor } from '../applications';
import { fullName, getBeneficiary } from '../beneficiaries';
import { getSettings } from '../settings';
import { getMeeting, lastDecision, listAgenda, listAttendees, listVotes } from './queries';

const AR = { locale: 'ar', digits: 'arab' } as const;
const DECISION_AR: Record<string, string> = { accepted: 'قبول', rejected: 'رفض', deferred: 'تأجيل' };
const num = (s: string | number) => `<span class="num">${esc(typeof s === 'number' ? formatNumber(s, AR) : s)}</span>`;

async function orgName(deps: Deps, orgId: string) {
  const [org] = await deps.db
    .select({ nameAr: organizations.nameAr })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return org?.nameAr ?? '';
}

/** The meeting minutes (محضر الاجتماع): attendees, every agenda item with its decision and votes, signatures. */
export async function renderMinutes(deps: Deps, user: SessionUser, meetingId: string): Promise<string> {
  const meeting = await getMeeting(deps.db, user.orgId, meetingId);
  if (!meeting) throw new AppError('committee.meeting_not_found');
  authorize(user, 'committee.read', { orgId: meeting.orgId });
  const [attendees, agenda, votes, settings, org] = await Promise.all([
    listAttendees(deps.db, user.orgId, meetingId),
    listAgenda(deps.db, user.orgId, meetingId),
    listVotes(deps.db, user.orgId, meetingId),
    getSettings(deps.db, user.orgId),
    orgName(deps, user.orgId),
  ]);
  const reasonLabel = new Map(settings.rejectionReasons.map((r) => [r.code, r.labelAr]));
  const chair = attendees.find((a) => a.userId === meeting.chairUserId);
  const rows = agenda
    .map((item, i) => {
      const itemVotes = votes.filter((v) => v.agendaItemId === item.id);
      const tally = ['accept', 'reject', 'defer'].map((v) => itemVotes.filter((x) => x.vote === v).length);
      const reasons = (item.reasonCodes ?? []).map((c) => reasonLabel.get(c) ?? c).join('، ');
      return `<tr><td>${num(i + 1)}</td><td>${num(item.reference)}${item.isAppeal ? ' (تظلم)' : ''}</td><td>${esc(fullName(item))}</td><td>${item.score === null ? '—' : num(item.score)}</td><td>${num(tally[0]!)} / ${num(tally[1]!)} / ${num(tally[2]!)}</td><td>${item.decision ? esc(DECISION_AR[item.decision]) : 'لم يُبت فيه'}${reasons ? `: ${esc(reasons)}` : ''}${item.decisionNote ? ` — ${esc(item.decisionNote)}` : ''}</td><td>${item.letterReference ? num(item.letterReference) : '—'}</td></tr>`;
    })
    .join('\n');
  // Minutes printed before the meeting closes are a draft, and say so on the page.
  const draft =
    meeting.status === 'closed'
      ? ''
      : '<p class="draft-mark" style="border:2px dashed #b91c1c;color:#b91c1c;font-weight:bold;text-align:center;padding:6px;margin:0 0 12px">مسودة — لم يُغلق الاجتماع بعد، ولا يُعتمد هذا المحضر قبل إغلاقه</p>';
  const times = [
    meeting.openedAt ? `افتُتح: ${esc(formatDateTime(meeting.openedAt, AR))}` : '',
    meeting.closedAt ? `أُغلق: ${esc(formatDateTime(meeting.closedAt, AR))}` : '',
  ].filter(Boolean);
  const body = `
${draft}<div class="meta"><div>رقم المحضر: ${num(meeting.reference)}</div><div>التاريخ: ${esc(formatDual(meeting.scheduledAt, AR))}</div></div>
${times.length > 0 ? `<p class="meeting-times">${times.join(' — ')}</p>` : ''}
<h1>محضر اجتماع لجنة دراسة طلبات الالتحاق</h1>
<p>اجتمعت لجنة دراسة طلبات الالتحاق بخدمات الجمعية${meeting.location ? ` في ${esc(meeting.location)}` : ''} برئاسة ${esc(chair?.displayName ?? '')}، ودرست الطلبات المرفوعة إليها وفق آلية اختيار المستفيدين المعتمدة، وقررت ما يلي:</p>
<h2>الحضور</h2>
<table><thead><tr><th>العضو</th><th>الحضور</th></tr></thead><tbody>
${attendees.map((a) => `<tr><td>${esc(a.displayName)}${a.userId === meeting.chairUserId ? ' (رئيس اللجنة)' : ''}</td><td>${a.present ? 'حاضر' : 'غائب'}</td></tr>`).join('\n')}
</tbody></table>
<h2>الطلبات والقرارات</h2>
<table><thead><tr><th>م</th><th>رقم الطلب</th><th>مقدم الطلب</th><th>درجة الأولوية</th><th>الأصوات (قبول / رفض / تأجيل)</th><th>القرار</th><th>رقم الخطاب</th></tr></thead><tbody>
${rows || '<tr><td colspan="7">لا توجد طلبات على جدول الأعمال.</td></tr>'}
</tbody></table>
<div class="signatures">${attendees.map((a) => `<div>${esc(a.displayName)}<br>${a.userId === meeting.chairUserId ? 'رئيس اللجنة' : 'عضو اللجنة'}<br>التوقيع:</div>`).join('')}</div>
<footer>حُرر هذا المحضر بنظام وصل لإدارة علاقات المستفيدين.</footer>`;
  return printPage({
    title: `${meeting.status === 'closed' ? '' : 'مسودة — '}محضر اجتماع اللجنة ${meeting.reference}`,
    orgNameAr: org,
    letterhead: settings.letterheadAr,
    body,
  });
}

/** The decision letter (خطاب القرار) to one applicant: acceptance, or rejection with reasons and the appeal deadline. */
export async function renderDecisionLetter(deps: Deps, user: SessionUser, applicationId: string): Promise<string> {
  const app = await loadApplicationFor(deps, user, applicationId);
  const decision = await lastDecision(deps.db, user.orgId, applicationId);
  if (!decision?.decision || decision.decision === 'deferred' || !decision.letterReference || !decision.decidedAt) {
    throw new AppError('committee.no_letter');
  }
  const [beneficiary, services, settings, org, meeting] = await Promise.all([
    getBeneficiary(deps.db, user.orgId, app.beneficiaryId),
    listApplicationServices(deps.db, user.orgId, [app.id]),
    getSettings(deps.db, user.orgId),
    orgName(deps, user.orgId),
    getMeeting(deps.db, user.orgId, decision.meetingId),
  ]);
  const name = fullName(beneficiary!);
  const serviceNames = services.map((s) => s.nameAr).join('، ');
  const reasons = (decision.reasonCodes ?? []).map(
    (c) => settings.rejectionReasons.find((r) => r.code === c)?.labelAr ?? c,
  );
  const appealBy = addDays(riyadhDate(decision.decidedAt), settings.appealWindowDays);
  const text =
    decision.decision === 'accepted'
      ? `<p>نفيدكم بأن لجنة دراسة طلبات الالتحاق قررت في اجتماعها رقم ${num(meeting?.reference ?? '')} <strong>قبول</strong> طلبكم رقم ${num(app.reference)} للالتحاق بخدمة: ${esc(serviceNames)}.</p>
<p>سيتواصل معكم موظف علاقات المستفيدين لاستكمال إجراءات التسجيل، ثم تُقدَّم لكم الخدمة في موقعكم.</p>`
      : `<p>نفيدكم بأن لجنة دراسة طلبات الالتحاق درست طلبكم رقم ${num(app.reference)} للالتحاق بخدمة: ${esc(serviceNames)}، وقررت في اجتماعها رقم ${num(meeting?.reference ?? '')} <strong>عدم قبوله</strong> للأسباب الآتية:</p>
<ul>${reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>
${decision.decisionNote ? `<p>${esc(decision.decisionNote)}</p>` : ''}
<p>ويحق لكم التظلم من هذا القرار حتى تاريخ ${esc(formatDual(appealBy, AR))}، بمراجعة الجمعية أو عبر أي من قنوات التواصل المعتمدة.</p>`;
  const body = `
<div class="meta"><div>الرقم: ${num(decision.letterReference)}</div><div>التاريخ: ${esc(formatDual(decision.decidedAt, AR))}</div></div>
<p>المكرم/ ${esc(name)} &nbsp; حفظه الله</p>
<p>السلام عليكم ورحمة الله وبركاته، وبعد:</p>
${text}
<p>شاكرين لكم تواصلكم مع الجمعية.</p>
<div class="signatures"><div>رئيس لجنة دراسة الطلبات<br>التوقيع:</div><div>الختم</div></div>`;
  return printPage({
    title: `خطاب قرار ${decision.letterReference}`,
    orgNameAr: org,
    letterhead: settings.letterheadAr,
    body,
  });
}

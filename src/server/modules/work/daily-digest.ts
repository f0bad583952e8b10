import { and, eq, isNotNull } from 'drizzle-orm';
import { toArabicDigits } from '../../../common/arabic';
import { formatDual, riyadhDate } from '../../../common/dates';
import ui from '../../../common/i18n/ar/ui.json';
import type { Db } from '../../db/client';
import { notifications, users } from '../../db/tables/index';
import type { SessionUser } from '../../http/context';
import { enqueueNotification } from '../notifications';
import { getSettings } from '../settings';
import { getMyWork } from './get-my-work';
import { listNotifications } from './queries';

/** The digest goes out from this hour of the Riyadh morning, once a day. */
export const DIGEST_HOUR = 7;
/** Unread notices listed by name in one e-mail; the rest are counted. */
const NOTICES_LISTED = 15;

const KIND_LABELS = ui.work.kinds as Record<string, string>;
const NOTICE_TEXTS = ui.work.notice as Record<string, string>;
const DECISIONS = ui.work.decision as Record<string, string>;

function riyadhHour(now: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Riyadh', hour: '2-digit', hourCycle: 'h23' }).format(now),
  );
}

/** The same words the bell shows, with the reference and the actor's name filled in. */
function noticeLine(n: { kind: string; reference: string; detail: string | null; actorName: string | null }): string {
  const template = NOTICE_TEXTS[n.kind] ?? n.kind;
  const decision = n.kind === 'application_decided' && n.detail ? (DECISIONS[n.detail] ?? n.detail) : '';
  const line = template
    .replace('{{actor}}', n.actorName ?? NOTICE_TEXTS.someone ?? '')
    .replace('{{reference}}', n.reference)
    .replace('{{decision}}', decision);
  return n.kind === 'referral_answered' && n.detail ? `${line}: «${n.detail}»` : line;
}

export type DigestRun = { sent: number; skippedEmpty: number; alreadySent: number };

/**
 * The optional daily e-mail (issue 12, item 2): to each active staff member who opted in and gave an address,
 * one message a working day through the outbox listing their unread notices and their My work counts. Nothing is sent
 * when both are empty. Notices are never of the user's own actions (staff_notifications refuses those), and the
 * outbox key `digest:<user>:<day>` makes a second run on the same day, on any instance, a no-op.
 */
export async function sendDailyDigests(
  db: Db,
  orgId: string,
  opts: { now?: Date; publicUrl: string; force?: boolean },
): Promise<DigestRun> {
  const now = opts.now ?? new Date();
  const run: DigestRun = { sent: 0, skippedEmpty: 0, alreadySent: 0 };
  // Before the working morning there is nothing to send yet; the hourly job tries again.
  if (!opts.force && riyadhHour(now) < DIGEST_HOUR) return run;
  const day = riyadhDate(now);
  // Working days only (the association's calendar): nobody wants the office's digest on a Friday or a holiday.
  const settings = await getSettings(db, orgId);
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  if (!opts.force && (!settings.workDays.includes(weekday) || settings.publicHolidays.includes(day))) return run;
  const people = await db
    .select({
      id: users.id,
      orgId: users.orgId,
      branchId: users.branchId,
      role: users.role,
      username: users.username,
      displayName: users.displayName,
      locale: users.locale,
      digits: users.digits,
      email: users.email,
    })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.dailyDigest, true), eq(users.disabled, false), isNotNull(users.email)));
  for (const person of people) {
    const key = `digest:${person.id}:${day}`;
    const [done] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.orgId, orgId), eq(notifications.idempotencyKey, key)));
    if (done) {
      run.alreadySent += 1;
      continue;
    }
    const user = {
      ...person,
      role: person.role as SessionUser['role'],
      locale: person.locale === 'en' ? 'en' : 'ar',
      digits: person.digits === 'latn' ? 'latn' : 'arab',
      totpEnabled: false,
      totpRequired: false,
      mustChangePassword: false,
    } satisfies SessionUser;
    const unread = await listNotifications(db, orgId, person.id, 200, true);
    const work = await getMyWork(db, user, { limit: 1 });
    const waiting = work.kinds.filter((k) => k.countsTowardTotal && k.count > 0);
    if (unread.length === 0 && waiting.length === 0) {
      run.skippedEmpty += 1;
      continue;
    }
    // References and counts follow the user's digits preference, as on their screens.
    const digits = (s: string) => (user.digits === 'arab' ? toArabicDigits(s) : s);
    const count = (n: number, capped = false) => digits(`${n}${capped ? '+' : ''}`);
    const noticeLines = unread.slice(0, NOTICES_LISTED).map((n) => `• ${digits(noticeLine(n))}`);
    if (unread.length > NOTICES_LISTED) noticeLines.push(`• و${count(unread.length - NOTICES_LISTED)} غيرها`);
    const workLines = waiting.map((k) => `• ${KIND_LABELS[k.kind] ?? k.kind}: ${count(k.count, k.capped)}`);
    await enqueueNotification(db, {
      orgId,
      channel: 'email',
      recipient: person.email!,
      templateKey: 'staff_digest',
      variables: {
        name: person.displayName,
        date: formatDual(day, { locale: 'ar', digits: user.digits }),
        unreadCount: count(unread.length),
        notices: noticeLines.length > 0 ? noticeLines.join('\n') : '• لا توجد',
        workTotal: count(work.total, work.totalCapped),
        work: workLines.length > 0 ? workLines.join('\n') : '• لا شيء ينتظرك',
        link: `${opts.publicUrl}/`,
      },
      idempotencyKey: key,
      entityType: 'user',
      entityId: person.id,
    });
    run.sent += 1;
  }
  return run;
}

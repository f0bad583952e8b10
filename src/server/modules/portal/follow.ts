import { createHash, randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { replyTimeAr, replyTimesFrom } from '../../../common/domain/reply-time';
import { cases } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import type { Deps, RequestMeta } from '../../http/context';
import { publicUrlOf } from '../../http/host-org';
import { createCase, listMessages } from '../cases';
import { enqueueNotification } from '../notifications';
import { getSettings } from '../settings';
import { consumeOtp, issueOtp } from './otp';

export const followHash = (key: string) => createHash('sha256').update(key).digest('hex');

/** Working hours in a working day, from the association's calendar (the SLA clock counts the same way). */
export const workdayHours = (s: { workStartMinute: number; workEndMinute: number }) =>
  Math.max(1, (s.workEndMinute - s.workStartMinute) / 60);

export type PortalCaseInput = {
  /** A service request is never chosen by the person: it is the neutral path of an application (portal.ts). */
  kind: 'inquiry' | 'complaint' | 'suggestion' | 'service_request';
  subject: string;
  description: string;
  name?: string;
  mobile?: string;
  anonymous: boolean;
};

/**
 * A message from the portal. The person gets its reference by SMS with the reply time, and follows it later with
 * the reference and a code sent to the same mobile. An anonymous suggestion keeps nothing that points to a person:
 * it is followed with an 8-digit code shown once (only its hash is kept), easy to read aloud.
 */
export async function submitPortalCase(deps: Deps, orgId: string, input: PortalCaseInput, meta: RequestMeta) {
  const anonymous = input.anonymous;
  const created = await createCase(
    deps,
    null,
    orgId,
    {
      kind: input.kind,
      channel: 'website',
      priority: 'normal',
      subject: input.subject,
      description: input.description,
      contactName: anonymous ? null : (input.name ?? null),
      contactMobile: anonymous ? null : (input.mobile ?? null),
      anonymous,
      team: 'relations',
    },
    meta,
  );
  const settings = await getSettings(deps.db, orgId);
  const times = replyTimesFrom(settings.slaTargets, workdayHours(settings));
  const followCode = anonymous ? String(randomInt(0, 100_000_000)).padStart(8, '0') : null;
  await deps.db.transaction(async (tx) => {
    if (followCode) {
      await tx
        .update(cases)
        .set({ followKeyHash: followHash(followCode) })
        .where(eq(cases.id, created.id));
    }
    if (!anonymous && input.mobile) {
      // The receipt is what the person waits for after pressing send: it goes at once, like a one-time code.
      await enqueueNotification(tx, {
        orgId,
        channel: 'sms',
        recipient: input.mobile,
        templateKey: 'case_received',
        variables: {
          reference: created.reference,
          replyTime: replyTimeAr(times[input.kind].first),
          link: `${await publicUrlOf(tx, orgId, deps.config.publicUrl)}/portal/follow`,
        },
        idempotencyKey: `case_received:${created.id}`,
        entityType: 'case',
        entityId: created.id,
      });
    }
  });
  return { reference: created.reference, followCode, replyTime: times[input.kind].first };
}

async function caseByReference(deps: Deps, orgId: string, reference: string) {
  const [c] = await deps.db
    .select()
    .from(cases)
    .where(inOrg(cases, orgId, eq(cases.reference, reference)));
  return c ?? null;
}

/** Sends a follow-up code to the case's mobile; the same answer (and the same work) for any reference. */
export async function requestFollowCode(deps: Deps, orgId: string, reference: string, ip: string | null) {
  const c = await caseByReference(deps, orgId, reference);
  await issueOtp(deps.db, { orgId, purpose: 'follow', reference, mobile: c?.contactMobile ?? null, ip });
}

/** What a person may see of their message: its state in plain terms and the replies, never internal notes. */
export async function followCase(deps: Deps, orgId: string, reference: string, code: string) {
  let c: Awaited<ReturnType<typeof caseByReference>>;
  if (code.length === 8) {
    const [row] = await deps.db
      .select()
      .from(cases)
      .where(inOrg(cases, orgId, and(eq(cases.reference, reference), eq(cases.followKeyHash, followHash(code)))));
    if (!row) throw new AppError('portal.follow_invalid');
    c = row;
  } else {
    await consumeOtp(deps.db, { orgId, purpose: 'follow', reference, code });
    c = await caseByReference(deps, orgId, reference);
    if (!c) throw new AppError('otp.invalid');
  }
  const [messages, settings] = await Promise.all([
    listMessages(deps.db, orgId, c.id, false),
    getSettings(deps.db, orgId),
  ]);
  const replies = messages.filter((m) => m.kind === 'reply').map((m) => ({ body: m.body, at: m.at.toISOString() }));
  const times = replyTimesFrom(settings.slaTargets, workdayHours(settings));
  const kind = c.kind as keyof typeof times;
  return {
    reference: c.reference,
    kind: c.kind,
    status: c.status,
    /** The state in the person's terms: a reply changes "received" to "answered". */
    publicStatus: publicStatus(c.status, replies.length > 0),
    subject: c.subject,
    submittedAt: c.createdAt.toISOString(),
    replyTime: times[kind]?.first ?? null,
    resolveTime: times[kind]?.resolve ?? null,
    outcome: c.outcome,
    outcomeReason: c.outcomeReason,
    replies,
  };
}

export type PublicCaseStatus = 'received' | 'answered' | 'in_progress' | 'waiting_you' | 'done';

function publicStatus(status: string, replied: boolean): PublicCaseStatus {
  if (status === 'resolved' || status === 'closed') return 'done';
  if (status === 'waiting_beneficiary') return 'waiting_you';
  if (replied) return 'answered';
  if (status === 'in_progress' || status === 'referred') return 'in_progress';
  return 'received';
}

import { randomBytes } from 'node:crypto';
import type { SurveyTrigger } from '../../../common/domain/survey';
import type { Db } from '../../db/client';
import { publicUrlOf } from '../../http/host-org';
import { enqueueNotification } from '../notifications';
import { getSettings } from '../settings';
import { insertInvitation, invitedSince } from './queries';
import { hashToken } from './token';

export const SURVEY_LINK_DAYS = 14;

export type Invite = {
  orgId: string;
  trigger: SurveyTrigger;
  entityId: string;
  beneficiaryId: string | null;
  mobile: string | null;
  serviceId: string | null;
  channel: string;
  branchId: string | null;
  ownerUserId: string | null;
  publicUrl: string;
};

/**
 * Sends one single-use survey link per event (case resolved, delivery done, application decided), in the
 * transaction of that event. Nothing is sent when there is no number to send it to.
 */
export async function inviteToSurvey(db: Db, p: Invite): Promise<boolean> {
  if (!p.mobile) return false;
  // One invitation per person per period (settings; never two within a day): a busy month asks once.
  const { surveyIntervalDays } = await getSettings(db, p.orgId);
  const since = new Date(Date.now() - Math.max(1, surveyIntervalDays) * 86_400_000);
  if (await invitedSince(db, p.orgId, p.mobile, since)) return false;
  const token = randomBytes(18).toString('base64url');
  const invitationId = await insertInvitation(db, {
    orgId: p.orgId,
    tokenHash: hashToken(token),
    trigger: p.trigger,
    triggerEntityId: p.entityId,
    beneficiaryId: p.beneficiaryId,
    mobile: p.mobile,
    serviceId: p.serviceId,
    channel: p.channel,
    branchId: p.branchId,
    ownerUserId: p.ownerUserId,
    expiresAt: new Date(Date.now() + SURVEY_LINK_DAYS * 86_400_000),
  });
  if (!invitationId) return false;
  await enqueueNotification(db, {
    orgId: p.orgId,
    channel: 'sms',
    recipient: p.mobile,
    templateKey: 'survey_link',
    // The association's own address on a shared deployment (issue 20).
    variables: { link: `${await publicUrlOf(db, p.orgId, p.publicUrl)}/portal/survey/${token}` },
    idempotencyKey: `survey:${p.trigger}:${p.entityId}`,
    entityType: 'survey',
    entityId: invitationId,
  });
  return true;
}

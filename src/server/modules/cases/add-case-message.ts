import type { z } from 'zod';
import type { caseMessageInput } from '../../../common/domain/case';
import type { Channel } from '../../../common/domain/channels';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { getBeneficiary } from '../beneficiaries';
import { enqueueNotification } from '../notifications';
import { recordInteraction } from '../timeline';
import { loadCaseFor } from './load-case';
import { insertCaseMessage, updateCaseRow } from './queries';

/** An internal note stays with staff; a reply goes to the person (as an outbound contact on the channel). */
export async function addCaseMessage(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: z.infer<typeof caseMessageInput>,
  meta: RequestMeta,
) {
  const c = await loadCaseFor(deps, user, id, 'cases.work');
  if (input.kind === 'reply' && c.anonymous) throw new AppError('case.anonymous_no_reply');
  const channel = (input.channel ?? c.channel) as Channel;
  await deps.db.transaction(async (tx) => {
    const messageId = await insertCaseMessage(tx, {
      orgId: user.orgId,
      caseId: id,
      kind: input.kind,
      body: input.body,
      channel: input.kind === 'reply' ? channel : null,
      authorUserId: user.id,
    });
    if (input.kind === 'reply') {
      // The reply goes out through the outbox: WhatsApp when the conversation came from it, SMS otherwise.
      const mobile =
        c.contactMobile ?? (c.beneficiaryId ? (await getBeneficiary(tx, user.orgId, c.beneficiaryId))?.mobile : null);
      if (mobile) {
        await enqueueNotification(tx, {
          orgId: user.orgId,
          channel: c.channel === 'social_media' ? 'whatsapp' : 'sms',
          recipient: mobile,
          templateKey: 'case_reply',
          variables: { reference: c.reference, reply: input.body },
          idempotencyKey: `reply:${messageId}`,
          entityType: 'case',
          entityId: id,
        });
      }
      if (!c.firstResponseAt) await updateCaseRow(tx, id, { firstResponseAt: new Date() });
      await recordInteraction(tx, {
        orgId: user.orgId,
        channel,
        direction: 'outbound',
        userId: user.id,
        summary: `رد على ${c.reference}: ${input.body.slice(0, 200)}`,
        beneficiaryId: c.beneficiaryId,
        contactName: c.contactName,
        contactMobile: c.contactMobile,
      });
    }
    await writeAudit(tx, user, meta, { action: `case.${input.kind}`, entityType: 'case', entityId: id });
  });
}

import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { caseMessages, cases } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import type { Deps } from '../../http/context';
import type { WhatsAppConversation } from '../notifications';
import { recordInteraction } from '../timeline';
import { createCase } from './create-case';

/**
 * A WhatsApp message to the association: a contact on the social-media channel, matched to a file by mobile
 * (notifications plugs this in, decision 032); it joins the sender's open case, or opens one.
 */
export async function receiveWhatsAppMessage(deps: Deps, message: WhatsAppConversation) {
  const { orgId, mobile, name, text } = message;
  const b = message.beneficiaryId ? { id: message.beneficiaryId } : null;
  const [open] = await deps.db
    .select({ id: cases.id })
    .from(cases)
    .where(
      inOrg(
        cases,
        orgId,
        eq(cases.channel, 'social_media'),
        inArray(cases.status, ['new', 'in_progress', 'referred', 'waiting_beneficiary']),
        b ? or(eq(cases.beneficiaryId, b.id), eq(cases.contactMobile, mobile)) : eq(cases.contactMobile, mobile),
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(1);
  if (open) {
    await deps.db
      .insert(caseMessages)
      .values({ orgId, caseId: open.id, kind: 'inbound', body: text, channel: 'social_media' });
    // A reply from the person ends a wait on them.
    await deps.db
      .update(cases)
      .set({ status: 'in_progress' })
      .where(and(eq(cases.id, open.id), eq(cases.status, 'waiting_beneficiary')));
    await recordInteraction(deps.db, {
      orgId,
      channel: 'social_media',
      direction: 'inbound',
      userId: null,
      summary: `واتساب: ${text.slice(0, 300)}`,
      beneficiaryId: b?.id ?? null,
      contactName: b ? null : name,
      contactMobile: b ? null : mobile,
    });
    return;
  }
  await createCase(
    deps,
    null,
    orgId,
    {
      kind: 'inquiry',
      channel: 'social_media',
      priority: 'normal',
      subject: text.slice(0, 80) || 'رسالة واتساب',
      description: text || '—',
      beneficiaryId: b?.id ?? null,
      contactName: name,
      contactMobile: mobile,
      anonymous: false,
      team: 'relations',
    },
    { ip: null, userAgent: 'whatsapp-webhook' },
  );
}

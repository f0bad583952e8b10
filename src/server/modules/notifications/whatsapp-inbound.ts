import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { normalizeSaudiMobile } from '../../../common/saudi';
import { beneficiaries, caseMessages, cases, inboundMessages } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import type { Deps } from '../../http/context';
import { createCase } from '../cases/manage-case';
import { recordInteraction } from '../interactions/record-interaction';

type WebhookPayload = {
  entry?: {
    changes?: {
      value?: {
        messages?: { id: string; from: string; type: string; text?: { body?: string } }[];
        contacts?: { profile?: { name?: string } }[];
      };
    }[];
  }[];
};

/**
 * A WhatsApp message to the association: a contact on the social-media channel, matched to a file by mobile;
 * it joins the sender's open case, or opens one. Provider retries are ignored by message id.
 */
export async function receiveWhatsApp(deps: Deps, orgId: string, payload: WebhookPayload): Promise<number> {
  let handled = 0;
  for (const entry of payload.entry ?? []) {
    for (const change of entry.changes ?? []) {
      const name = change.value?.contacts?.[0]?.profile?.name ?? null;
      for (const m of change.value?.messages ?? []) {
        const text = m.type === 'text' ? (m.text?.body ?? '').trim() : `[${m.type}]`;
        const mobile = normalizeSaudiMobile(`+${m.from}`) ?? `+${m.from}`;
        const fresh = await deps.db
          .insert(inboundMessages)
          .values({ provider: 'whatsapp', providerMessageId: m.id })
          .onConflictDoNothing()
          .returning();
        if (fresh.length === 0) continue;
        const [b] = await deps.db
          .select({ id: beneficiaries.id })
          .from(beneficiaries)
          .where(inOrg(beneficiaries, orgId, or(eq(beneficiaries.mobile, mobile), eq(beneficiaries.mobile2, mobile))))
          .limit(1);
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
          await deps.db.transaction(async (tx) => {
            await tx
              .insert(caseMessages)
              .values({ orgId, caseId: open.id, kind: 'inbound', body: text, channel: 'social_media' });
            // A reply from the person ends a wait on them.
            await tx
              .update(cases)
              .set({ status: 'in_progress' })
              .where(and(eq(cases.id, open.id), eq(cases.status, 'waiting_beneficiary')));
            await recordInteraction(tx, {
              orgId,
              channel: 'social_media',
              direction: 'inbound',
              userId: null,
              summary: `واتساب: ${text.slice(0, 300)}`,
              beneficiaryId: b?.id ?? null,
              contactName: b ? null : name,
              contactMobile: b ? null : mobile,
            });
          });
        } else {
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
        handled += 1;
      }
    }
  }
  return handled;
}

import { and, count, eq, gt, min, ne } from 'drizzle-orm';
import {
  type MessagingSettings,
  promoHoursRelease,
  quietHoursRelease,
  WHATSAPP_WINDOW_MS,
} from '../../../common/domain/messaging';
import type { TemplateKey } from '../../../common/domain/notifications';
import type { Db } from '../../db/client';
import { notifications } from '../../db/tables/index';
import { getContact } from './messaging-queries';
import { templateFor } from './outbox';
import type { WhatsAppList } from './providers/types';
import { surveyRatingList } from './survey-replies';

export type Candidate = {
  id: string;
  orgId: string;
  channel: string;
  recipient: string;
  templateKey: string;
  variables: Record<string, string>;
  category: string;
  awaited: boolean;
  /** The rendered text (the WhatsApp list carries it above the choices). */
  body?: string;
};

export type Verdict =
  | {
      kind: 'send';
      promotional: boolean;
      senderId: string | null;
      template?: { name: string; language: string; params: string[] };
      /** Inside WhatsApp's window, the satisfaction question goes as a list the person answers with a tap. */
      list?: WhatsAppList;
    }
  | { kind: 'hold'; until: Date; reason: 'quiet_hours' | 'promo_hours' | 'frequency_cap' }
  | { kind: 'block'; reason: 'opted_out' | 'no_promo_opt_in' }
  | { kind: 'reroute'; reason: 'whatsapp_window' };

/**
 * The Saudi message rules, checked just before a message leaves (so a change of settings or an opt-out since
 * it was queued counts): opt-out and promotional opt-in, quiet hours, promotional hours, the frequency cap, and
 * WhatsApp's 24-hour window. Messages the person is waiting for skip the hours and the cap.
 */
export async function checkRules(db: Db, m: Candidate, settings: MessagingSettings, now: Date): Promise<Verdict> {
  const mobile = m.channel === 'sms' || m.channel === 'whatsapp';
  const promotional = m.category === 'promotional';
  const contact = mobile ? await getContact(db, m.orgId, m.recipient) : null;
  if (mobile && m.category !== 'service' && contact?.optedOut) return { kind: 'block', reason: 'opted_out' };
  if (promotional && !contact?.promoOptIn) return { kind: 'block', reason: 'no_promo_opt_in' };
  if (mobile && !m.awaited) {
    const release = quietHoursRelease(settings, now);
    if (release.getTime() > now.getTime()) return { kind: 'hold', until: release, reason: 'quiet_hours' };
  }
  if (promotional) {
    const release = promoHoursRelease(settings, now);
    if (release.getTime() > now.getTime()) return { kind: 'hold', until: release, reason: 'promo_hours' };
  }
  // The cap counts awareness and promotional messages: a service message (a decision, an appointment) is about
  // the person's own request and is never held back by it.
  if (mobile && !m.awaited && m.category !== 'service' && settings.frequencyCapCount > 0) {
    const since = new Date(now.getTime() - settings.frequencyCapDays * 86_400_000);
    const [recent] = await db
      .select({ n: count(), oldest: min(notifications.sentAt) })
      .from(notifications)
      .where(
        and(
          eq(notifications.orgId, m.orgId),
          eq(notifications.recipient, m.recipient),
          eq(notifications.awaited, false),
          ne(notifications.category, 'service'),
          eq(notifications.status, 'sent'),
          gt(notifications.sentAt, since),
        ),
      );
    if (recent && recent.n >= settings.frequencyCapCount && recent.oldest) {
      const oldest = new Date(recent.oldest as unknown as string);
      return {
        kind: 'hold',
        until: new Date(oldest.getTime() + settings.frequencyCapDays * 86_400_000 + 1000),
        reason: 'frequency_cap',
      };
    }
  }
  if (m.channel === 'whatsapp') {
    const last = contact?.lastWhatsappInboundAt?.getTime() ?? 0;
    if (now.getTime() - last > WHATSAPP_WINDOW_MS) {
      const template = await templateFor(db, m.orgId, m.templateKey as TemplateKey, 'whatsapp');
      if (!template.whatsapp) return { kind: 'reroute', reason: 'whatsapp_window' };
      return {
        kind: 'send',
        promotional,
        senderId: null,
        template: {
          name: template.whatsapp.name,
          language: template.whatsapp.language,
          params: template.whatsapp.params.map((p) => m.variables[p] ?? ''),
        },
      };
    }
    if (m.templateKey === 'survey_link') {
      const list = await surveyRatingList(db, m.orgId, m.variables.link ?? '', m.body ?? '');
      if (list) return { kind: 'send', promotional, senderId: null, list };
    }
  }
  return { kind: 'send', promotional, senderId: promotional ? settings.promoSenderId : null };
}

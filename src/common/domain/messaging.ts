import { z } from 'zod';
import { DEFAULT_TEMPLATES, type TemplateKey } from './notifications';

/**
 * The Saudi message rules (decision 019): every SMS is classed service, awareness or promotional; promotional
 * needs the person's opt-in, the `-AD` sender and set hours; non-urgent messages wait out quiet hours.
 */
export const MESSAGE_CATEGORIES = ['service', 'awareness', 'promotional'] as const;
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number];

/**
 * What each event is by default. `awaited`: the person is waiting for it (a one-time code, a reply to what
 * they wrote): it goes at once, whatever the hour, and counts against no cap.
 */
export const TEMPLATE_KIND: Record<TemplateKey, { category: MessageCategory; awaited: boolean }> = {
  application_received: { category: 'service', awaited: true },
  application_raised: { category: 'service', awaited: false },
  items_missing: { category: 'service', awaited: false },
  decision: { category: 'service', awaited: false },
  delivery_scheduled: { category: 'service', awaited: false },
  case_reply: { category: 'service', awaited: true },
  case_received: { category: 'service', awaited: true },
  survey_link: { category: 'awareness', awaited: false },
  survey_thanks: { category: 'service', awaited: true },
  otp: { category: 'service', awaited: true },
  appointment_reminder: { category: 'service', awaited: false },
  outreach: { category: 'awareness', awaited: false },
  staff_digest: { category: 'service', awaited: false },
};

const VARIABLE = /\{\{\s*(\w+)\s*\}\}/g;

/** The {{variables}} a text uses, each once, in order. */
export function templateVariables(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1] ?? ''))].filter(Boolean);
}

/** The variables the system fills for an event: those of its built-in text (subject and body). */
export function allowedTemplateVariables(key: TemplateKey): string[] {
  const d = DEFAULT_TEMPLATES[key];
  return templateVariables(`${d.subject} ${d.body}`);
}

/** A WhatsApp template approved by Meta: its name, language, and which Wasl variable fills each {{n}}. */
export const whatsappMappingSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,512}$/),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/),
  params: z.array(z.string().regex(/^\w{1,40}$/)).max(10),
});
export type WhatsAppMapping = z.infer<typeof whatsappMappingSchema>;

const minute = z.number().int().min(0).max(1439);

/** The association's message rules (PUT /api/messaging/settings carries every field). */
export const messagingSettingsSchema = z.strictObject({
  quietHoursEnabled: z.boolean(),
  /** Minutes after midnight, Riyadh time; the quiet window may run past midnight (22:00–08:00). */
  quietStartMinute: minute,
  quietEndMinute: minute,
  /** No non-urgent message on Friday before noon. */
  fridayMorningQuiet: z.boolean(),
  /** Sender name for promotional SMS (the regulator's `-AD` suffix); null: the SMS sender with `-AD`. */
  promoSenderId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 ._&]{1,8}-AD$/)
    .nullable(),
  /** Promotional messages go out only between these minutes, Riyadh time. */
  promoStartMinute: minute,
  promoEndMinute: minute,
  /** At most this many awareness or promotional messages per person in `frequencyCapDays` days (0: no cap). */
  frequencyCapCount: z.number().int().min(0).max(100),
  frequencyCapDays: z.number().int().min(1).max(60),
});
export type MessagingSettings = z.infer<typeof messagingSettingsSchema>;

export const MESSAGING_DEFAULTS: MessagingSettings = {
  quietHoursEnabled: true,
  quietStartMinute: 22 * 60,
  quietEndMinute: 8 * 60,
  fridayMorningQuiet: false,
  promoSenderId: null,
  promoStartMinute: 9 * 60,
  promoEndMinute: 21 * 60,
  frequencyCapCount: 3,
  frequencyCapDays: 7,
};

/** Stored settings over the defaults; a stored value that no longer fits is replaced by the default. */
export function readMessagingSettings(raw: unknown): MessagingSettings {
  const merged = { ...MESSAGING_DEFAULTS, ...((raw as object | null) ?? {}) };
  const parsed = messagingSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : MESSAGING_DEFAULTS;
}

const RIYADH_OFFSET_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;

/** Riyadh wall-clock of an instant: weekday (0 = Sunday) and minute of the day. Riyadh has no daylight saving. */
export function riyadhClock(now: Date): { weekday: number; minute: number } {
  const local = new Date(now.getTime() + RIYADH_OFFSET_MS);
  return { weekday: local.getUTCDay(), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** The instant at `minute` Riyadh time on the day of `now` plus `dayOffset` days. */
function riyadhAt(now: Date, dayOffset: number, minuteOfDay: number): Date {
  const local = new Date(now.getTime() + RIYADH_OFFSET_MS);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return new Date(midnight + dayOffset * DAY_MS + minuteOfDay * 60_000 - RIYADH_OFFSET_MS);
}

function inWindow(m: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/**
 * When a non-urgent message may go: `now` if outside the quiet hours (and not Friday morning when that option
 * is set), else the instant the window opens. Looks ahead minute by minute only at the window edges.
 */
export function quietHoursRelease(s: MessagingSettings, now: Date): Date {
  let at = now;
  // Two steps cover every case: quiet hours end at 08:00 Friday, then Friday morning runs to noon.
  for (let i = 0; i < 3; i++) {
    const { weekday, minute: m } = riyadhClock(at);
    if (s.quietHoursEnabled && inWindow(m, s.quietStartMinute, s.quietEndMinute)) {
      at = riyadhAt(at, m >= s.quietEndMinute ? 1 : 0, s.quietEndMinute);
      continue;
    }
    if (s.fridayMorningQuiet && weekday === 5 && m < 12 * 60) {
      at = riyadhAt(at, 0, 12 * 60);
      continue;
    }
    break;
  }
  return at;
}

/** When a promotional message may go: within the promotional hours, otherwise when they next open. */
export function promoHoursRelease(s: MessagingSettings, now: Date): Date {
  const { minute: m } = riyadhClock(now);
  if (inWindow(m, s.promoStartMinute, s.promoEndMinute)) return now;
  return riyadhAt(now, m >= s.promoStartMinute ? 1 : 0, s.promoStartMinute);
}

/** Replies that stop or restart non-service messages (compared after trimming, case and hamza folded). */
const STOP_WORDS = ['ايقاف', 'الغاء', 'الغاء الاشتراك', 'stop', 'unsubscribe', 'stopall'];
const START_WORDS = ['اشتراك', 'start', 'subscribe', 'unstop'];

function fold(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[إأآ]/g, 'ا')
    .replace(/[\u064B-\u0652\u0640]/g, '')
    .replace(/\s+/g, ' ');
}

export function optKeyword(text: string): 'stop' | 'start' | null {
  const f = fold(text);
  if (STOP_WORDS.includes(f)) return 'stop';
  if (START_WORDS.includes(f)) return 'start';
  return null;
}

/** WhatsApp lets a business send free text only within 24 hours of the person's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 3_600_000;

export const DELIVERY_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Why a message is waiting, was not sent, or went by another channel. */
export const HOLD_REASONS = ['quiet_hours', 'promo_hours', 'frequency_cap'] as const;
export const BLOCK_REASONS = ['opted_out', 'no_promo_opt_in'] as const;
export const FALLBACK_REASONS = ['whatsapp_window', 'delivery_failed'] as const;

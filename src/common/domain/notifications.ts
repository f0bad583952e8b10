export const NOTIFICATION_CHANNELS = ['sms', 'whatsapp', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const NOTIFICATION_STATUSES = ['queued', 'sending', 'sent', 'failed', 'given_up', 'unknown'] as const;

/** One template per event; variables are written {{name}}. Arabic first: these are what beneficiaries read. */
export const DEFAULT_TEMPLATES = {
  application_received: {
    subject: 'استلام طلبكم',
    body: 'مرحباً {{name}}، استلمت جمعية ماء طلبكم رقم {{reference}}، وسنتواصل معكم بعد التحقق من البيانات.',
  },
  application_raised: {
    subject: 'رفع طلبكم للجنة',
    body: 'رُفع طلبكم رقم {{reference}} إلى لجنة دراسة الطلبات، والموعد المتوقع للقرار: {{expectedDate}}.',
  },
  items_missing: {
    subject: 'نواقص في طلبكم',
    body: 'طلبكم رقم {{reference}} ينقصه: {{items}}. نأمل إحضارها لاستكمال الطلب.',
  },
  decision: { subject: 'قرار اللجنة', body: 'صدر قرار اللجنة في طلبكم رقم {{reference}}: {{decision}}.' },
  delivery_scheduled: {
    subject: 'موعد تقديم الخدمة',
    body: 'موعد تقديم خدمة {{service}} لكم: {{date}}. سيتواصل معكم المندوب قبل الوصول.',
  },
  case_reply: { subject: 'رد على طلبكم', body: 'رد الجمعية على طلبكم {{reference}}: {{reply}}' },
  case_received: {
    subject: 'استلام رسالتكم',
    body: 'استلمنا رسالتكم، ورقمها {{reference}}. نرد عليكم خلال {{replyTime}}. تابعوها برقمها من: {{link}}',
  },
  survey_link: {
    subject: 'رأيكم يهمنا',
    body: 'يسعدنا معرفة رأيكم في خدمتنا، وتقييمكم حق لكم ويساعدنا على التحسين: {{link}}',
  },
  survey_thanks: {
    subject: 'شكراً لتقييمكم',
    body: 'شكراً لكم، سُجّل تقييمكم. رأيكم يساعدنا على تحسين خدمتنا.',
  },
  otp: { subject: 'رمز التحقق', body: 'رمز التحقق: {{code}} — صالح لمدة {{minutes}} دقائق. لا تشاركه مع أحد.' },
  appointment_reminder: {
    subject: 'تذكير بموعد',
    body: 'نذكّركم بموعدكم في {{branch}} يوم {{date}} الساعة {{time}} بخصوص: {{purpose}}.',
  },
  outreach: { subject: 'تواصل من الجمعية', body: '{{message}}' },
  /** To a staff member who opted in: once a day, what reached them and what waits on them. */
  staff_digest: {
    subject: 'ملخص عملك اليومي في وصل — {{date}}',
    body: 'مرحباً {{name}}،\n\nإشعارات لم تُقرأ ({{unreadCount}}):\n{{notices}}\n\nما ينتظرك في «عملي» ({{workTotal}}):\n{{work}}\n\nافتح وصل: {{link}}',
  },
} as const;
export type TemplateKey = keyof typeof DEFAULT_TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(DEFAULT_TEMPLATES) as TemplateKey[];

/** Fills {{variables}}; an unknown variable is left visible so a broken template is noticed, not hidden. */
export function renderTemplate(template: string, variables: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) =>
    name in variables ? variables[name]! : match,
  );
}

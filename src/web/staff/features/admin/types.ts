/** Shapes of the admin APIs (server: modules/notifications, outreach, settings routes). */

export type NotificationStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'given_up' | 'unknown';
export const NOTIFICATION_STATUS_LIST: readonly NotificationStatus[] = [
  'queued',
  'sending',
  'sent',
  'failed',
  'given_up',
  'unknown',
];

export type OutboxMessage = {
  id: string;
  /** sms | whatsapp | email */
  channel: string;
  /** E.164 for sms and WhatsApp, an address for e-mail. */
  recipient: string;
  templateKey: string;
  subject: string | null;
  body: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
};

/** demo: nothing leaves the system; the outbox shows what would have been sent. */
export type OutboxResponse = { mode: 'demo' | 'live'; items: OutboxMessage[] };

export type MessageTemplate = {
  key: string;
  channel: string;
  subject: string | null;
  body: string;
  /** False while the association uses the built-in text. */
  customised: boolean;
};

export type TemplateUpdate = { subject: string | null; body: string };

export type OutreachRule = { key: string; enabled: boolean; params: Record<string, number> };

export type OutreachCounts = { tasks: number; messages: number };

export type OutreachRun = {
  id: string;
  /** manual | schedule */
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  results: Record<string, OutreachCounts> | null;
};

export type OutreachResponse = { rules: OutreachRule[]; runs: OutreachRun[] };

export type OutreachRunResult = { runId: string; results: Record<string, OutreachCounts> };

/** The association settings this app edits (GET/PATCH /api/settings carries more). */
export type WorkSettings = {
  committeeTargetDays: number;
  appealWindowDays: number;
  /** 0 = Sunday … 6 = Saturday. */
  workDays: number[];
  /** Minutes after midnight, Riyadh time. */
  workStartMinute: number;
  workEndMinute: number;
  /** Calendar dates, YYYY-MM-DD. */
  publicHolidays: string[];
  /** At most one survey invitation per person in this many days. */
  surveyIntervalDays: number;
  /** The board minutes that approved the policy, cited by the evidence report. */
  boardApprovalMinutesNo: string;
  boardApprovalDate: string;
};

/** Shapes of the cases API (server: modules/cases/routes.ts, schema.ts; common/domain/case.ts). */

export type SlaState = 'ok' | 'at_risk' | 'breached' | 'met' | 'paused';

export type CaseSummary = {
  id: string;
  reference: string;
  kind: string;
  priority: string;
  status: string;
  channel: string;
  subject: string;
  anonymous: boolean;
  beneficiaryId: string | null;
  contactName: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  team: string;
  branchId: string | null;
  createdAt: string;
  firstResponseAt: string | null;
  firstResponseDueAt: string;
  resolutionDueAt: string;
  resolvedAt: string | null;
  escalatedAt: string | null;
  sla: SlaState;
};

export type CaseListResponse = { items: CaseSummary[]; hasMore: boolean };

export type CaseMessage = {
  id: string;
  /** inbound: what the person said; reply: what we told them; note: staff only; status: a move of the case. */
  kind: 'inbound' | 'note' | 'reply' | 'status';
  body: string;
  channel: string | null;
  at: string;
  authorName: string | null;
};

export type CaseAttachment = { id: string; originalName: string; mime: string; size: number; at: string };

export type CaseDetail = {
  id: string;
  reference: string;
  kind: string;
  priority: string;
  status: string;
  channel: string;
  subject: string;
  description: string;
  beneficiaryId: string | null;
  contactName: string | null;
  /** E.164. */
  contactMobile: string | null;
  anonymous: boolean;
  team: string;
  ownerUserId: string | null;
  branchId: string | null;
  createdAt: string;
  firstResponseDueAt: string;
  resolutionDueAt: string;
  firstResponseAt: string | null;
  pausedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  escalatedAt: string | null;
  reopenCount: number;
  outcome: string | null;
  outcomeReason: string | null;
  outcomeAt: string | null;
  sla: SlaState;
  messages: CaseMessage[];
  attachments: CaseAttachment[];
};

export type CaseFilter = {
  kind?: string;
  channel?: string;
  status?: string;
  sla?: 'breached' | 'at_risk';
  owner?: 'me';
  page?: number;
  pageSize?: number;
};

export type CreateCaseRequest = {
  kind: string;
  channel: string;
  priority?: string;
  subject: string;
  description: string;
  beneficiaryId?: string;
  contactName?: string;
  contactMobile?: string;
  anonymous?: boolean;
  team?: string;
};

export type CaseTransitionRequest = { to: string; note?: string };
export type CaseMessageRequest = { kind: 'note' | 'reply'; body: string; channel?: string };
export type CaseOutcomeRequest = { outcome: string; reason?: string };
export type AssignCaseRequest = { ownerUserId?: string | null; team?: string; priority?: string };

/** The association's working calendar and SLA settings, as GET /api/settings sends them. */
export type WorkCalendarSettings = {
  workDays: number[];
  workStartMinute: number;
  workEndMinute: number;
  publicHolidays: string[];
  slaAtRiskShare: number;
  caseReopenDays: number;
};

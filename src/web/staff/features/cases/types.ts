/** Shapes of the cases API, from the shared contract (src/common/api/cases.ts, common/domain/case.ts). */
export type {
  CaseAttachment,
  CaseDetail,
  CaseListResponse,
  CaseMessage,
  CaseSummary,
  SlaState,
} from '../../../../common/api/cases';

export type CaseFilter = {
  kind?: string;
  channel?: string;
  status?: string;
  sla?: 'breached' | 'at_risk';
  owner?: 'me';
  page?: number;
  pageSize?: number;
};

// Request bodies stay written by hand for now: the screens hold their select values as plain strings, and the
// server's body schemas (common/domain/case.ts) check the codes.
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

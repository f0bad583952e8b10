/** Shapes of the reports API (server: modules/reports/routes.ts and kpis.ts). */

export type AgeBuckets = { under7: number; d7to14: number; d14to30: number; over30: number };

export type SatisfactionGroup = { key: string | null; responses: number; average: number };

export type Satisfaction = {
  responses: number;
  average: number | null;
  invitationsSent: number;
  /** 0–1, or null when no invitation was sent in the period. */
  responseRate: number | null;
  /** Keys are Gregorian months, YYYY-MM. */
  byMonth: SatisfactionGroup[];
  /** Keys are service ids; null for answers not tied to a service (a resolved case). */
  byService: SatisfactionGroup[];
  byChannel: SatisfactionGroup[];
  byBranch: SatisfactionGroup[];
};

export type Kpis = {
  period: { from: string; to: string; branchId: string | null };
  /** False for the reduced view (officers, execution officers): satisfaction is then null. */
  full: boolean;
  /** When the server computed these figures; it reuses them for a minute. */
  computedAt: string;
  /** The applications as they stand now, by stage and time spent in it (not limited to the period). */
  applicationsByStage: { stage: string; total: number; ageDays: AgeBuckets }[];
  decisions: {
    received: number;
    decided: number;
    averageDays: number | null;
    withinTarget: number;
    withinTargetShare: number | null;
  };
  cases: {
    byKindChannel: { kind: string; channel: string; count: number }[];
    total: number;
    firstResponse: { responded: number; metShare: number | null; averageHours: number | null };
    resolution: { resolved: number; metShare: number | null; averageHours: number | null };
  };
  deliveries: { delivered: number; failed: number };
  /** Active beneficiaries now (not limited to the period). */
  activeBeneficiaries: {
    byDistrict: { district: string; count: number }[];
    byWaterSource: { source: string; count: number }[];
  };
  interactionsByChannel: { channel: string; direction: string; count: number }[];
  satisfaction: Satisfaction | null;
};

export type MyFigures = {
  userId: string;
  casesOwned: number;
  casesResolved: number;
  /** Answers given with the person's name (anonymous answers are never linked to anyone). */
  namedRatings: number;
  averageRating: number | null;
};

export type Period = { from: string; to: string };

export const EXPORT_DATASETS = ['applications', 'cases', 'beneficiaries', 'deliveries'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

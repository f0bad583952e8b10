/** Shapes of the contacts API (server: modules/interactions/routes.ts). */

export type Direction = 'inbound' | 'outbound';

export type CreateInteractionRequest = {
  channel: string;
  direction: Direction;
  summary: string;
  occurredAt?: string;
  durationSeconds?: number;
  beneficiaryId?: string;
  contactName?: string;
  contactMobile?: string;
  applicationId?: string;
  caseId?: string;
};

export type Interaction = {
  id: string;
  channel: string;
  direction: Direction;
  occurredAt: string;
  summary: string;
  durationSeconds: number | null;
  beneficiaryId: string | null;
  contactName: string | null;
  contactMobile: string | null;
  applicationId: string | null;
  caseId: string | null;
  userName: string | null;
};

/** One entry of a file's timeline, newest first; the fields present depend on its type. */
export type TimelineItem =
  | {
      type: 'interaction';
      id: string;
      at: string;
      channel: string;
      direction: Direction;
      text: string;
      by: string | null;
    }
  | {
      type: 'application' | 'decision';
      id: string;
      at: string;
      channel: string;
      reference: string;
      fromStage: string | null;
      toStage: string;
      text: string | null;
      by: string | null;
    }
  | {
      type: 'delivery';
      id: string;
      at: string;
      /** A calendar date, YYYY-MM-DD. */
      date: string;
      status: string;
      text: string;
      service: string;
    }
  | { type: 'case'; id: string; at: string; reference: string; kind: string; status: string; text: string };

export type TimelineType = TimelineItem['type'];

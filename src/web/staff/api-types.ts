import type { Digits, Locale } from '../../common/dates';
import type { Action } from '../../common/domain/actions';
import type { Role } from '../../common/domain/roles';

/** Shapes of the staff API answers this app reads (the server's present.ts is the source of truth). */

/** Every action the server's policy knows (src/common/domain/actions.ts): one table for both. */
export type Permission = Action;

export type Preferences = { locale: Locale; digits: Digits };

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  branchId: string | null;
  orgId: string;
  preferences: Preferences;
  /** Unknown strings are kept: the server may grant actions this build does not know yet. */
  permissions: string[];
  totpEnabled: boolean;
  totpRequired: boolean;
  /** An admin set a temporary password: the app asks for a new one before anything else. */
  mustChangePassword: boolean;
};

export type SessionResponse = { user: SessionUser; csrfToken: string };

export type LoginRequest = { username: string; password: string; totp?: string; recoveryCode?: string };

export type StaffUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  branchId: string | null;
  disabled: boolean;
  totpRequired: boolean;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  /** The account is under attack (many failed sign-ins lately). */
  signInAlert?: boolean;
};

export type UserFilter = { q?: string; role?: Role; branchId?: string; twoStep?: 'on' | 'off' };

export type CreateUserRequest = {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  branchId: string | null;
};

export type UpdateUserRequest = Partial<
  Pick<StaffUser, 'role' | 'branchId' | 'disabled' | 'displayName' | 'totpRequired'>
>;

export type Branch = { id: string; code?: string; nameAr: string; nameEn: string };

export type Organization = { nameAr: string; nameEn: string; logoUrl?: string | null };

export type ListResponse<T> = { items: T[] };

export type PageResponse<T> = { items: T[]; page: number; pageSize: number; hasMore: boolean };

/** The association's settings that the intake screens show (GET /api/settings). */
export type OrgSettings = {
  declarationTextAr: string;
  declarationTextEn: string;
  privacyNoticeVersion: string;
  privacyNoticeAr: string;
  consentPurposeAr: string;
  committeeTargetDays: number;
  /** Days after a rejection during which an appeal (تظلم) may be filed. */
  appealWindowDays: number;
  maxUploadMb: number;
};

// --- beneficiaries (server: modules/beneficiaries/schema.ts)

export type BeneficiarySummary = {
  id: string;
  fileNumber: string;
  nationalId: string;
  fullName: string;
  /** E.164, +9665XXXXXXXX. */
  mobile: string;
  /** "05X XXX XXXX". */
  mobileLocal: string;
  district: string;
  branchId: string;
  status: string;
  reverifyDue: string | null;
};

export type BeneficiarySearchResponse = PageResponse<BeneficiarySummary> & {
  matchedBy: 'national_id' | 'mobile' | 'file_number' | 'application_reference' | 'case_reference' | 'name' | 'all';
};

export type DuplicateCandidate = BeneficiarySummary & { reason: 'same_mobile' | 'same_name_birth_year' };
export type DuplicatesDetails = { candidates: DuplicateCandidate[]; hiddenCount: number };

export type BirthDateInput = { calendar: 'gregorian' | 'hijri'; date: string };
export type HouseholdMemberInput = {
  name: string;
  relation: string;
  birthDate: string;
  disability: boolean;
  disabilityNote?: string;
};
export type WaterInput = { source: string; storageLitres: number; peopleAtHome: number };
export type GeoPoint = { lat: number; lng: number };

export type CreateBeneficiaryRequest = {
  nationalId: string;
  firstName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  gender: string;
  birthDate: BirthDateInput;
  mobile: string;
  mobile2?: string | null;
  district: string;
  location?: GeoPoint | null;
  branchId: string;
  household: HouseholdMemberInput[];
  monthlyIncome: number;
  housing: string;
  familyStatus: string;
  disability: boolean;
  healthNotes?: string | null;
  water: WaterInput;
  consent: { accepted: true; channel: string };
  confirmNotDuplicate?: boolean;
  /** Confirms "people at home" although it differs from the applicant plus the listed members. */
  householdConfirmed?: boolean;
};

export type UpdateBeneficiaryRequest = Partial<
  Omit<CreateBeneficiaryRequest, 'nationalId' | 'consent' | 'confirmNotDuplicate'>
>;

export type BeneficiaryDocument = {
  id: string;
  kind: string;
  originalName: string;
  mime: string;
  size: number;
  applicationId: string | null;
  at: string;
};

/** A phone the portal remembers for tracking (GET /api/beneficiaries/:id/portal-devices). */
export type PortalDevice = {
  id: string;
  mobile: string;
  kind: 'iphone' | 'android' | 'computer' | 'other';
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
};

export type BeneficiaryFile = {
  id: string;
  fileNumber: string;
  nationalId: string;
  firstName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  fullName: string;
  gender: string;
  birthDate: string;
  mobile: string;
  mobile2: string | null;
  district: string;
  location: GeoPoint | null;
  branchId: string;
  housing: string;
  water: WaterInput;
  householdCheck: { listed: number; mismatch: boolean; confirmedSize: number | null };
  status: string;
  statusReason: string | null;
  suspendedUntil: string | null;
  reverifyDue: string | null;
  createdAt: string;
  updatedAt: string;
  household: {
    id: string;
    name: string;
    relation: string;
    birthDate: string;
    disability?: boolean;
    disabilityNote?: string | null;
  }[];
  /** False: the role may not see income, family status, disability and health notes (they are absent). */
  sensitiveShown: boolean;
  monthlyIncome?: number;
  familyStatus?: string;
  disability?: boolean;
  healthNotes?: string | null;
  consents: {
    id: string;
    purpose: string;
    noticeVersion: string;
    channel: string;
    at: string;
    recordedBy: string | null;
  }[];
  statusHistory: {
    kind: string;
    fromStatus: string;
    toStatus: string;
    reason: string | null;
    until: string | null;
    at: string;
  }[];
  documents: BeneficiaryDocument[];
};

export type StatusChangeRequest =
  | { action: 'suspend'; reason: string; until?: string }
  | { action: 'reinstate'; reason: string }
  | { action: 'reverify' }
  | { action: 'close'; reason: string };

// --- services and applications (server: modules/services, modules/applications)

export type RequiredDocument = { key: string; labelAr: string; labelEn: string };

export type Service = {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
  descriptionAr: string;
  descriptionEn: string;
  requiredDocuments: RequiredDocument[];
  eligibilityNotesAr: string;
  recurringDays: number | null;
  active: boolean;
};

export type ServiceRef = { id: string; code: string; nameAr: string; nameEn: string };

export type ApplicationQueue =
  | 'to_verify'
  | 'returned'
  | 'my_referrals'
  | 'ready_for_committee'
  | 'in_committee'
  | 'deferred'
  | 'completing'
  | 'enrolled'
  | 'closed';

export type ApplicationListItem = {
  id: string;
  reference: string;
  stage: string;
  channel: string;
  beneficiaryId: string;
  beneficiaryName: string;
  fileNumber: string;
  branchId: string;
  createdAt: string;
  stageChangedAt: string;
  /** A calendar date, YYYY-MM-DD. */
  expectedDecisionDate: string | null;
  score: number | null;
  services: ServiceRef[];
};

export type ScoreLine = { key: string; weight: number; value: number; points: number; detail: string };

export type ChecklistItem = {
  itemKey: string;
  labelAr: string;
  labelEn: string;
  state: string;
  note: string | null;
  documentId: string | null;
  updatedAt: string | null;
  updatedByName: string | null;
};

export type ApplicationTransition = {
  fromStage: string | null;
  toStage: string;
  channel: string;
  note: string | null;
  at: string;
  byName: string | null;
  byRole: string | null;
};

export type Declaration = {
  text: string;
  typedName: string;
  method: string;
  channel: string;
  at: string;
  witnessName: string | null;
};

export type ApplicationDetail = {
  id: string;
  reference: string;
  stage: string;
  channel: string;
  note: string | null;
  /** The applicant's description of the water problem (portal applications). */
  waterProblem: string | null;
  createdAt: string;
  stageChangedAt: string;
  raisedAt: string | null;
  expectedDecisionDate: string | null;
  score: number | null;
  scoreBreakdown: ScoreLine[] | null;
  missingItems: string[] | null;
  /** The delivery appointment agreed while completing: a working day and a time window ('HH:MM'). */
  appointment: { date: string; from: string; to: string } | null;
  branchId: string;
  beneficiary: { id: string; fileNumber: string; fullName: string; mobile: string; status: string };
  services: ServiceRef[];
  checklist: ChecklistItem[];
  transitions: ApplicationTransition[];
  declaration: Declaration | null;
  /** The deliveries scheduled or made for this application (the journey's last step). */
  deliveries: { id: string; status: string; scheduledDate: string; completedAt: string | null; sequence: number }[];
  /** Stages this user may move the application to now: the action buttons follow this list. */
  allowedNext: string[];
};

export type CreateApplicationRequest = { beneficiaryId: string; serviceIds: string[]; channel: string; note?: string };

export type TransitionRequest = {
  to: string;
  note?: string;
  declaration?: { typedName: string; method: 'signature' | 'checkbox' };
};

export type TransitionResponse = { id: string; stage: string; expectedDecisionDate: string | null };

export type ChecklistUpdateRequest = { state: string; note?: string; documentId?: string | null };

// --- committee (server: modules/committee/routes.ts, common/domain/committee.ts)

export type MeetingSummary = {
  id: string;
  reference: string;
  scheduledAt: string;
  location: string;
  chairUserId: string;
  /** scheduled | closed */
  status: string;
};

/** Derived from the shared response schema (src/common/api/staff.ts). */
export type { StaffRef } from '../../common/api/staff';

export type ScheduleMeetingRequest = {
  /** ISO date-time with its offset (+03:00, Riyadh). */
  scheduledAt: string;
  location: string;
  chairUserId: string;
  memberIds: string[];
};

export type Vote = 'accept' | 'reject' | 'defer';
export type Decision = 'accepted' | 'rejected' | 'deferred';

export type MeetingVote = { userId: string; vote: Vote; reason: string | null; displayName: string };

export type AgendaItem = {
  id: string;
  applicationId: string;
  position: number;
  isAppeal: boolean;
  decision: Decision | null;
  reasonCodes: string[] | null;
  decisionNote: string | null;
  decidedAt: string | null;
  letterReference: string | null;
  reference: string;
  stage: string;
  score: number | null;
  scoreBreakdown: ScoreLine[] | null;
  raisedAt: string | null;
  /** A calendar date, YYYY-MM-DD. */
  expectedDecisionDate: string | null;
  beneficiaryId: string;
  fileNumber: string;
  district: string;
  beneficiaryName: string;
  votes: MeetingVote[];
};

export type RejectionReason = { code: string; labelAr: string; labelEn: string };

export type MeetingDetail = {
  id: string;
  reference: string;
  scheduledAt: string;
  location: string;
  status: string;
  chairUserId: string;
  /** Whether the scheduled start has passed: attendance, votes and decisions are taken only then. */
  started: boolean;
  openedAt: string | null;
  closedAt: string | null;
  quorum: { needed: number; present: number };
  attendees: { userId: string; present: boolean; displayName: string }[];
  agenda: AgendaItem[];
  rejectionReasons: RejectionReason[];
};

export type DecisionRequest = { decision: Decision; reasonCodes: string[]; note?: string };
export type DecisionResponse = { decision: Decision; stage: string; letterReference: string | null };

export type OverdueApplication = {
  id: string;
  reference: string;
  stage: string;
  raisedAt: string | null;
  expectedDecisionDate: string;
  beneficiaryId: string;
  beneficiaryName: string;
};

export type AppealRequest = { reason: string; channel: string };

export type CompletionStep = {
  stepKey: string;
  labelAr: string;
  labelEn: string;
  done: boolean;
  doneAt: string | null;
  doneByName: string | null;
};

// --- deliveries (server: modules/deliveries/routes.ts)

export type Delivery = {
  id: string;
  beneficiaryId: string;
  applicationId: string | null;
  serviceId: string;
  branchId: string;
  /** A calendar date, YYYY-MM-DD. */
  scheduledDate: string;
  /** The time window agreed with the beneficiary, 'HH:MM', when there is one. */
  windowFrom: string | null;
  windowTo: string | null;
  assigneeUserId: string | null;
  /** scheduled | delivered | failed | cancelled */
  status: string;
  sequence: number;
  completedAt: string | null;
  recipientName: string | null;
  note: string | null;
  failureReason: string | null;
  lat: number | null;
  lng: number | null;
  photoDocumentId: string | null;
  beneficiaryName: string;
  fileNumber: string;
  /** E.164. */
  mobile: string;
  district: string;
  homeLat: number | null;
  homeLng: number | null;
  serviceNameAr: string;
  serviceNameEn: string;
  assigneeName: string | null;
};

export type DeliveryFilter = {
  from?: string;
  to?: string;
  assignee?: 'me' | string;
  status?: string;
  beneficiaryId?: string;
};

export type AssignDeliveryRequest = { assigneeUserId?: string | null; scheduledDate?: string };

export type DeliveryOutcomeRequest =
  | {
      outcome: 'delivered';
      recipientName: string;
      note?: string;
      location?: GeoPoint;
      photoDocumentId?: string;
      /** Required when recording it before its scheduled day. */
      earlyReason?: string;
    }
  | { outcome: 'failed'; reason: string; rescheduleTo?: string };

export type DeliveryOutcomeResponse = { status: string; nextDeliveryId: string | null };

// --- home inspection and appointment (server: modules/inspections/routes.ts)

export type InspectionOutcome = 'suitable' | 'unsuitable';

export type InspectionView = {
  inspection: {
    assigneeUserId: string;
    assigneeName: string;
    assignedAt: string;
    outcome: InspectionOutcome | null;
    note: string | null;
    location: GeoPoint | null;
    photoDocumentId: string | null;
    recordedAt: string | null;
    recordedByName: string | null;
  } | null;
  canAssign: boolean;
  canRecord: boolean;
  inspectors: { id: string; name: string; role: 'branch_rep' | 'execution_officer' }[];
};

export type InspectionResultRequest = {
  outcome: InspectionOutcome;
  note: string;
  location?: GeoPoint;
};

export type AppointmentRequest = { date: string; from: string; to: string };

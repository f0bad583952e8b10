/**
 * The one error type of the domain. Code never knows HTTP: the status of each code is decided here,
 * and the message comes from src/common/i18n/<lang>/errors.json in the caller's language.
 */
const STATUS_BY_CODE = {
  'request.validation': 400,
  'request.malformed_json': 400,
  'request.unsupported_media_type': 415,
  'request.too_large': 413,
  'request.not_found': 404,
  'request.rate_limited': 429,
  'auth.unauthenticated': 401,
  'auth.invalid_credentials': 401,
  'auth.totp_required': 401,
  'auth.totp_invalid': 401,
  'auth.rate_limited': 429,
  'auth.forbidden': 403,
  'auth.csrf': 403,
  'auth.bad_origin': 403,
  'auth.totp_enrollment_required': 403,
  'auth.totp_not_setup': 409,
  'auth.totp_mandatory': 409,
  'auth.totp_already_enabled': 409,
  'auth.wrong_password': 400,
  'user.not_found': 404,
  'user.username_taken': 409,
  'user.branch_not_found': 400,
  'user.cannot_disable_self': 409,
  'service.not_found': 404,
  'service.code_taken': 409,
  'beneficiary.not_found': 404,
  'beneficiary.national_id_exists': 409,
  'beneficiary.possible_duplicates': 409,
  'beneficiary.illegal_status_change': 409,
  'beneficiary.until_in_past': 400,
  'document.not_found': 404,
  'document.empty': 400,
  'document.too_large': 413,
  'document.type_not_allowed': 415,
  'document.multipart_required': 415,
  'application.not_found': 404,
  'application.illegal_transition': 409,
  'application.stage_changed': 409,
  'application.note_required': 400,
  'application.no_missing_items': 409,
  'application.checklist_incomplete': 409,
  'application.checklist_closed': 409,
  'application.checklist_item_not_found': 404,
  'application.declaration_required': 400,
  'application.declaration_name_mismatch': 400,
  'application.beneficiary_inactive': 409,
  'application.service_not_found': 400,
  'application.duplicate_open': 409,
  'committee.meeting_not_found': 404,
  'committee.meeting_closed': 409,
  'committee.member_not_committee': 400,
  'committee.not_on_agenda': 404,
  'committee.already_decided': 409,
  'committee.not_a_member': 403,
  'committee.not_present': 409,
  'committee.reason_required': 400,
  'committee.chair_only': 403,
  'committee.no_quorum': 409,
  'committee.reasons_required': 400,
  'committee.unknown_reason': 400,
  'committee.appeal_not_rejected': 409,
  'committee.appeal_exists': 409,
  'committee.appeal_window_closed': 409,
  'committee.not_completing': 409,
  'committee.step_not_found': 404,
  'committee.completion_incomplete': 409,
  'committee.no_letter': 404,
  'delivery.not_found': 404,
  'delivery.not_scheduled': 409,
  'delivery.bad_assignee': 400,
  'delivery.reschedule_past': 400,
  'case.not_found': 404,
  'case.illegal_transition': 409,
  'case.status_changed': 409,
  'case.note_required': 400,
  'case.reopen_window_closed': 409,
  'case.anonymous_no_reply': 409,
  'case.not_suggestion': 409,
  'case.bad_owner': 400,
  'task.not_found': 404,
  'interaction.not_linkable': 409,
  'knowledge.not_found': 404,
  'appointment.slot_not_found': 404,
  'appointment.slot_past': 409,
  'appointment.slot_taken': 409,
  'appointment.not_found': 404,
  'appointment.not_booked': 409,
  'appointment.summary_required': 400,
  'volunteer.exists': 409,
  'volunteer.not_found': 404,
  'volunteer.not_active': 409,
  'otp.rate_limited': 429,
  'otp.invalid': 400,
  'portal.identity_mismatch': 409,
  'portal.grant_invalid': 403,
  'portal.follow_invalid': 400,
  'notification.not_found': 404,
  'notification.not_requeueable': 409,
  'webhook.bad_signature': 403,
  'webhook.verify_failed': 403,
  'survey.unavailable': 410,
  'survey.answer_required': 400,
  'survey.bad_answer': 400,
  internal: 500,
  'database.unavailable': 503,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;
export const ERROR_CODES = Object.keys(STATUS_BY_CODE) as ErrorCode[];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, details?: unknown) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export function statusOf(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}

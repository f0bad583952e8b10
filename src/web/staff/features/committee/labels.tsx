import { useTranslation } from 'react-i18next';
import { RIYADH_TZ } from '../../../../common/dates';
import { useDisplay } from '../../../lib/display';
import { Badge, type BadgeTone } from '../../../ui/Badge';
import type { Decision, RejectionReason, Vote } from '../../api-types';
import { useLocalized } from '../applications/queries';

export const VOTE_TONE: Record<Vote, BadgeTone> = { accept: 'success', reject: 'danger', defer: 'warning' };
export const DECISION_TONE: Record<Decision, BadgeTone> = {
  accepted: 'success',
  rejected: 'danger',
  deferred: 'warning',
};
export const VOTES: readonly Vote[] = ['accept', 'reject', 'defer'];
export const DECISIONS: readonly Decision[] = ['accepted', 'rejected', 'deferred'];

/** A member's vote as a coloured word: قبول، رفض، تأجيل. */
export function VoteBadge({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  return <Badge tone={VOTE_TONE[vote]}>{t(`committee.votes.${vote}`)}</Badge>;
}

/** The committee's decision as a coloured word. */
export function DecisionBadge({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  return <Badge tone={DECISION_TONE[decision]}>{t(`committee.decisions.${decision}`)}</Badge>;
}

/** A meeting is open (scheduled) until its chair closes it. */
export function MeetingStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return status === 'closed' ? (
    <Badge tone="neutral">{t('committee.status.closed')}</Badge>
  ) : (
    <Badge tone="info">{t('committee.status.scheduled')}</Badge>
  );
}

/** The words of a rejection reason code, from the association's list; an unknown code is shown as it is. */
export function useReasonLabel(reasons: readonly RejectionReason[]): (code: string) => string {
  const localized = useLocalized();
  return (code) => {
    const reason = reasons.find((r) => r.code === code);
    return reason ? localized(reason.labelAr, reason.labelEn) : code;
  };
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** The time of day in Riyadh, e.g. "١٠:٠٠ ص", with the user's digits. */
export function useTimeOfDay(): (instant: string) => string {
  const { locale, digits } = useDisplay();
  const tag = `${locale === 'ar' ? 'ar-SA' : 'en-GB'}-u-nu-${digits}`;
  return (instant) => {
    let format = timeFormats.get(tag);
    if (!format) {
      format = new Intl.DateTimeFormat(tag, {
        timeZone: RIYADH_TZ,
        hour: 'numeric',
        minute: '2-digit',
        hourCycle: 'h12',
      });
      timeFormats.set(tag, format);
    }
    return format.format(new Date(instant));
  };
}

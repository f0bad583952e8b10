import { useTranslation } from 'react-i18next';
import type { BadgeTone } from '../../../ui/Badge';

export type CaseLabelGroup = 'kinds' | 'statuses' | 'priorities' | 'teams' | 'outcomes';

/** The words for a case code (kind, status, priority…); a code this build does not know is shown as it is. */
export function useCaseLabel(): (group: CaseLabelGroup, value: string | null | undefined) => string {
  const { t } = useTranslation();
  return (group, value) => {
    if (!value) return '';
    const labels = t(`cases.${group}`, { returnObjects: true }) as unknown as Record<string, string>;
    return labels[value] ?? value;
  };
}

/** The options of a select for one group of codes, in the given order. */
export function useCaseOptions(): (
  group: CaseLabelGroup,
  values: readonly string[],
) => { id: string; label: string }[] {
  const label = useCaseLabel();
  return (group, values) => values.map((id) => ({ id, label: label(group, id) }));
}

export const CASE_STATUS_TONE: Record<string, BadgeTone> = {
  new: 'info',
  in_progress: 'info',
  referred: 'warning',
  waiting_beneficiary: 'neutral',
  resolved: 'success',
  closed: 'neutral',
};

export const PRIORITY_TONE: Record<string, BadgeTone> = {
  low: 'neutral',
  normal: 'neutral',
  high: 'warning',
  urgent: 'danger',
};

export const OUTCOME_TONE: Record<string, BadgeTone> = {
  accepted: 'success',
  under_study: 'info',
  declined: 'neutral',
};

/** A status message's body as the server writes it: "from → to" and, after a colon, the note. */
export function parseStatusBody(body: string): { from: string; to: string; note: string | null } | null {
  const match = /^([a-z_]+) → ([a-z_]+)(?:: ([\s\S]*))?$/.exec(body);
  if (!match) return null;
  return { from: match[1] ?? '', to: match[2] ?? '', note: match[3]?.trim() || null };
}

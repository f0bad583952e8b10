import { useTranslation } from 'react-i18next';
import type ar from '../../../../common/i18n/ar/ui.json';
import type { BadgeTone } from '../../../ui/Badge';

export type EnumGroup = keyof typeof ar.enums;

/**
 * The words for a value the server sends as a code (stage, status, channel…). A code this build does not know
 * is shown as it is rather than hidden.
 */
export function useEnumLabel(): (group: EnumGroup, value: string | null | undefined) => string {
  const { t } = useTranslation();
  return (group, value) => {
    if (!value) return '';
    const labels = t(`enums.${group}`, { returnObjects: true }) as unknown as Record<string, string>;
    return labels[value] ?? value;
  };
}

/** The options of a select or radio group for one enum, in the given order. */
export function useEnumOptions(): (group: EnumGroup, values: readonly string[]) => { id: string; label: string }[] {
  const label = useEnumLabel();
  return (group, values) => values.map((id) => ({ id, label: label(group, id) }));
}

export const BENEFICIARY_STATUS_TONE: Record<string, BadgeTone> = {
  applicant: 'info',
  active: 'success',
  suspended: 'warning',
  closed: 'neutral',
};

/** A suspended or closed file gets no new application (the server refuses it too). */
export function isClosedOrSuspended(status: string): boolean {
  return status === 'suspended' || status === 'closed';
}

import { Badge } from '../../../ui/Badge';
import { CASE_STATUS_TONE, PRIORITY_TONE, useCaseLabel } from './labels';

/** A case's status as a coloured word: جديد، قيد المعالجة، محال لمسؤول التنفيذ… */
export function CaseStatusBadge({ status }: { status: string }) {
  const label = useCaseLabel();
  return <Badge tone={CASE_STATUS_TONE[status] ?? 'neutral'}>{label('statuses', status)}</Badge>;
}

/** Priority as a word; only high and urgent draw the eye. */
export function PriorityBadge({ priority }: { priority: string }) {
  const label = useCaseLabel();
  return <Badge tone={PRIORITY_TONE[priority] ?? 'neutral'}>{label('priorities', priority)}</Badge>;
}

import { Badge } from '../../../ui/Badge';
import { useEnumLabel } from '../beneficiaries/labels';
import { STAGE_TONE } from './labels';

/** An application's stage as a coloured word: قيد التحقق، محال لمسؤول التنفيذ، لدى اللجنة… */
export function StageBadge({ stage }: { stage: string }) {
  const label = useEnumLabel();
  return <Badge tone={STAGE_TONE[stage] ?? 'neutral'}>{label('stage', stage)}</Badge>;
}

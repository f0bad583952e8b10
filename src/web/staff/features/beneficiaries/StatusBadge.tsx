import { Badge } from '../../../ui/Badge';
import { BENEFICIARY_STATUS_TONE, useEnumLabel } from './labels';

/** A file's status as a coloured word: متقدم، نشط، موقوف، مغلق. */
export function BeneficiaryStatusBadge({ status }: { status: string }) {
  const label = useEnumLabel();
  return <Badge tone={BENEFICIARY_STATUS_TONE[status] ?? 'neutral'}>{label('beneficiaryStatus', status)}</Badge>;
}

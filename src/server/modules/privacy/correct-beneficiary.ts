import type { CorrectionInput } from '../../../common/api/privacy';
import { SENSITIVE_FIELDS, type UpdateBeneficiaryInput } from '../../../common/domain/beneficiary';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { beforeAfter } from '../audit';
import { diffFields, loadBeneficiaryFor, toColumns } from '../beneficiaries';
import { insertRevision, nationalIdTakenByOther, updateBeneficiaryColumns } from './queries';

const DERIVED = new Set(['nameNorm', 'districtNorm']);

/**
 * Corrects a file at the person's request (PDPL right of correction): one revision with each field's old and
 * new value and the reason, and an audit row with before and after (identifying numbers masked, sensitive
 * values hidden). A correction that changes nothing is refused, so the history holds only real changes.
 */
export async function correctBeneficiary(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: CorrectionInput,
  meta: RequestMeta,
) {
  const current = await loadBeneficiaryFor(deps, user, id, 'beneficiaries.write');
  const { nationalId, ...rest } = input.fields;
  const columns = toColumns(rest as UpdateBeneficiaryInput, current);
  if (nationalId !== undefined) {
    if (await nationalIdTakenByOther(deps.db, user.orgId, nationalId, id))
      throw new AppError('beneficiary.national_id_exists');
    columns.nationalId = nationalId;
  }
  const changes = diffFields(current as unknown as Record<string, unknown>, columns);
  if (Object.keys(changes).length === 0) throw new AppError('privacy.nothing_changed');
  const visible = Object.fromEntries(Object.entries(columns).filter(([k]) => !DERIVED.has(k)));
  return deps.db.transaction(async (tx) => {
    await updateBeneficiaryColumns(tx, user.orgId, id, columns);
    const revisionId = await insertRevision(tx, {
      orgId: user.orgId,
      beneficiaryId: id,
      byUser: user.id,
      changes,
      reason: input.reason,
    });
    await writeAudit(tx, user, meta, {
      action: 'privacy.corrected',
      entityType: 'beneficiary',
      entityId: id,
      details: {
        reason: input.reason,
        revisionId,
        ...beforeAfter(current as unknown as Record<string, unknown>, visible, {
          mask: ['nationalId', 'mobile', 'mobile2'],
          hide: SENSITIVE_FIELDS,
        }),
      },
    });
    return { revisionId, fields: Object.keys(changes) };
  });
}

import type { z } from 'zod';
import type { fieldDeliveryInput } from '../../../common/domain/field';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { uploadDocument } from '../beneficiaries';
import { getDelivery, recordDeliveryOutcome } from '../deliveries';
import { checkVersion } from './conflicts';
import { decodePhoto } from './photos';
import { getFileVersion } from './queries';

/**
 * A delivery outcome recorded on the phone, sent from its queue: checked against the version the phone had
 * (checkVersion), then its photo proof is filed as a document of the beneficiary and the outcome recorded by the
 * deliveries module's own use case, so the rules (early delivery, rescheduling, the next recurring delivery,
 * the satisfaction survey) are the same as at the office.
 */
export async function recordFieldDelivery(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: z.infer<typeof fieldDeliveryInput>,
  meta: RequestMeta,
) {
  authorize(user, 'field.work');
  const delivery = await getDelivery(deps.db, user.orgId, id);
  if (!delivery) throw new AppError('delivery.not_found');
  const file = await getFileVersion(deps.db, user.orgId, delivery.beneficiaryId);
  if (!file) throw new AppError('beneficiary.not_found');
  checkVersion(
    user,
    {
      orgId: delivery.orgId,
      status: delivery.status as z.infer<typeof fieldDeliveryInput>['expected']['status'],
      scheduledDate: delivery.scheduledDate,
      branchId: delivery.branchId,
      beneficiaryStatus: file.beneficiaryStatus as z.infer<typeof fieldDeliveryInput>['expected']['beneficiaryStatus'],
    },
    input.expected,
    'deliveries.manage',
    // A delivery can only be recorded while scheduled, whatever the phone had.
    delivery.status === 'scheduled',
  );
  const photo = input.photo ? decodePhoto(input.photo) : null;
  let photoDocumentId: string | undefined;
  if (photo && input.result.outcome === 'delivered') {
    const doc = await uploadDocument(
      deps,
      user,
      delivery.beneficiaryId,
      { fileName: photo.fileName, bytes: photo.bytes, kind: 'delivery_photo', applicationId: null },
      meta,
    );
    photoDocumentId = doc.id;
  }
  const result = input.result.outcome === 'delivered' ? { ...input.result, photoDocumentId } : input.result;
  const answer = await recordDeliveryOutcome(deps, user, id, result, meta);
  await writeAudit(deps.db, user, meta, {
    action: 'delivery.recorded_in_field',
    entityType: 'delivery',
    entityId: id,
    details: { recordedAt: input.recordedAt, photoDocumentId: photoDocumentId ?? null },
  });
  return answer;
}

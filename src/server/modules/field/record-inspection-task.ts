import type { z } from 'zod';
import type { fieldInspectionTaskInput, InspectionTaskVersion } from '../../../common/domain/field';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { uploadDocument } from '../beneficiaries';
import { recordInspection } from '../inspections';
import { checkVersion } from './conflicts';
import { decodePhoto } from './photos';
import { getInspectionTaskVersion } from './queries';

/**
 * The home inspection assigned to this representative, recorded on the phone: it completes the application's
 * inspection step through the inspections module's own use case. If the task changed meanwhile (recorded,
 * handed to someone else, the application no longer completing, the file suspended or moved) it is held for
 * review. The photo is filed as a document of the beneficiary and linked to the inspection.
 */
export async function recordFieldInspectionTask(
  deps: Deps,
  user: SessionUser,
  applicationId: string,
  input: z.infer<typeof fieldInspectionTaskInput>,
  meta: RequestMeta,
) {
  authorize(user, 'field.work');
  const task = await getInspectionTaskVersion(deps.db, user.orgId, applicationId, user.id);
  if (!task) throw new AppError('application.not_found');
  checkVersion(
    user,
    {
      orgId: task.orgId,
      taskStatus: task.taskStatus,
      branchId: task.branchId,
      beneficiaryStatus: task.beneficiaryStatus as InspectionTaskVersion['beneficiaryStatus'],
    },
    input.expected,
    'inspections.record',
    task.taskStatus === 'open',
  );
  const photo = input.photo ? decodePhoto(input.photo) : null;
  const doc = photo
    ? await uploadDocument(
        deps,
        user,
        task.beneficiaryId,
        { fileName: photo.fileName, bytes: photo.bytes, kind: 'inspection_photo', applicationId },
        meta,
      )
    : null;
  await recordInspection(deps, user, applicationId, { ...input.result, photoDocumentId: doc?.id }, meta);
  await writeAudit(deps.db, user, meta, {
    action: 'inspection.recorded_in_field',
    entityType: 'application',
    entityId: applicationId,
    details: { recordedAt: input.recordedAt, photoDocumentId: doc?.id ?? null },
  });
  return { outcome: input.result.outcome, photoDocumentId: doc?.id ?? null };
}

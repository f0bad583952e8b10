import type { z } from 'zod';
import type { FileVersion, fieldInspectionInput } from '../../../common/domain/field';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { checkVersion } from './conflicts';
import { decodePhoto, storePhotos } from './photos';
import { getFileVersion, insertFieldReport } from './queries';

/** A home inspection (site visit) recorded on the phone, with its photos; refused as a conflict if the file changed. */
export async function recordFieldInspection(
  deps: Deps,
  user: SessionUser,
  input: z.infer<typeof fieldInspectionInput>,
  meta: RequestMeta,
) {
  authorize(user, 'field.work');
  const file = await getFileVersion(deps.db, user.orgId, input.beneficiaryId);
  if (!file) throw new AppError('beneficiary.not_found');
  checkVersion(
    user,
    {
      orgId: file.orgId,
      branchId: file.branchId,
      beneficiaryStatus: file.beneficiaryStatus as FileVersion['beneficiaryStatus'],
    },
    input.expected,
    'field.work',
  );
  const uploads = input.photos.map(decodePhoto);
  const { photos: _photos, expected: _expected, recordedAt, beneficiaryId, ...data } = input;
  const id = await storePhotos(deps, user.orgId, uploads, (files) =>
    deps.db.transaction(async (tx) => {
      const reportId = await insertFieldReport(
        tx,
        {
          orgId: user.orgId,
          kind: 'inspection',
          branchId: file.branchId,
          beneficiaryId,
          data,
          recordedAt: new Date(recordedAt),
          createdBy: user.id,
        },
        files,
      );
      await writeAudit(tx, user, meta, {
        action: 'field.inspection_recorded',
        entityType: 'beneficiary',
        entityId: beneficiaryId,
        details: { reportId, photos: files.length, recommendation: data.recommendation, recordedAt },
      });
      return reportId;
    }),
  );
  return { id };
}

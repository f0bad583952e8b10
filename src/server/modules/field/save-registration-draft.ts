import type { RegistrationDraftInput } from '../../../common/domain/field';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { decodePhoto, storePhotos } from './photos';
import { insertFieldReport } from './queries';

/**
 * A household met in the field, with its consent and photos of its documents: kept as a draft of the
 * representative's branch until an officer opens the file at the office (complete-registration-draft.ts).
 */
export async function saveRegistrationDraft(
  deps: Deps,
  user: SessionUser,
  input: RegistrationDraftInput,
  meta: RequestMeta,
) {
  authorize(user, 'field.work');
  const branchId = user.branchId;
  if (!branchId) throw new AppError('field.no_branch');
  const uploads = input.photos.map(decodePhoto);
  const { photos: _photos, recordedAt, ...data } = input;
  const id = await storePhotos(deps, user.orgId, uploads, (files) =>
    deps.db.transaction(async (tx) => {
      const reportId = await insertFieldReport(
        tx,
        {
          orgId: user.orgId,
          kind: 'registration_draft',
          branchId,
          beneficiaryId: null,
          data: { ...data, consentAt: recordedAt },
          recordedAt: new Date(recordedAt),
          createdBy: user.id,
        },
        files,
      );
      await writeAudit(tx, user, meta, {
        action: 'field.registration_draft_saved',
        entityType: 'field_report',
        entityId: reportId,
        details: { photos: files.length, consent: true, recordedAt },
      });
      return reportId;
    }),
  );
  return { id };
}

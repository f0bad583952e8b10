import type { z } from 'zod';
import type { signUpVolunteerInput } from '../../../common/api/volunteers';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { recordInteraction } from '../timeline';
import { branchExists } from '../users';
import { insertVolunteer } from './queries';

type SignUpInput = z.infer<typeof signUpVolunteerInput>;

/** A sign-up is also a contact on the volunteering channel; one volunteer per mobile number. */
export async function signUpVolunteer(deps: Deps, user: SessionUser, input: SignUpInput, meta: RequestMeta) {
  if (input.branchId && !(await branchExists(deps.db, user.orgId, input.branchId)))
    throw new AppError('user.branch_not_found');
  try {
    return await deps.db.transaction(async (tx) => {
      const id = await insertVolunteer(tx, { orgId: user.orgId, ...input });
      await recordInteraction(tx, {
        orgId: user.orgId,
        channel: 'volunteering',
        direction: 'inbound',
        userId: user.id,
        summary: `تسجيل متطوع: ${input.name}`,
        contactName: input.name,
        contactMobile: input.mobile,
      });
      await writeAudit(tx, user, meta, { action: 'volunteer.created', entityType: 'volunteer', entityId: id });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'volunteers_org_mobile_uq')) throw new AppError('volunteer.exists');
    throw error;
  }
}

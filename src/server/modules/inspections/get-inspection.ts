import type { z } from 'zod';
import type { Deps, SessionUser } from '../../http/context';
import { can } from '../../policy';
import { loadApplicationFor } from '../applications';
import { findInspection, inspectors } from './queries';
import type { inspectionResponse } from './schema';

/** The application's home inspection as the caller sees it, with whom it can be handed to when they may. */
export async function getInspection(
  deps: Deps,
  user: SessionUser,
  applicationId: string,
): Promise<z.infer<typeof inspectionResponse>> {
  const app = await loadApplicationFor(deps, user, applicationId);
  const row = await findInspection(deps.db, user.orgId, applicationId);
  const canAssign = can(user, 'inspections.assign', app) && app.stage === 'completing' && !row?.recordedAt;
  return {
    inspection: row
      ? {
          assigneeUserId: row.assigneeUserId,
          assigneeName: row.assigneeName,
          assignedAt: row.assignedAt.toISOString(),
          outcome: row.outcome as 'suitable' | 'unsuitable' | null,
          note: row.note,
          location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
          photoDocumentId: row.photoDocumentId,
          recordedAt: row.recordedAt?.toISOString() ?? null,
          recordedByName: row.recordedByName,
        }
      : null,
    canAssign,
    canRecord: app.stage === 'completing' && row !== null && !row.recordedAt && row.assigneeUserId === user.id,
    inspectors: canAssign
      ? (await inspectors(deps.db, user.orgId, app.branchId)).map((u) => ({
          ...u,
          role: u.role as 'branch_rep' | 'execution_officer',
        }))
      : [],
  };
}

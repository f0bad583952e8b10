import { z } from 'zod';
import { riyadhDate } from '../../../common/dates';
import { formatSaudiMobileLocal } from '../../../common/saudi';
import type { Deps, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import {
  countCheck,
  countNeedsCorrection,
  countOpenPairs,
  listCheck,
  QUALITY_CHECKS,
  type QualityCheck,
} from './queries';

export const qualitySummarySchema = z.object({
  checks: z.array(z.object({ check: z.enum(QUALITY_CHECKS), count: z.number() })),
  duplicatesOpen: z.number(),
  /** Import rows kept as files waiting for correction (listed by `/api/import-corrections`). */
  needsCorrection: z.number(),
});
export const qualityListSchema = z.object({
  check: z.enum(QUALITY_CHECKS),
  total: z.number(),
  items: z.array(
    z.object({
      id: z.uuid(),
      fileNumber: z.string(),
      fullName: z.string(),
      mobileLocal: z.string(),
      birthDate: z.string(),
      district: z.string(),
      reverifyDue: z.string().nullable(),
    }),
  ),
});

/** The counts of the data-quality page: each check on the association's live files, and the review queue. */
export async function dataQualitySummary(deps: Deps, user: SessionUser) {
  authorize(user, 'quality.read');
  const today = riyadhDate(new Date());
  const checks = [];
  for (const check of QUALITY_CHECKS) {
    checks.push({ check, count: await countCheck(deps.db, user.orgId, check, today) });
  }
  return {
    checks,
    duplicatesOpen: await countOpenPairs(deps.db, user.orgId),
    needsCorrection: await countNeedsCorrection(deps.db, user.orgId),
  };
}

/** The files one check finds, a page at a time, in file-number order. */
export async function dataQualityList(deps: Deps, user: SessionUser, check: QualityCheck, page: number) {
  authorize(user, 'quality.read');
  const today = riyadhDate(new Date());
  const size = 50;
  const [total, rows] = [
    await countCheck(deps.db, user.orgId, check, today),
    await listCheck(deps.db, user.orgId, check, today, size, (page - 1) * size),
  ];
  return {
    check,
    total,
    items: rows.map((r) => ({
      id: r.id,
      fileNumber: r.fileNumber,
      fullName: [r.firstName, r.fatherName, r.grandfatherName, r.familyName].join(' '),
      mobileLocal: formatSaudiMobileLocal(r.mobile),
      birthDate: r.birthDate,
      district: r.district,
      reverifyDue: r.reverifyDue,
    })),
  };
}

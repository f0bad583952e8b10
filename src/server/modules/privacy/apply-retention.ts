import { AppError } from '../../errors';
import type { Deps } from '../../http/context';
import { addMonths } from '../beneficiaries';
import { anonymiseBeneficiary } from './anonymise-beneficiary';
import { closedBefore } from './queries';

/**
 * The retention rule: files closed for longer than the retention period are anonymised, except under a legal
 * hold or with an application still open. Runs daily; `today` is passed in so tests control the clock.
 */
export async function applyRetention(deps: Deps, orgId: string, today: string, retentionMonths: number) {
  const cutoff = new Date(`${addMonths(today, -retentionMonths)}T00:00:00+03:00`);
  const due = await closedBefore(deps.db, orgId, cutoff, today);
  let done = 0;
  for (const b of due) {
    try {
      await anonymiseBeneficiary(
        deps.db,
        orgId,
        b.id,
        today,
        deps.config.uploadDir,
        null,
        { ip: null, userAgent: 'retention-job' },
        'retention_period_ended',
      );
      done += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return done;
}

import { addDays, riyadhDate } from '../../../common/dates';
import { FIELD_WORKING_DAYS_AHEAD } from '../../../common/domain/field';
import { isWorkingDate, nextWorkingDate } from '../../../common/domain/sla';
import type { Deps, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { fullName } from '../beneficiaries';
import { getSettings } from '../settings';
import { listBranchRoute } from './queries';

/** Today and the next FIELD_WORKING_DAYS_AHEAD working days of the association's calendar. */
export function workingWindow(today: string, calendar: { workDays: number[]; holidays: string[] }): string[] {
  const days = isWorkingDate(today, calendar) ? [today] : [];
  let day = today;
  for (let i = 0; i < FIELD_WORKING_DAYS_AHEAD; i += 1) {
    day = nextWorkingDate(addDays(day, 1), calendar);
    days.push(day);
  }
  return days;
}

/**
 * The representative's work to take out: their own branch's open deliveries for today and the next working days,
 * each with the version the phone sends back, so a change made meanwhile at the office is caught at sync.
 */
export async function getDayWork(deps: Deps, user: SessionUser) {
  authorize(user, 'field.work');
  const settings = await getSettings(deps.db, user.orgId);
  const now = new Date();
  const days = workingWindow(riyadhDate(now), { workDays: settings.workDays, holidays: settings.publicHolidays });
  const from = riyadhDate(now);
  const to = days[days.length - 1] ?? from;
  // A representative without a branch has no route (nothing of any branch is theirs).
  const rows = user.branchId ? await listBranchRoute(deps.db, user.orgId, user.branchId, from, to) : [];
  return {
    userId: user.id,
    branchId: user.branchId,
    from,
    to,
    days,
    generatedAt: now.toISOString(),
    deliveries: rows.map(({ firstName, fatherName, grandfatherName, familyName, ...row }) => ({
      ...row,
      beneficiaryName: fullName({ firstName, fatherName, grandfatherName, familyName }),
      version: {
        status: row.status,
        scheduledDate: row.scheduledDate,
        branchId: row.branchId,
        beneficiaryStatus: row.beneficiaryStatus,
      },
    })),
  };
}

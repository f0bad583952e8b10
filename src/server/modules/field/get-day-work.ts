import { addDays, riyadhDate } from '../../../common/dates';
import { FIELD_WORKING_DAYS_AHEAD } from '../../../common/domain/field';
import { isWorkingDate, nextWorkingDate } from '../../../common/domain/sla';
import type { Deps, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { fullName } from '../beneficiaries';
import { getSettings } from '../settings';
import { listBranchAppointments, listBranchRoute, listMyInspectionTasks } from './queries';

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

type Household = { firstName: string; fatherName: string; grandfatherName: string; familyName: string };
/** The name shown at the door, in place of its four parts. */
function named<T extends Household>({ firstName, fatherName, grandfatherName, familyName, ...row }: T) {
  return { ...row, beneficiaryName: fullName({ firstName, fatherName, grandfatherName, familyName }) };
}

/**
 * The representative's work to take out: their own branch's open deliveries and booked visits for today and the
 * next working days, and the home inspections assigned to them, each with the version the phone sends back, so a
 * change made meanwhile at the office is caught at sync.
 */
export async function getDayWork(deps: Deps, user: SessionUser) {
  authorize(user, 'field.work');
  const settings = await getSettings(deps.db, user.orgId);
  const now = new Date();
  const days = workingWindow(riyadhDate(now), { workDays: settings.workDays, holidays: settings.publicHolidays });
  const from = riyadhDate(now);
  const to = days[days.length - 1] ?? from;
  // A representative without a branch has no route (nothing of any branch is theirs).
  const branchId = user.branchId;
  const [rows, visits, tasks] = branchId
    ? await Promise.all([
        listBranchRoute(deps.db, user.orgId, branchId, from, to),
        listBranchAppointments(
          deps.db,
          user.orgId,
          branchId,
          new Date(`${from}T00:00:00+03:00`),
          new Date(`${to}T23:59:59.999+03:00`),
        ),
        listMyInspectionTasks(deps.db, user.orgId, user.id, branchId),
      ])
    : [[], [], []];
  return {
    userId: user.id,
    branchId: user.branchId,
    from,
    to,
    days,
    generatedAt: now.toISOString(),
    deliveries: rows.map((row) => ({
      ...named(row),
      version: {
        status: row.status,
        scheduledDate: row.scheduledDate,
        branchId: row.branchId,
        beneficiaryStatus: row.beneficiaryStatus,
      },
    })),
    appointments: visits.map((row) => ({
      ...named(row),
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      version: {
        status: row.status,
        startsAt: row.startsAt.toISOString(),
        branchId: row.branchId,
        beneficiaryStatus: row.beneficiaryStatus,
      },
    })),
    inspections: tasks.map((row) => ({
      ...named(row),
      assignedAt: row.assignedAt.toISOString(),
      version: { taskStatus: 'open', branchId: row.branchId, beneficiaryStatus: row.beneficiaryStatus },
    })),
  };
}

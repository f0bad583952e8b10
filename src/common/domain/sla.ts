/** The association's working calendar: days of the week (0 = Sunday), hours in Riyadh time, public holidays. */
export type WorkCalendar = { workDays: number[]; startMinute: number; endMinute: number; holidays: string[] };

export const DEFAULT_CALENDAR: WorkCalendar = {
  workDays: [0, 1, 2, 3, 4],
  startMinute: 8 * 60,
  endMinute: 16 * 60,
  holidays: [],
};

const RIYADH_OFFSET_MS = 3 * 3_600_000; // Riyadh is UTC+3 all year (no daylight saving).
const DAY_MS = 86_400_000;

/** Riyadh wall-clock day (ms at Riyadh midnight, as if UTC) and minute of day. */
function riyadhParts(t: number) {
  const local = t + RIYADH_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  return { dayStart, minute: (local - dayStart) / 60_000 };
}

function isWorkDay(dayStart: number, cal: WorkCalendar): boolean {
  const date = new Date(dayStart);
  return cal.workDays.includes(date.getUTCDay()) && !cal.holidays.includes(date.toISOString().slice(0, 10));
}

/** Working minutes between two instants (0 when b ≤ a). */
export function workingMinutesBetween(a: Date, b: Date, cal: WorkCalendar): number {
  if (b <= a) return 0;
  let total = 0;
  let { dayStart } = riyadhParts(a.getTime());
  const end = b.getTime() + RIYADH_OFFSET_MS;
  const begin = a.getTime() + RIYADH_OFFSET_MS;
  while (dayStart < end) {
    if (isWorkDay(dayStart, cal)) {
      const open = Math.max(dayStart + cal.startMinute * 60_000, begin);
      const close = Math.min(dayStart + cal.endMinute * 60_000, end);
      if (close > open) total += (close - open) / 60_000;
    }
    dayStart += DAY_MS;
  }
  return Math.round(total);
}

/** The instant reached after `minutes` of working time from `from` (skips nights, weekends and holidays). */
export function addWorkingMinutes(from: Date, minutes: number, cal: WorkCalendar): Date {
  let remaining = minutes;
  let { dayStart, minute } = riyadhParts(from.getTime());
  for (let guard = 0; guard < 3660; guard++) {
    if (isWorkDay(dayStart, cal)) {
      const open = Math.max(minute, cal.startMinute);
      const available = cal.endMinute - open;
      if (available > 0) {
        if (remaining <= available) return new Date(dayStart + (open + remaining) * 60_000 - RIYADH_OFFSET_MS);
        remaining -= available;
      }
    }
    dayStart += DAY_MS;
    minute = 0;
  }
  throw new Error('working calendar has no working time');
}

/** Whether an ISO date (YYYY-MM-DD) is a working day of the calendar (its weekday, not a holiday). */
export function isWorkingDate(isoDate: string, cal: Pick<WorkCalendar, 'workDays' | 'holidays'>): boolean {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return cal.workDays.includes(day) && !cal.holidays.includes(isoDate);
}

/** The date itself when it is a working day, otherwise the next working day (at most a year ahead). */
export function nextWorkingDate(isoDate: string, cal: Pick<WorkCalendar, 'workDays' | 'holidays'>): string {
  let t = new Date(`${isoDate}T00:00:00Z`).getTime();
  for (let i = 0; i < 366; i += 1) {
    const candidate = new Date(t).toISOString().slice(0, 10);
    if (isWorkingDate(candidate, cal)) return candidate;
    t += DAY_MS;
  }
  return isoDate;
}

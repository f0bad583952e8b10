import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, DEFAULT_CALENDAR, type WorkCalendar, workingMinutesBetween } from './sla';

// Riyadh = UTC+3: 08:00 Riyadh is 05:00Z. 2026-11-26 is a Thursday; 27–28 are Friday and Saturday.
const at = (iso: string) => new Date(iso);

describe('working time (Sunday–Thursday, 08:00–16:00 Riyadh)', () => {
  it('adds time within a day', () => {
    expect(addWorkingMinutes(at('2026-11-24T06:00:00Z'), 120, DEFAULT_CALENDAR).toISOString()).toBe(
      '2026-11-24T08:00:00.000Z',
    );
  });

  it('carries over the weekend: Thursday 15:00 + 2 h is Sunday 09:00', () => {
    expect(addWorkingMinutes(at('2026-11-26T12:00:00Z'), 120, DEFAULT_CALENDAR).toISOString()).toBe(
      '2026-11-29T06:00:00.000Z',
    );
  });

  it('starts counting at opening time when a case arrives at night or on Friday', () => {
    expect(addWorkingMinutes(at('2026-11-27T20:00:00Z'), 60, DEFAULT_CALENDAR).toISOString()).toBe(
      '2026-11-29T06:00:00.000Z',
    );
  });

  it('skips public holidays', () => {
    const cal: WorkCalendar = { ...DEFAULT_CALENDAR, holidays: ['2026-11-29'] };
    expect(addWorkingMinutes(at('2026-11-26T12:00:00Z'), 120, cal).toISOString()).toBe('2026-11-30T06:00:00.000Z');
  });

  it('measures working minutes between instants, across a weekend and a holiday', () => {
    expect(workingMinutesBetween(at('2026-11-26T12:00:00Z'), at('2026-11-29T06:00:00Z'), DEFAULT_CALENDAR)).toBe(120);
    const cal: WorkCalendar = { ...DEFAULT_CALENDAR, holidays: ['2026-11-29'] };
    expect(workingMinutesBetween(at('2026-11-26T12:00:00Z'), at('2026-11-30T06:00:00Z'), cal)).toBe(120);
    expect(workingMinutesBetween(at('2026-11-30T06:00:00Z'), at('2026-11-26T12:00:00Z'), cal)).toBe(0);
  });

  it('adding then measuring gives back the same minutes', () => {
    for (const start of ['2026-11-24T03:17:00Z', '2026-11-26T12:59:00Z', '2026-11-28T10:00:00Z']) {
      for (const minutes of [1, 59, 480, 481, 2400]) {
        const end = addWorkingMinutes(at(start), minutes, DEFAULT_CALENDAR);
        expect(workingMinutesBetween(at(start), end, DEFAULT_CALENDAR), `${start} + ${minutes}`).toBe(minutes);
      }
    }
  });
});

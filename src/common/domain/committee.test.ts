import { describe, expect, it } from 'vitest';
import { expectedDecisionDate } from './committee';

describe('expected decision date (raised day in Riyadh + target days)', () => {
  it('counts from the Riyadh calendar day, not the UTC one', () => {
    // 23:59 in Riyadh on 31 January is still 31 January there.
    expect(expectedDecisionDate(new Date('2026-01-31T20:59:59Z'), 14)).toBe('2026-02-14');
    // One second later it is 1 February in Riyadh, while UTC still says 31 January.
    expect(expectedDecisionDate(new Date('2026-01-31T21:00:00Z'), 14)).toBe('2026-02-15');
  });

  it('crosses month and year ends, and leap days', () => {
    expect(expectedDecisionDate(new Date('2026-12-25T09:00:00Z'), 14)).toBe('2027-01-08');
    expect(expectedDecisionDate(new Date('2028-02-15T09:00:00Z'), 14)).toBe('2028-02-29');
    expect(expectedDecisionDate(new Date('2027-02-15T09:00:00Z'), 14)).toBe('2027-03-01');
    expect(expectedDecisionDate(new Date('2026-04-30T22:30:00Z'), 7)).toBe('2026-05-08');
  });

  it('has no daylight-saving jumps: the same clock hour every day of the year gives consecutive dates', () => {
    let previous = expectedDecisionDate(new Date('2026-01-01T12:00:00Z'), 14);
    for (let day = 1; day < 365; day++) {
      const next = expectedDecisionDate(new Date(Date.UTC(2026, 0, 1 + day, 12)), 14);
      expect(new Date(`${next}T00:00:00Z`).getTime() - new Date(`${previous}T00:00:00Z`).getTime()).toBe(86_400_000);
      previous = next;
    }
  });
});

import type { CaseKind } from './case';

/**
 * How long a person waits for an answer, in words they use: working hours under a working day, else working days
 * (rounded up). Counted like the SLA clock: on working days, within working hours.
 */
export type ReplyTime = { unit: 'hours' | 'days'; n: number };

export function replyTime(hours: number, workdayHours: number): ReplyTime {
  if (hours < workdayHours) return { unit: 'hours', n: Math.max(1, Math.ceil(hours)) };
  return { unit: 'days', n: Math.max(1, Math.ceil(hours / workdayHours)) };
}

/** Arabic counted nouns: ١ ساعة عمل واحدة، ساعتا عمل، ٣–١٠ ساعات عمل، ١١+ ساعة عمل. */
export function replyTimeAr({ unit, n }: ReplyTime): string {
  if (unit === 'hours') {
    if (n === 1) return 'ساعة عمل واحدة';
    if (n === 2) return 'ساعتَي عمل';
    return n <= 10 ? `${n} ساعات عمل` : `${n} ساعة عمل`;
  }
  if (n === 1) return 'يوم عمل واحد';
  if (n === 2) return 'يومَي عمل';
  return n <= 10 ? `${n} أيام عمل` : `${n} يوم عمل`;
}

export function replyTimeEn({ unit, n }: ReplyTime): string {
  const word = unit === 'hours' ? 'working hour' : 'working day';
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export type ReplyTimes = Record<
  'inquiry' | 'complaint' | 'suggestion' | 'service_request',
  { first: ReplyTime; resolve: ReplyTime }
>;

export function replyTimesFrom(
  targets: Record<CaseKind, { firstResponseHours: number; resolutionHours: number }>,
  workdayHours: number,
): ReplyTimes {
  const of = (kind: keyof ReplyTimes) => ({
    first: replyTime(targets[kind].firstResponseHours, workdayHours),
    resolve: replyTime(targets[kind].resolutionHours, workdayHours),
  });
  return {
    inquiry: of('inquiry'),
    complaint: of('complaint'),
    suggestion: of('suggestion'),
    service_request: of('service_request'),
  };
}

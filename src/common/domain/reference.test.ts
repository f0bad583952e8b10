import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA } from './case';
import { digitsOnly, normalizeReference } from './reference';
import { replyTime, replyTimeAr, replyTimesFrom } from './reply-time';

describe('references as people type them', () => {
  it('accepts the prefix or not, any separators, Arabic-Indic or Latin digits, with or without leading zeros', () => {
    for (const typed of [
      'APP-2026-00012',
      'app-2026-00012',
      '2026-00012',
      '2026-12',
      '٢٠٢٦-١٢',
      'APP ٢٠٢٦ ٠٠٠١٢',
      '202600012',
      '2026/12',
      ' APP-2026-12 ',
    ]) {
      expect(normalizeReference(typed, 'APP')).toBe('APP-2026-00012');
    }
    expect(normalizeReference('C-2026-00003', 'C')).toBe('C-2026-00003');
    expect(normalizeReference('٢٠٢٦-٠٠٠٠٣', 'C')).toBe('C-2026-00003');
  });

  it('refuses what cannot be a reference, or the other kind’s prefix', () => {
    for (const typed of ['', 'abc', 'C-2026-00012', '2026', '2026-0', 'APP-26-1', '<script>', 'APP-2026-1234567']) {
      expect(normalizeReference(typed, 'APP')).toBeNull();
    }
    expect(normalizeReference('APP-2026-00012', 'C')).toBeNull();
  });

  it('reads a code with spaces or Arabic-Indic digits', () => {
    expect(digitsOnly('٠٦٥٨ 6238')).toBe('06586238');
  });
});

describe('reply times in words', () => {
  it('working hours under a day, else working days rounded up; Arabic counted nouns', () => {
    expect(replyTime(4, 8)).toEqual({ unit: 'hours', n: 4 });
    expect(replyTime(16, 8)).toEqual({ unit: 'days', n: 2 });
    expect(replyTime(40, 8)).toEqual({ unit: 'days', n: 5 });
    expect(replyTime(0.25, 8)).toEqual({ unit: 'hours', n: 1 });
    expect(replyTimeAr({ unit: 'hours', n: 1 })).toBe('ساعة عمل واحدة');
    expect(replyTimeAr({ unit: 'days', n: 2 })).toBe('يومَي عمل');
    expect(replyTimeAr({ unit: 'hours', n: 4 })).toBe('4 ساعات عمل');
    expect(replyTimeAr({ unit: 'days', n: 11 })).toBe('11 يوم عمل');
    expect(replyTimesFrom(DEFAULT_SLA, 8).complaint).toEqual({
      first: { unit: 'hours', n: 4 },
      resolve: { unit: 'days', n: 5 },
    });
  });
});

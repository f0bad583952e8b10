import { describe, expect, it } from 'vitest';
import { idDigits, localMobile, nationalIdProblem, wholeNumber } from './validate';

describe('forms as people write', () => {
  it('reads money with its currency, separators and either digits', () => {
    for (const typed of ['٣٥٠٠ ريال', '3,500', '3500 SAR', '٣٬٥٠٠', '3 500 ر.س', '3500.00', '3500 ريالاً', ' 3500 ']) {
      expect(wholeNumber(typed, 0, 1_000_000)).toBe(3500);
    }
    for (const typed of ['ثلاثة آلاف', '35.5', '-3500', '3500 دولار', '']) {
      expect(wholeNumber(typed, 0, 1_000_000)).toBeNull();
    }
  });

  it('reads IDs and mobiles typed with spaces and dashes', () => {
    expect(idDigits('1 000 000 008')).toBe('1000000008');
    expect(nationalIdProblem('١٠٠٠ ٠٠٠ ٠٠٨')).toBe(nationalIdProblem('1000000008'));
    expect(nationalIdProblem('1 2')).toBe('errors.nationalIdLength');
    expect(localMobile('050 123 4567')).toBe('0501234567');
    expect(localMobile('+966 50-123-4567')).toBe('0501234567');
  });
});

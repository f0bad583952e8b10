import { describe, expect, it } from 'vitest';
import { idDigits, localMobile, mobileProblem, nationalIdProblem, wholeNumber } from './validate';

describe('the portal uses the shared input rules (issue 14, finding 13)', () => {
  it('the portal reports the same problems as the server: letters in an ID or a mobile are named as such', () => {
    expect(nationalIdProblem('abcdefghij')).toBe('errors.nationalIdDigits');
    expect(nationalIdProblem('12345')).toBe('errors.nationalIdLength');
    expect(mobileProblem('abc0501234567')).toBe('errors.mobileCharacters');
    expect(mobileProblem('<b>0501234567</b>')).toBe('errors.mobileCharacters');
    expect(mobileProblem('(050) 123-4567')).toBeNull();
    expect(mobileProblem('', false)).toBeNull();
  });
});

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

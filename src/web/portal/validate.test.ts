import { describe, expect, it } from 'vitest';
import { mobileProblem, nationalIdProblem } from './validate';

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

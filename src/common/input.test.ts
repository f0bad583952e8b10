import { describe, expect, it } from 'vitest';
import { birthDateProblem, controlCharacterPaths, dateInRange, hasControlCharacters } from './input';

describe('the shared input rules (issue 14)', () => {
  it('control characters: C0 but tab and new lines, DEL and C1 are found, in values and keys, with their paths', () => {
    for (const ch of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f'])
      expect(hasControlCharacters(`a${ch}`)).toBe(true);
    for (const text of ['سطر\nسطر', 'a\tb', 'a\r\nb', 'عبدالله', '\u200f'])
      expect(hasControlCharacters(text)).toBe(false);
    expect(controlCharacterPaths({ a: [{ b: 'x\u0000' }], c: 'ok', 'd\u0000': 1 })).toEqual(['a.0.b', 'd?']);
    expect(controlCharacterPaths('\u0000')).toEqual(['']);
  });

  it('dates stay between 1900 and 2199', () => {
    expect(dateInRange('0001-01-01')).toBe(false);
    expect(dateInRange('9999-12-31T00:00:00Z')).toBe(false);
    expect(dateInRange('1900-01-01')).toBe(true);
    expect(dateInRange('2199-12-31')).toBe(true);
  });

  it('birth dates: not after today, not before 1900', () => {
    expect(birthDateProblem('2026-12-05', '2026-12-04')).toBe('future');
    expect(birthDateProblem('1899-12-31', '2026-12-04')).toBe('too_old');
    expect(birthDateProblem('2026-12-04', '2026-12-04')).toBeNull();
  });
});

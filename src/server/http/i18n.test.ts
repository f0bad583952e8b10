import { describe, expect, it } from 'vitest';
import ar from '../../common/i18n/ar/errors.json';
import en from '../../common/i18n/en/errors.json';
import { ERROR_CODES } from '../errors';

describe('error messages', () => {
  it('every error code has an Arabic and an English message', () => {
    const missing = ERROR_CODES.flatMap((code) => [
      ...(code in ar ? [] : [`ar:${code}`]),
      ...(code in en ? [] : [`en:${code}`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('Arabic and English have the same keys', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toArabicDigits } from './arabic';
import {
  formatSaudiMobileLocal,
  makeNationalId,
  mobileError,
  nationalIdError,
  nationalIdKind,
  normalizeNationalId,
  normalizeSaudiMobile,
} from './saudi';

// Check digits worked out independently of the implementation (Saudi rule: double the digits in odd positions).
const CITIZEN = '1234567897';
const CITIZEN_2 = '1000000008';
const RESIDENT = '2109876546';
const LUHN_VALID_BUT_STARTS_WITH_3 = '3000000004';

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const prefix9 = fc.tuple(fc.constantFrom('1', '2'), digits(8)).map(([first, rest]) => first + rest);

describe('national ID / iqama', () => {
  it('accepts valid citizen and resident numbers', () => {
    expect(normalizeNationalId(CITIZEN)).toBe(CITIZEN);
    expect(normalizeNationalId(CITIZEN_2)).toBe(CITIZEN_2);
    expect(normalizeNationalId(RESIDENT)).toBe(RESIDENT);
    expect(nationalIdError(CITIZEN)).toBeNull();
  });

  it('accepts Arabic-Indic and Persian digits and surrounding spaces', () => {
    expect(normalizeNationalId('١٢٣٤٥٦٧٨٩٧')).toBe(CITIZEN);
    expect(normalizeNationalId('۲۱۰۹۸۷۶۵۴۶')).toBe(RESIDENT);
    expect(normalizeNationalId(`  ${CITIZEN}\t`)).toBe(CITIZEN);
  });

  it('rejects a wrong check digit', () => {
    expect(normalizeNationalId('1234567890')).toBeNull();
    expect(nationalIdError('1234567890')).toBe('check_digit');
  });

  it('rejects the wrong length', () => {
    expect(nationalIdError('123456789')).toBe('length');
    expect(nationalIdError('12345678970')).toBe('length');
    expect(normalizeNationalId('123456789')).toBeNull();
    expect(normalizeNationalId('12345678970')).toBeNull();
  });

  it('reports letters, inner spaces and signs as not digits, not as a length problem (issue 14, finding 13)', () => {
    expect(nationalIdError('12345678a7')).toBe('digits');
    expect(nationalIdError('12345 67897')).toBe('digits');
    expect(nationalIdError('+123456789')).toBe('digits');
    expect(nationalIdError('abcdefghij')).toBe('digits');
    expect(nationalIdError('abc')).toBe('digits');
    expect(normalizeNationalId('abcdefghij')).toBeNull();
  });

  it('rejects a first digit other than 1 or 2', () => {
    expect(nationalIdError(LUHN_VALID_BUT_STARTS_WITH_3)).toBe('first_digit');
    expect(normalizeNationalId(LUHN_VALID_BUT_STARTS_WITH_3)).toBeNull();
    expect(nationalIdError(makeNationalId('012345678'))).toBe('first_digit');
  });

  it('reports a missing value', () => {
    expect(nationalIdError('')).toBe('required');
    expect(nationalIdError('   ')).toBe('required');
    expect(normalizeNationalId('')).toBeNull();
  });

  it('tells citizens from residents', () => {
    expect(nationalIdKind(CITIZEN)).toBe('citizen');
    expect(nationalIdKind(RESIDENT)).toBe('resident');
    expect(nationalIdKind(toArabicDigits(RESIDENT))).toBe('resident');
    expect(nationalIdKind('1234567890')).toBeNull();
    expect(nationalIdKind(LUHN_VALID_BUT_STARTS_WITH_3)).toBeNull();
  });

  it('makeNationalId appends the known check digits', () => {
    expect(makeNationalId('123456789')).toBe(CITIZEN);
    expect(makeNationalId('210987654')).toBe(RESIDENT);
    expect(makeNationalId('٢١٠٩٨٧٦٥٤')).toBe(RESIDENT);
  });

  it('makeNationalId refuses anything but nine digits', () => {
    expect(() => makeNationalId('12345678')).toThrow(RangeError);
    expect(() => makeNationalId('1234567890')).toThrow(RangeError);
    expect(() => makeNationalId('12345678x')).toThrow(RangeError);
  });

  it('makeNationalId always yields a valid id of the expected kind', () => {
    fc.assert(
      fc.property(prefix9, (prefix) => {
        const id = makeNationalId(prefix);
        return (
          id.startsWith(prefix) &&
          normalizeNationalId(id) === id &&
          nationalIdKind(id) === (prefix[0] === '1' ? 'citizen' : 'resident')
        );
      }),
    );
  });

  it('exactly one check digit is valid for each prefix', () => {
    fc.assert(
      fc.property(prefix9, (prefix) => {
        const valid = [...'0123456789'].filter((d) => normalizeNationalId(prefix + d) !== null);
        return valid.length === 1;
      }),
    );
  });

  it('any single-digit change of a valid id makes it invalid', () => {
    fc.assert(
      fc.property(prefix9, fc.nat(9), fc.integer({ min: 1, max: 9 }), (prefix, position, shift) => {
        const id = makeNationalId(prefix);
        const changed = (Number(id[position]) + shift) % 10;
        const mutated = id.slice(0, position) + changed + id.slice(position + 1);
        return normalizeNationalId(mutated) === null && nationalIdError(mutated) !== null;
      }),
    );
  });

  it('Arabic-Indic input gives the same answers as Latin input', () => {
    fc.assert(
      fc.property(digits(10), (id) => {
        const arabic = toArabicDigits(id);
        return (
          normalizeNationalId(arabic) === normalizeNationalId(id) && nationalIdError(arabic) === nationalIdError(id)
        );
      }),
    );
  });
});

describe('Saudi mobile numbers', () => {
  const E164 = '+966501234567';

  it.each([
    '0501234567',
    '501234567',
    '+966501234567',
    '00966501234567',
    '966501234567',
    '050 123 4567',
    '050-123-4567',
    '+966 50 123 4567',
    '  0501234567  ',
    '٠٥٠١٢٣٤٥٦٧',
    '+٩٦٦٥٠١٢٣٤٥٦٧',
    '٠٠٩٦٦ ٥٠ ١٢٣ ٤٥٦٧',
  ])('normalises %s to E.164', (input) => {
    expect(normalizeSaudiMobile(input)).toBe(E164);
  });

  it('names the broken rule: characters other than digits, spaces, +, dashes and brackets (issue 14, finding 13)', () => {
    expect(mobileError('(050) 123-4567')).toBeNull();
    expect(mobileError('+966 (50) 123 4567')).toBeNull();
    expect(mobileError('abc0501234567')).toBe('characters');
    expect(mobileError('<script>0501234567')).toBe('characters');
    expect(mobileError('0112345678')).toBe('invalid');
    expect(mobileError('  ')).toBe('required');
  });

  it('accepts the other mobile prefixes', () => {
    for (const prefix of ['53', '54', '55', '56', '57', '58', '59']) {
      expect(normalizeSaudiMobile(`0${prefix}1234567`)).toBe(`+966${prefix}1234567`);
    }
  });

  it.each([
    ['landline in Riyadh', '0112345678'],
    ['landline in E.164', '+966112345678'],
    ['toll-free', '8001234567'],
    ['unified number', '920012345'],
    ['too short', '050123456'],
    ['too long', '05012345678'],
    ['foreign mobile', '+971501234567'],
    ['letters', 'not a phone'],
    ['letters around the digits', 'abc0501234567'],
    ['markup around the digits', '<b>0501234567</b>'],
    ['a letter inside', '050123x4567'],
    ['a dot inside', '050.123.4567'],
    ['a control character', '0501234567\u0000'],
    ['empty', ''],
    ['spaces', '   '],
  ])('rejects a %s (%s)', (_label, input) => {
    expect(normalizeSaudiMobile(input)).toBeNull();
  });

  // 057 is left out: parts of its range are unallocated (libphonenumber rejects e.g. 05799…).
  const mobile = digits(8).map((rest) => `05${'0345689'[Number(rest[0]) % 7]}${rest.slice(1)}`);

  it('is idempotent on its output', () => {
    fc.assert(
      fc.property(mobile, (input) => {
        const once = normalizeSaudiMobile(input);
        return once !== null && normalizeSaudiMobile(once) === once;
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (input) => {
        const once = normalizeSaudiMobile(input);
        return once === null || normalizeSaudiMobile(once) === once;
      }),
    );
  });

  it('gives the same answer for Arabic-Indic and Latin digits', () => {
    fc.assert(
      fc.property(fc.oneof(mobile, digits(10), digits(9)), (input) => {
        return normalizeSaudiMobile(toArabicDigits(input)) === normalizeSaudiMobile(input);
      }),
    );
  });

  it('formats an E.164 number for local display', () => {
    expect(formatSaudiMobileLocal(E164)).toBe('050 123 4567');
    expect(formatSaudiMobileLocal('+966591234567')).toBe('059 123 4567');
  });

  it('returns anything that is not a Saudi mobile number unchanged', () => {
    expect(formatSaudiMobileLocal('+971501234567')).toBe('+971501234567');
    expect(formatSaudiMobileLocal('')).toBe('');
  });

  it('local display form normalises back to the same number', () => {
    fc.assert(
      fc.property(mobile, (input) => {
        const e164 = normalizeSaudiMobile(input)!;
        const local = formatSaudiMobileLocal(e164);
        return /^05\d \d{3} \d{4}$/.test(local) && normalizeSaudiMobile(local) === e164;
      }),
    );
  });
});

import { createHash, randomInt } from 'node:crypto';
import { toLatinDigits } from '../../../common/arabic';

/** Letters and digits that cannot be mistaken for one another when copied by hand (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;
const GROUP = 5;

/** Ten fresh codes shaped `abcde-23456` (about 49 bits each), shown once to the user. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: GROUP * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, GROUP)}-${chars.slice(GROUP)}`;
  });
}

/** What the user typed, in the stored form: lower case, Arabic-Indic digits made Latin, spaces and dashes dropped. */
export function normaliseRecoveryCode(input: string): string {
  return toLatinDigits(input).toLowerCase().replace(/[\s-]/g, '');
}

/** Codes are random and used once, so a plain SHA-256 is enough to keep a leaked table from granting access. */
export function hashRecoveryCode(input: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(input)).digest('hex');
}

import { createHash, randomBytes } from 'node:crypto';

/** Every API token starts with this, so a leaked one is easy to recognise (and scan for) in code and logs. */
export const TOKEN_PREFIX = 'wasl_';

/** A new token: 32 random bytes. Shown once; only its hash is stored. */
export function newApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 suffices: the token is 256 random bits, so no password-style slow hash is needed to resist guessing. */
export function tokenHashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What the admin sees to tell tokens apart: the prefix and the first characters. */
export function visiblePrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}

/** A webhook signing secret, shown to the admin when the subscription is made. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * Staff roles and account rules as plain values, without zod: the staff app's first download imports them (the
 * forced password change), and zod is a quarter of that download (issue 19). roles.ts re-exports them.
 */

/** Staff roles (PRODUCT.md → People and roles). Beneficiaries have no staff account. */
export const ROLES = ['admin', 'manager', 'officer', 'execution_officer', 'committee', 'branch_rep'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['ar', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DIGITS = ['arab', 'latn'] as const;

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,40}$/;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

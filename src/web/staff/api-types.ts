import type { Digits, Locale } from '../../common/dates';
import type { Role } from '../../common/domain/roles';

/** Shapes of the staff API answers this app reads (the server's present.ts is the source of truth). */

export type Permission =
  | 'users.manage'
  | 'settings.manage'
  | 'reports.view'
  | 'audit.read'
  | 'beneficiaries.read'
  | 'beneficiaries.write'
  | 'applications.verify'
  | 'referrals.answer'
  | 'committee.vote'
  | 'deliveries.manage';

export type Preferences = { locale: Locale; digits: Digits };

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  branchId: string | null;
  orgId: string;
  preferences: Preferences;
  /** Unknown strings are kept: the server may grant actions this build does not know yet. */
  permissions: string[];
};

export type SessionResponse = { user: SessionUser; csrfToken: string };

export type LoginRequest = { username: string; password: string; totp?: string };

export type StaffUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  branchId: string | null;
  disabled: boolean;
  totpRequired: boolean;
  createdAt: string;
};

export type CreateUserRequest = {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  branchId: string | null;
};

export type UpdateUserRequest = Partial<
  Pick<StaffUser, 'role' | 'branchId' | 'disabled' | 'displayName' | 'totpRequired'>
>;

export type Branch = { id: string; nameAr: string; nameEn: string };

export type Organization = { nameAr: string; nameEn: string; logoUrl?: string | null };

export type ListResponse<T> = { items: T[] };

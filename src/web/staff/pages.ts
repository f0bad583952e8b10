import { House, type LucideIcon, UserCog, Users } from 'lucide-react';
import { type ComponentType, lazy } from 'react';
import type ar from '../../common/i18n/ar/ui.json';
import type { Permission } from './api-types';
import { HomePage } from './routes/HomePage';

export type NavLabelKey = `nav.${Exclude<keyof typeof ar.nav, 'label' | 'openMenu' | 'closeMenu'>}`;

/**
 * The staff app's pages, in menu order: one entry per page, with the permission it needs. A module plugs in by
 * adding its entry here; the router guards the page and the menu shows it only to users with the permission.
 */
export type StaffPage = {
  path: string;
  component: ComponentType;
  permission?: Permission;
  nav?: { label: NavLabelKey; icon: LucideIcon };
};

// Pages other than home load on first visit, keeping the first download small.
const UsersPage = lazy(() => import('./routes/UsersPage'));
const ProfilePage = lazy(() => import('./routes/ProfilePage'));

export const STAFF_PAGES: readonly StaffPage[] = [
  { path: '/', component: HomePage, nav: { label: 'nav.home', icon: House } },
  { path: '/users', component: UsersPage, permission: 'users.manage', nav: { label: 'nav.users', icon: Users } },
  { path: '/settings/profile', component: ProfilePage, nav: { label: 'nav.profile', icon: UserCog } },
];

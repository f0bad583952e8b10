import { ClipboardList, FolderSearch, House, type LucideIcon, UserCog, Users } from 'lucide-react';
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
const BeneficiariesPage = lazy(() => import('./routes/BeneficiariesPage'));
const NewBeneficiaryPage = lazy(() => import('./routes/NewBeneficiaryPage'));
const BeneficiaryFilePage = lazy(() => import('./routes/BeneficiaryFilePage'));
const ApplicationsPage = lazy(() => import('./routes/ApplicationsPage'));
const NewApplicationPage = lazy(() => import('./routes/NewApplicationPage'));
const ApplicationPage = lazy(() => import('./routes/ApplicationPage'));

export const STAFF_PAGES: readonly StaffPage[] = [
  { path: '/', component: HomePage, nav: { label: 'nav.home', icon: House } },
  {
    path: '/beneficiaries',
    component: BeneficiariesPage,
    permission: 'beneficiaries.search',
    nav: { label: 'nav.beneficiaries', icon: FolderSearch },
  },
  // A more specific path comes before the one with a parameter: the router takes the first match.
  { path: '/beneficiaries/new', component: NewBeneficiaryPage, permission: 'beneficiaries.write' },
  { path: '/beneficiaries/:id', component: BeneficiaryFilePage, permission: 'beneficiaries.read' },
  {
    path: '/applications',
    component: ApplicationsPage,
    permission: 'applications.read',
    nav: { label: 'nav.applications', icon: ClipboardList },
  },
  { path: '/applications/new', component: NewApplicationPage, permission: 'applications.create' },
  { path: '/applications/:id', component: ApplicationPage, permission: 'applications.read' },
  { path: '/users', component: UsersPage, permission: 'users.manage', nav: { label: 'nav.users', icon: Users } },
  { path: '/settings/profile', component: ProfilePage, nav: { label: 'nav.profile', icon: UserCog } },
];

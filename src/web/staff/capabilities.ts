import {
  BarChart3,
  ClipboardCheck,
  ClipboardList,
  FolderSearch,
  Gavel,
  type LucideIcon,
  Settings,
  Share2,
  Truck,
  UserPlus,
  Users,
} from 'lucide-react';
import type { Permission } from './api-types';

/**
 * What each permission lets a person do, for the home page's "what you can do" list. `href` is set once the
 * module's page exists; until then the card says "coming soon".
 */
export type Capability = {
  permission: Permission;
  title: `capabilities.${string}.title`;
  description: `capabilities.${string}.description`;
  icon: LucideIcon;
  href?: string;
};

export const CAPABILITIES = [
  {
    permission: 'beneficiaries.write',
    title: 'capabilities.beneficiaries.write.title',
    description: 'capabilities.beneficiaries.write.description',
    icon: UserPlus,
    href: '/beneficiaries/new',
  },
  {
    // Searching files (the committee reads a file only through an application raised to it).
    permission: 'beneficiaries.search',
    title: 'capabilities.beneficiaries.read.title',
    description: 'capabilities.beneficiaries.read.description',
    icon: FolderSearch,
    href: '/beneficiaries',
  },
  {
    permission: 'applications.verify',
    title: 'capabilities.applications.verify.title',
    description: 'capabilities.applications.verify.description',
    icon: ClipboardCheck,
    href: '/applications?queue=to_verify',
  },
  {
    permission: 'referrals.answer',
    title: 'capabilities.referrals.answer.title',
    description: 'capabilities.referrals.answer.description',
    icon: Share2,
    href: '/applications?queue=my_referrals',
  },
  {
    permission: 'applications.read',
    title: 'capabilities.applications.read.title',
    description: 'capabilities.applications.read.description',
    icon: ClipboardList,
    href: '/applications',
  },
  {
    permission: 'deliveries.manage',
    title: 'capabilities.deliveries.manage.title',
    description: 'capabilities.deliveries.manage.description',
    icon: Truck,
  },
  {
    permission: 'committee.vote',
    title: 'capabilities.committee.vote.title',
    description: 'capabilities.committee.vote.description',
    icon: Gavel,
  },
  {
    permission: 'reports.view',
    title: 'capabilities.reports.view.title',
    description: 'capabilities.reports.view.description',
    icon: BarChart3,
  },
  {
    permission: 'users.manage',
    title: 'capabilities.users.manage.title',
    description: 'capabilities.users.manage.description',
    icon: Users,
    href: '/users',
  },
  {
    permission: 'settings.manage',
    title: 'capabilities.settings.manage.title',
    description: 'capabilities.settings.manage.description',
    icon: Settings,
  },
] as const satisfies readonly Capability[];

import {
  BarChart3,
  BookOpen,
  CalendarClock,
  ClipboardCheck,
  ClipboardList,
  FolderSearch,
  Gavel,
  HandHeart,
  type LucideIcon,
  MapPinned,
  MessagesSquare,
  Settings,
  Share2,
  Truck,
  UserPlus,
  Users,
} from 'lucide-react';
import type { Permission } from './api-types';

/** Modules that keep their card's words in their own section of ui.json. */
type ModuleSection = 'cases' | 'knowledge' | 'appointments' | 'volunteers';

/**
 * What each permission lets a person do, for the home page's "what you can do" list. `href` is set once the
 * module's page exists; until then the card says "coming soon".
 */
export type Capability = {
  permission: Permission;
  title: `capabilities.${string}.title` | `${ModuleSection}.capability.title`;
  description: `capabilities.${string}.description` | `${ModuleSection}.capability.description`;
  icon: LucideIcon;
  href?: string;
};

export const CAPABILITIES = [
  {
    // The offline field app is its own page (/field/, with its service worker), so the card loads it fully.
    permission: 'field.work',
    title: 'capabilities.field.work.title',
    description: 'capabilities.field.work.description',
    icon: MapPinned,
    href: '/field/',
  },
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
    href: '/deliveries',
  },
  {
    permission: 'committee.vote',
    title: 'capabilities.committee.vote.title',
    description: 'capabilities.committee.vote.description',
    icon: Gavel,
    href: '/committee',
  },
  {
    permission: 'cases.read',
    title: 'cases.capability.title',
    description: 'cases.capability.description',
    icon: MessagesSquare,
    href: '/cases',
  },
  {
    permission: 'appointments.manage',
    title: 'appointments.capability.title',
    description: 'appointments.capability.description',
    icon: CalendarClock,
    href: '/appointments',
  },
  {
    permission: 'volunteers.read',
    title: 'volunteers.capability.title',
    description: 'volunteers.capability.description',
    icon: HandHeart,
    href: '/volunteers',
  },
  {
    permission: 'knowledge.read',
    title: 'knowledge.capability.title',
    description: 'knowledge.capability.description',
    icon: BookOpen,
    href: '/knowledge',
  },
  {
    permission: 'reports.view',
    title: 'capabilities.reports.view.title',
    description: 'capabilities.reports.view.description',
    icon: BarChart3,
    href: '/reports',
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
    href: '/admin/settings',
  },
] as const satisfies readonly Capability[];

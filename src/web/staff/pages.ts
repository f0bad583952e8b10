import {
  BarChart3,
  BellRing,
  BookOpen,
  Building2,
  Cable,
  CalendarClock,
  ClipboardList,
  CopyCheck,
  FileUp,
  FolderSearch,
  Gauge,
  Gavel,
  HandHeart,
  House,
  Inbox,
  ListChecks,
  type LucideIcon,
  MapPinned,
  MessagesSquare,
  MoonStar,
  Package,
  PhoneOff,
  Rocket,
  Scale,
  ScrollText,
  Send,
  Server,
  Settings,
  ShieldCheck,
  SlidersHorizontal,
  SmilePlus,
  SquarePen,
  Truck,
  UserCog,
  Users,
} from 'lucide-react';
import type { ComponentType } from 'react';
import type ar from '../../common/i18n/ar/ui.json';
import { lazyPage as lazy } from '../lib/i18n';
import type { Permission } from './api-types';
import { HomePage } from './routes/HomePage';

export type NavLabelKey =
  | `nav.${Exclude<keyof typeof ar.nav, 'label' | 'openMenu' | 'closeMenu'>}`
  // The committee and delivery modules keep their menu labels in their own sections of ui.json.
  | `committee.nav.${keyof typeof ar.committee.nav}`
  | `deliveries.nav.${keyof typeof ar.deliveries.nav}`
  // Cases, knowledge, appointments, volunteers and tasks keep theirs in their own sections too.
  | `${'cases' | 'knowledge' | 'appointments' | 'volunteers' | 'tasks'}.nav`
  // The registry import and the duplicate review queue too.
  | `${'registryImport' | 'duplicates' | 'duplicateRules' | 'dataQuality'}.nav`
  // Reports, the admin's message and rule screens, and the survey questions too.
  | `${'reports' | 'surveys'}.nav`
  // What branch representatives send from the field (issue 18).
  | 'fieldDrafts.nav'
  | `admin.nav.${keyof typeof ar.admin.nav}`
  | `messaging.nav.${keyof typeof ar.messaging.nav}`
  // The set-up screens (issue 22).
  | `${'setup' | 'organisation' | 'branches' | 'servicesAdmin' | 'criteria'}.nav`
  // Data protection, the audit log and the system screen (issue 22).
  | `${'privacyAdmin' | 'auditScreen' | 'system' | 'integrations'}.nav`;

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
const RegistryImportPage = lazy(() => import('./routes/RegistryImportPage'));
const DuplicatesPage = lazy(() => import('./routes/DuplicatesPage'));
const DuplicateRulesPage = lazy(() => import('./routes/DuplicateRulesPage'));
const DataQualityPage = lazy(() => import('./routes/DataQualityPage'));
const ImportCorrectionsPage = lazy(() => import('./routes/ImportCorrectionsPage'));
const BeneficiaryFilePage = lazy(() => import('./routes/BeneficiaryFilePage'));
const ApplicationsPage = lazy(() => import('./routes/ApplicationsPage'));
const NewApplicationPage = lazy(() => import('./routes/NewApplicationPage'));
const ApplicationPage = lazy(() => import('./routes/ApplicationPage'));
const CommitteePage = lazy(() => import('./routes/CommitteePage'));
const MeetingPage = lazy(() => import('./routes/MeetingPage'));
const DeliveriesPage = lazy(() => import('./routes/DeliveriesPage'));
const DeliveriesTodayPage = lazy(() => import('./routes/DeliveriesTodayPage'));
const CasesPage = lazy(() => import('./routes/CasesPage'));
const CaseNewPage = lazy(() => import('./routes/CaseNewPage'));
const CasePage = lazy(() => import('./routes/CasePage'));
const AppointmentsPage = lazy(() => import('./routes/AppointmentsPage'));
const VolunteersPage = lazy(() => import('./routes/VolunteersPage'));
const KnowledgePage = lazy(() => import('./routes/KnowledgePage'));
const KnowledgeNewPage = lazy(() => import('./routes/KnowledgeNewPage'));
const KnowledgeDocumentPage = lazy(() => import('./routes/KnowledgeDocumentPage'));
const TasksPage = lazy(() => import('./routes/TasksPage'));
const FieldDraftsPage = lazy(() => import('./routes/FieldDraftsPage'));
// The dashboard brings its chart library (recharts) with it: nothing of it is in the first download.
const ReportsPage = lazy(() => import('./routes/ReportsPage'));
const OutboxPage = lazy(() => import('./routes/OutboxPage'));
const IntegrationsPage = lazy(() => import('./features/integrations/IntegrationsPage'));
const TemplatesPage = lazy(() => import('./routes/TemplatesPage'));
const MessagingRulesPage = lazy(() => import('./routes/MessagingRulesPage'));
const ContactPreferencesPage = lazy(() => import('./routes/ContactPreferencesPage'));
const OutreachPage = lazy(() => import('./routes/OutreachPage'));
const SurveyQuestionsPage = lazy(() => import('./routes/SurveyQuestionsPage'));
const SettingsPage = lazy(() => import('./routes/SettingsPage'));
const SetupPage = lazy(() => import('./features/admin/SetupPage'));
const OrganisationPage = lazy(() => import('./features/admin/OrganisationPage'));
const BranchesPage = lazy(() => import('./features/admin/BranchesPage'));
const ServicesAdminPage = lazy(() => import('./features/admin/ServicesAdminPage'));
const CriteriaPage = lazy(() => import('./features/admin/CriteriaPage'));
const PrivacyPage = lazy(() => import('./features/admin/PrivacyPage'));
const AuditPage = lazy(() => import('./features/admin/AuditPage'));
const SystemPage = lazy(() => import('./features/admin/SystemPage'));
// The staff guide (docs/guide), opened from the header's help link: every signed-in role reads it.
const GuidePage = lazy(() => import('./features/guide/GuidePage'));

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
  {
    path: '/beneficiaries/import',
    component: RegistryImportPage,
    permission: 'imports.manage',
    nav: { label: 'registryImport.nav', icon: FileUp },
  },
  {
    path: '/beneficiaries/duplicates',
    component: DuplicatesPage,
    permission: 'duplicates.manage',
    nav: { label: 'duplicates.nav', icon: CopyCheck },
  },
  {
    path: '/beneficiaries/duplicate-rules',
    component: DuplicateRulesPage,
    permission: 'duplicates.rules',
    nav: { label: 'duplicateRules.nav', icon: SlidersHorizontal },
  },
  {
    path: '/beneficiaries/quality',
    component: DataQualityPage,
    permission: 'quality.read',
    nav: { label: 'dataQuality.nav', icon: Gauge },
  },
  { path: '/beneficiaries/quality/corrections', component: ImportCorrectionsPage, permission: 'imports.manage' },
  { path: '/beneficiaries/quality/corrections/:id', component: ImportCorrectionsPage, permission: 'imports.manage' },
  { path: '/beneficiaries/quality/:check', component: DataQualityPage, permission: 'quality.read' },
  { path: '/beneficiaries/:id', component: BeneficiaryFilePage, permission: 'beneficiaries.read' },
  {
    path: '/applications',
    component: ApplicationsPage,
    permission: 'applications.read',
    nav: { label: 'nav.applications', icon: ClipboardList },
  },
  { path: '/applications/new', component: NewApplicationPage, permission: 'applications.create' },
  { path: '/applications/:id', component: ApplicationPage, permission: 'applications.read' },
  {
    path: '/committee',
    component: CommitteePage,
    permission: 'committee.read',
    nav: { label: 'committee.nav.meetings', icon: Gavel },
  },
  { path: '/committee/meetings/:id', component: MeetingPage, permission: 'committee.read' },
  {
    path: '/deliveries',
    component: DeliveriesPage,
    permission: 'deliveries.read',
    nav: { label: 'deliveries.nav.agenda', icon: Truck },
  },
  {
    path: '/deliveries/today',
    component: DeliveriesTodayPage,
    permission: 'deliveries.manage',
    nav: { label: 'deliveries.nav.today', icon: MapPinned },
  },
  {
    path: '/cases',
    component: CasesPage,
    permission: 'cases.read',
    nav: { label: 'cases.nav', icon: MessagesSquare },
  },
  { path: '/cases/new', component: CaseNewPage, permission: 'cases.create' },
  { path: '/cases/:id', component: CasePage, permission: 'cases.read' },
  {
    path: '/appointments',
    component: AppointmentsPage,
    permission: 'appointments.manage',
    nav: { label: 'appointments.nav', icon: CalendarClock },
  },
  {
    path: '/volunteers',
    component: VolunteersPage,
    permission: 'volunteers.read',
    nav: { label: 'volunteers.nav', icon: HandHeart },
  },
  {
    path: '/knowledge',
    component: KnowledgePage,
    permission: 'knowledge.read',
    nav: { label: 'knowledge.nav', icon: BookOpen },
  },
  { path: '/knowledge/new', component: KnowledgeNewPage, permission: 'knowledge.manage' },
  { path: '/knowledge/:id', component: KnowledgeDocumentPage, permission: 'knowledge.read' },
  { path: '/tasks', component: TasksPage, nav: { label: 'tasks.nav', icon: ListChecks } },
  {
    path: '/field-drafts',
    component: FieldDraftsPage,
    permission: 'field.drafts',
    nav: { label: 'fieldDrafts.nav', icon: Inbox },
  },
  {
    path: '/reports',
    component: ReportsPage,
    permission: 'reports.view_reduced',
    nav: { label: 'reports.nav', icon: BarChart3 },
  },
  { path: '/users', component: UsersPage, permission: 'users.manage', nav: { label: 'nav.users', icon: Users } },
  {
    path: '/admin/outbox',
    component: OutboxPage,
    permission: 'notifications.manage',
    nav: { label: 'admin.nav.outbox', icon: Send },
  },
  {
    path: '/admin/templates',
    component: TemplatesPage,
    permission: 'notifications.manage',
    nav: { label: 'admin.nav.templates', icon: SquarePen },
  },
  {
    path: '/admin/messaging',
    component: MessagingRulesPage,
    permission: 'notifications.manage',
    nav: { label: 'messaging.nav.rules', icon: MoonStar },
  },
  {
    path: '/messaging/contacts',
    component: ContactPreferencesPage,
    permission: 'messaging.contacts',
    nav: { label: 'messaging.nav.contacts', icon: PhoneOff },
  },
  {
    path: '/admin/outreach',
    component: OutreachPage,
    permission: 'outreach.read',
    nav: { label: 'admin.nav.outreach', icon: BellRing },
  },
  {
    path: '/admin/survey',
    component: SurveyQuestionsPage,
    permission: 'surveys.manage',
    nav: { label: 'surveys.nav', icon: SmilePlus },
  },
  {
    path: '/admin/settings',
    component: SettingsPage,
    permission: 'settings.manage',
    nav: { label: 'admin.nav.settings', icon: Settings },
  },
  {
    path: '/admin/setup',
    component: SetupPage,
    permission: 'settings.manage',
    nav: { label: 'setup.nav', icon: Rocket },
  },
  {
    path: '/admin/organisation',
    component: OrganisationPage,
    permission: 'settings.manage',
    nav: { label: 'organisation.nav', icon: Building2 },
  },
  {
    path: '/admin/branches',
    component: BranchesPage,
    permission: 'setup.read',
    nav: { label: 'branches.nav', icon: MapPinned },
  },
  {
    path: '/admin/services',
    component: ServicesAdminPage,
    permission: 'setup.read',
    nav: { label: 'servicesAdmin.nav', icon: Package },
  },
  {
    path: '/admin/criteria',
    component: CriteriaPage,
    permission: 'setup.read',
    nav: { label: 'criteria.nav', icon: Scale },
  },
  {
    path: '/admin/privacy',
    component: PrivacyPage,
    permission: 'breaches.manage',
    nav: { label: 'privacyAdmin.nav', icon: ShieldCheck },
  },
  {
    path: '/admin/audit',
    component: AuditPage,
    permission: 'audit.read',
    nav: { label: 'auditScreen.nav', icon: ScrollText },
  },
  {
    path: '/admin/system',
    component: SystemPage,
    permission: 'system.manage',
    nav: { label: 'system.nav', icon: Server },
  },
  {
    path: '/admin/integrations',
    component: IntegrationsPage,
    permission: 'integrations.manage',
    nav: { label: 'integrations.nav', icon: Cable },
  },
  { path: '/guide', component: GuidePage },
  { path: '/guide/:page', component: GuidePage },
  { path: '/settings/profile', component: ProfilePage, nav: { label: 'nav.profile', icon: UserCog } },
];

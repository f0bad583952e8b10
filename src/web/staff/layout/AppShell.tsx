import { CircleHelp, Droplets, LogOut, Menu, X } from 'lucide-react';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/media';
import { cx } from '../../ui/cx';
import { LogInteractionLauncher } from '../features/interactions/LogInteractionLauncher';
import { AckBanner } from '../features/knowledge/AckBanner';
import { TotpEnrolmentBanner } from '../features/profile/TotpBanner';
import { NotificationBell, WorkCount } from '../features/work/HeaderWork';
import { STAFF_PAGES } from '../pages';
import { useOrganization, useOrganizationName } from '../queries';
import { hasPermission, useLogout, useUpdatePreferences, useUser } from '../session';
import { LanguageToggle } from './LanguageToggle';

/**
 * The signed-in frame: a skip link, the header (association, language, user, sign out), the menu (a sidebar on
 * desktop, a drop-down under a menu button on phones ≤ 640 px) and the main region.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const [location] = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const navId = useId();
  const logout = useLogout();
  const preferences = useUpdatePreferences();
  // Who is signed in shows once: in the header on desktop, at the top of the opened menu on a phone (rendered,
  // not just hidden, so the page never carries a hidden copy of the name).
  const isDesktop = useMediaQuery(DESKTOP_QUERY);

  // On each page change: close the phone menu and move focus to the new page, so keyboard and screen reader
  // users start at its top (not on the first load: the browser's own start point is right then).
  const firstLocation = useRef(location);
  useEffect(() => {
    setMenuOpen(false);
    if (location === firstLocation.current) return;
    firstLocation.current = '';
    window.scrollTo({ top: 0 });
    mainRef.current?.focus({ preventScroll: true });
  }, [location]);

  const pages = STAFF_PAGES.filter((page) => page.nav && hasPermission(user, page.permission));
  // The current page is the longest menu path the location starts with (/deliveries/today is not /deliveries too).
  const matches = (path: string) => (path === '/' ? location === '/' : location.startsWith(path));
  const currentPath = pages.reduce<string | null>(
    (best, { path }) => (matches(path) && path.length > (best?.length ?? -1) ? path : best),
    null,
  );
  const isCurrent = (path: string) => path === currentPath;

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:start-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:font-medium focus:text-brand-800 focus:shadow-lg"
      >
        {t('app.skipToContent')}
      </a>

      <header className="print:hidden sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-slate-200 bg-white px-2 sm:px-5">
        <button
          ref={menuButton}
          type="button"
          className="flex size-10 shrink-0 cursor-pointer items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 sm:hidden"
          aria-expanded={menuOpen}
          aria-controls={navId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? <X aria-hidden="true" className="size-5" /> : <Menu aria-hidden="true" className="size-5" />}
          <span className="sr-only">{menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}</span>
        </button>

        <Brand />

        <div className="ms-auto flex shrink-0 items-center gap-1 sm:gap-3">
          <WorkCount />
          <NotificationBell />
          {/* On a phone the help link is in the menu: the header keeps room for the association's name. */}
          {isDesktop ? <HelpLink /> : null}
          {hasPermission(user, 'interactions.create') ? <LogInteractionLauncher /> : null}
          {isDesktop ? (
            <LanguageToggle isPending={preferences.isPending} onChange={(locale) => preferences.mutate({ locale })} />
          ) : null}
          {isDesktop ? (
            <div className="min-w-0 text-end leading-tight">
              <div className="truncate font-medium text-slate-900">{user.displayName}</div>
              <div className="truncate text-xs text-slate-600">{t(`roles.${user.role}`)}</div>
            </div>
          ) : null}
          <button
            type="button"
            disabled={logout.isPending}
            onClick={() => logout.mutate()}
            className="flex min-h-10 cursor-pointer items-center gap-2 rounded-md px-2 text-slate-700 hover:bg-slate-100 sm:px-3"
          >
            <LogOut aria-hidden="true" className="size-4 rtl:-scale-x-100" />
            <span className="max-sm:sr-only">{logout.isPending ? t('header.loggingOut') : t('header.logout')}</span>
          </button>
        </div>
      </header>

      <div className="flex flex-1">
        <nav
          id={navId}
          aria-label={t('nav.label')}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && menuOpen) {
              setMenuOpen(false);
              menuButton.current?.focus();
            }
          }}
          className={cx(
            'w-60 shrink-0 border-e border-slate-200 bg-white print:hidden sm:block',
            menuOpen
              ? 'max-sm:fixed max-sm:inset-x-0 max-sm:top-14 max-sm:bottom-0 max-sm:z-20 max-sm:w-full'
              : 'hidden',
          )}
        >
          <div className="max-sm:h-full max-sm:overflow-y-auto sm:sticky sm:top-14 sm:max-h-[calc(100dvh-3.5rem)] sm:overflow-y-auto">
            {menuOpen && !isDesktop ? (
              <div className="border-b border-slate-200 px-4 py-3">
                <div className="font-medium text-slate-900">{user.displayName}</div>
                <div className="text-xs text-slate-600">{t(`roles.${user.role}`)}</div>
              </div>
            ) : null}
            <ul className="flex flex-col gap-0.5 p-2">
              {pages.map(({ path, nav }) => {
                if (!nav) return null;
                const Icon = nav.icon;
                const current = isCurrent(path);
                return (
                  <li key={path}>
                    <Link
                      href={path}
                      aria-current={current ? 'page' : undefined}
                      className={cx(
                        'flex min-h-10 items-center gap-3 rounded-md border-s-4 px-3 py-2 text-sm',
                        current
                          ? 'border-brand-700 bg-brand-50 font-medium text-brand-900'
                          : 'border-transparent text-slate-700 hover:bg-slate-100',
                      )}
                    >
                      <Icon aria-hidden="true" className="size-4 shrink-0" />
                      {t(nav.label)}
                    </Link>
                  </li>
                );
              })}
            </ul>
            {isDesktop ? null : (
              <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 p-3">
                <HelpLink inMenu />
                <LanguageToggle
                  isPending={preferences.isPending}
                  onChange={(locale) => preferences.mutate({ locale })}
                />
              </div>
            )}
          </div>
        </nav>

        <main
          id="main"
          ref={mainRef}
          tabIndex={-1}
          className="min-w-0 flex-1 px-4 py-5 focus:outline-none sm:px-8 sm:py-6"
        >
          <div className="mx-auto max-w-6xl">
            <TotpEnrolmentBanner />
            <AckBanner />
            {children}
          </div>
        </main>
      </div>
    </div>
  );
}

/** The header's help menu: the staff guide, opened on the page of the user's role. */
function HelpLink({ inMenu = false }: { inMenu?: boolean }) {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Link
      href={`/guide/${user.role}`}
      aria-label={t('guide.open')}
      title={t('guide.open')}
      data-testid="help-link"
      className="flex min-h-10 items-center gap-1.5 rounded-md px-2 text-slate-700 hover:bg-slate-100"
    >
      <CircleHelp aria-hidden="true" className="size-5" />
      <span className={inMenu ? undefined : 'max-lg:sr-only'}>{t('guide.short')}</span>
    </Link>
  );
}

/** The association's logo (or the water mark) and name, with the product name under it. */
function Brand() {
  const { t } = useTranslation();
  const { data } = useOrganization();
  const name = useOrganizationName();
  return (
    <div className="flex min-w-0 items-center gap-2">
      {data?.logoUrl ? (
        <img src={data.logoUrl} alt="" className="size-9 shrink-0 rounded object-contain" />
      ) : (
        <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-700">
          <Droplets className="size-5 text-white" />
        </span>
      )}
      <div className="min-w-0 leading-tight">
        <div className="truncate font-bold text-slate-900">{name}</div>
        <div className="truncate text-xs text-slate-600">
          {t('app.name')} · {t('app.tagline')}
        </div>
      </div>
    </div>
  );
}

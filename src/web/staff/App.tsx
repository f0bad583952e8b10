import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { I18nProvider, RouterProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { errorMessage } from '../lib/api';
import { DisplayProvider } from '../lib/display';
import { isUiLocale, lazyPage, storedDigits } from '../lib/i18n';
import { ErrorAlert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { Loading } from '../ui/Page';
import { AppShell } from './layout/AppShell';
import { STAFF_PAGES } from './pages';
import { ForbiddenPage } from './routes/ForbiddenPage';
import { LoginPage } from './routes/LoginPage';
import { NotFoundPage } from './routes/NotFoundPage';
import { hasPermission, isSessionLost, sessionKey, useSession } from './session';

// Shown only to an account that must change its password: not part of everyone's first download.
const ForcedPasswordChange = lazyPage(() =>
  import('./features/profile/ForcedPasswordChange').then((m) => ({ default: m.ForcedPasswordChange })),
);

function makeQueryClient(): QueryClient {
  // A request that finds the session gone (expired, signed out elsewhere) returns the app to the sign-in page.
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isSessionLost(error) && query.queryKey[0] !== sessionKey[0]) client.setQueryData(sessionKey, null);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSessionLost(error)) client.setQueryData(sessionKey, null);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, error) => !isSessionLost(error) && count < 1,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

export function App() {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <Providers>
        <Root />
      </Providers>
    </QueryClientProvider>
  );
}

/** Language, digits and client-side navigation for React Aria components (links, menus). */
function Providers({ children }: { children: React.ReactNode }) {
  const { i18n } = useTranslation();
  const [, navigate] = useLocation();
  const { data: user } = useSession();
  const locale = isUiLocale(i18n.language) ? i18n.language : 'ar';
  const digits = user?.preferences.digits ?? storedDigits(locale);
  return (
    <I18nProvider locale={locale === 'ar' ? 'ar-SA' : 'en-GB'}>
      <RouterProvider navigate={(to) => navigate(to)}>
        <DisplayProvider value={{ locale, digits }}>{children}</DisplayProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

/** A path on this site to return to after signing in; anything else goes home. */
function safeNext(value: string | null): string {
  // "//host" and "/\host" would leave the site.
  return value && /^\/(?![/\\])/.test(value) && !value.startsWith('/login') ? value : '/';
}

function Root() {
  const { t } = useTranslation();
  const session = useSession();
  const [location] = useLocation();
  const search = useSearch();

  if (session.isPending) return <Loading label={t('app.loading')} className="justify-center py-24" />;
  if (session.isError) {
    return (
      <main className="mx-auto flex max-w-md flex-col gap-3 px-4 py-24">
        <ErrorAlert>{errorMessage(session.error)}</ErrorAlert>
        <Button variant="primary" onPress={() => void session.refetch()}>
          {t('app.retry')}
        </Button>
      </main>
    );
  }

  const user = session.data;
  if (!user) {
    if (location === '/login') return <LoginPage />;
    const next = location === '/' ? '' : `?next=${encodeURIComponent(location + (search ? `?${search}` : ''))}`;
    return <Redirect to={`/login${next}`} replace />;
  }
  if (location === '/login') {
    const next = safeNext(new URLSearchParams(search).get('next'));
    // The field app is a separate page with its own service worker: a full load, not a route of this app.
    if (next.startsWith('/field/')) {
      window.location.replace(next);
      return <Loading label={t('app.loading')} className="justify-center py-24" />;
    }
    return <Redirect to={next} replace />;
  }
  if (user.mustChangePassword) {
    return (
      <Suspense fallback={<Loading label={t('app.loading')} className="justify-center py-24" />}>
        <ForcedPasswordChange />
      </Suspense>
    );
  }

  return (
    <AppShell>
      <Suspense fallback={<Loading label={t('app.loading')} />}>
        <Switch>
          {STAFF_PAGES.map(({ path, component: Page, permission }) => (
            <Route key={path} path={path}>
              {hasPermission(user, permission) ? <Page /> : <ForbiddenPage />}
            </Route>
          ))}
          <Route>
            <NotFoundPage />
          </Route>
        </Switch>
      </Suspense>
    </AppShell>
  );
}

import { Suspense, useState } from 'react';
import { useOrganization } from './data';
import { useFontsAfterFirstPaint } from './fonts';
import { currentLang, loadLang, t } from './i18n';
import { Droplets } from './icons';
import { HomePage } from './pages/Home';
import {
  ApplyPage,
  ContactPage,
  FollowPage,
  InfoPage,
  ReachPage,
  RightsPage,
  SurveyPage,
  TrackPage,
} from './pages/lazy';
import { NotFoundPage } from './pages/Simple';
import { Link, usePath } from './router';
import { Loading } from './ui';

function Page({ path }: { path: string }) {
  if (path === '/portal') return <HomePage />;
  if (path === '/portal/apply') return <ApplyPage />;
  if (path === '/portal/track') return <TrackPage />;
  if (path === '/portal/contact') return <ContactPage />;
  if (path === '/portal/follow') return <FollowPage />;
  if (path === '/portal/info') return <InfoPage />;
  if (path === '/portal/contact-us') return <ReachPage />;
  if (path === '/portal/rights') return <RightsPage />;
  if (/^\/portal\/survey\/[^/]+$/.test(path)) return <SurveyPage />;
  return <NotFoundPage />;
}

export function App() {
  const path = usePath();
  useFontsAfterFirstPaint(path);
  const [lang, setLang] = useState(currentLang());
  const org = useOrganization();
  const orgName = org.data ? (lang === 'en' ? org.data.nameEn : org.data.nameAr) : '';
  const switchLang = async () => {
    const next = lang === 'ar' ? 'en' : 'ar';
    await loadLang(next);
    setLang(next);
  };
  return (
    <div key={lang} className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only rounded-lg bg-white px-4 py-3 font-bold text-brand-900 focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-10"
      >
        {t('app.skipToContent')}
      </a>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-2xl items-center justify-between gap-3 px-4 py-3">
          {/* Room for a two-line name and the portal's name from the first paint: the name arrives from the server
              after the page is drawn, and a header that grew then would push the whole page down (layout shift). */}
          <Link to="/portal" className="flex min-h-16 min-w-0 items-center gap-3 rounded-lg">
            {org.data?.logoUrl ? (
              <img
                src={org.data.logoUrl}
                alt=""
                className="size-10 shrink-0 rounded-md bg-white object-contain p-0.5"
              />
            ) : (
              <Droplets aria-hidden="true" className="size-8 shrink-0 text-brand-100" />
            )}
            <span className="min-w-0">
              <span className="block font-bold leading-snug">{orgName || t('app.portalName')}</span>
              {orgName ? <span className="block text-sm text-brand-100">{t('app.portalName')}</span> : null}
            </span>
          </Link>
          <button
            type="button"
            onClick={switchLang}
            lang={lang === 'ar' ? 'en' : 'ar'}
            title={t('app.switchLanguageLabel')}
            className="min-h-11 shrink-0 cursor-pointer rounded-lg border border-white/60 px-3 font-bold hover:bg-brand-900"
          >
            {t('app.switchLanguage')}
          </button>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-4 pt-6 pb-10">
        <Suspense fallback={<Loading />}>
          <Page path={path} />
        </Suspense>
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-2xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-4 text-sm">
          <Link
            to="/portal"
            className="inline-flex min-h-11 items-center font-bold text-brand-800 underline underline-offset-4"
          >
            {t('app.home')}
          </Link>
          <Link
            to="/portal/contact-us"
            className="inline-flex min-h-11 items-center font-bold text-brand-800 underline underline-offset-4"
          >
            {t('app.contactUsLink')}
          </Link>
          <Link
            to="/portal/rights"
            className="inline-flex min-h-11 items-center font-bold text-brand-800 underline underline-offset-4"
          >
            {t('app.rightsLink')}
          </Link>
          <Link
            to="/portal/info#privacy"
            className="inline-flex min-h-11 items-center font-bold text-brand-800 underline underline-offset-4"
          >
            {t('app.privacyLink')}
          </Link>
        </div>
      </footer>
    </div>
  );
}

import { t } from '../i18n';
import { BookOpen, ChevronRight, ClipboardList, MessageSquareText, Phone, Scale, Search } from '../icons';
import { Link } from '../router';
import { Heading } from '../ui';

const CHOICES = [
  { to: '/portal/apply', icon: ClipboardList, title: 'home.applyTitle', text: 'home.applyText' },
  { to: '/portal/track', icon: Search, title: 'home.trackTitle', text: 'home.trackText' },
  { to: '/portal/contact', icon: MessageSquareText, title: 'home.contactTitle', text: 'home.contactText' },
  { to: '/portal/contact-us', icon: Phone, title: 'home.contactUsTitle', text: 'home.contactUsText' },
  { to: '/portal/rights', icon: Scale, title: 'home.rightsTitle', text: 'home.rightsText' },
  { to: '/portal/info', icon: BookOpen, title: 'home.infoTitle', text: 'home.infoText' },
] as const;

export function HomePage() {
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Heading title={t('home.title')}>{t('home.title')}</Heading>
        <p className="text-lg text-slate-700">{t('home.intro')}</p>
      </div>
      <nav aria-label={t('home.choicesLabel')}>
        <ul className="grid gap-3 sm:grid-cols-2">
          {CHOICES.map((choice) => (
            <li key={choice.to}>
              <Link
                to={choice.to}
                className="flex h-full min-h-20 items-center gap-4 rounded-xl border-2 border-slate-200 bg-white p-4 hover:border-brand-600 hover:bg-brand-50"
              >
                <span className="flex size-12 shrink-0 items-center justify-center rounded-full bg-brand-100 text-brand-800">
                  <choice.icon aria-hidden="true" className="size-6" />
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block text-lg font-bold text-brand-900">{t(choice.title)}</span>
                  <span className="block text-slate-700">{t(choice.text)}</span>
                </span>
                <ChevronRight aria-hidden="true" className="size-6 shrink-0 text-brand-700 rtl:-scale-x-100" />
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <Link
          to="/portal/follow"
          className="inline-flex min-h-11 items-center font-bold text-brand-800 underline underline-offset-4"
        >
          {t('home.followLink')}
        </Link>
      </p>
      <p className="text-slate-700">
        {t('home.privacy')}{' '}
        <Link
          to="/portal/info#privacy"
          className="inline-flex min-h-11 items-center font-bold text-brand-800 underline underline-offset-4"
        >
          {t('app.privacyLink')}
        </Link>
      </p>
    </div>
  );
}

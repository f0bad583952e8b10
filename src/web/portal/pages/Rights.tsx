import rightsStrings from 'virtual:portal-strings/rights';
import type { ReactNode } from 'react';
import { replyTimeText } from '../code';
import { useInfo } from '../data';
import { addStrings, currentLang, type Key, t } from '../i18n';
import { ClipboardList } from '../icons';
import { BadgeCheck, CalendarClock, MessageSquareWarning, Star } from '../page-icons';
import { Link } from '../router';
import { buttonClass, cx, Heading, LoadFailed, Loading } from '../ui';

addStrings({ rights: rightsStrings });

function Part(p: { id: string; icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${p.id}-title`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id={`${p.id}-title`} className="flex items-center gap-3 text-xl font-bold text-brand-900">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-100 text-brand-800">
          {p.icon}
        </span>
        {p.title}
      </h2>
      {p.children}
    </section>
  );
}

const lines = (keys: Key[], vars: Record<string, string | number> = {}) =>
  keys.map((key) => (
    <li key={key} className="text-lg leading-relaxed">
      {t(key, vars)}
    </li>
  ));

/**
 * The board's beneficiary policy in plain words: rights, how to apply, the decision in about two weeks, how
 * complaints are handled and how fast, and rating as a right never used to blame anyone. The numbers come from the
 * association's settings, so this page says what the system does; the full texts are on the documents page.
 */
export function RightsPage() {
  const { data, error, retry } = useInfo();
  if (!data?.replyTimes) return error ? <LoadFailed message={error.message} retry={retry} /> : <Loading />;
  const icon = 'size-5';
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Heading title={t('rights.title')}>{t('rights.title')}</Heading>
        <p className="text-lg text-slate-700">{t('rights.intro')}</p>
      </div>
      <Part id="rights" icon={<BadgeCheck aria-hidden="true" className={icon} />} title={t('rights.rightsTitle')}>
        <ul className="list-disc space-y-2 ps-6">
          {lines(['rights.right1', 'rights.right2', 'rights.right3', 'rights.right4', 'rights.right5'], {
            days: data.appealWindowDays,
          })}
        </ul>
      </Part>
      <Part id="apply" icon={<ClipboardList aria-hidden="true" className={icon} />} title={t('rights.applyTitle')}>
        <ol className={cx('space-y-2 ps-6', currentLang() === 'ar' ? 'list-[arabic-indic]' : 'list-decimal')}>
          {lines(['rights.apply1', 'rights.apply2', 'rights.apply3', 'rights.apply4'])}
        </ol>
        <Link to="/portal/apply" className={buttonClass('secondary')}>
          {t('rights.applyLink')}
        </Link>
      </Part>
      <Part
        id="decision"
        icon={<CalendarClock aria-hidden="true" className={icon} />}
        title={t('rights.decisionTitle')}
      >
        <ul className="list-disc space-y-2 ps-6" data-testid="decision-rule">
          {lines(['rights.decision1', 'rights.decision2'], { days: data.committeeTargetDays })}
        </ul>
      </Part>
      <Part
        id="complaints"
        icon={<MessageSquareWarning aria-hidden="true" className={icon} />}
        title={t('rights.complaintsTitle')}
      >
        <ul className="list-disc space-y-2 ps-6">
          {lines(['rights.complaints1', 'rights.complaints2', 'rights.complaints3'], {
            first: replyTimeText(data.replyTimes.complaint.first),
            resolve: replyTimeText(data.replyTimes.complaint.resolve),
          })}
        </ul>
        <Link to="/portal/contact" state={{ kind: 'complaint', subject: '' }} className={buttonClass('secondary')}>
          {t('rights.complaintsLink')}
        </Link>
      </Part>
      <Part id="rating" icon={<Star aria-hidden="true" className={icon} />} title={t('rights.ratingTitle')}>
        <ul className="list-disc space-y-2 ps-6">{lines(['rights.rating1', 'rights.rating2'])}</ul>
      </Part>
      <section aria-labelledby="full-title" className="space-y-2">
        <h2 id="full-title" className="text-xl font-bold">
          {t('rights.fullTitle')}
        </h2>
        <p>{t('rights.fullText')}</p>
        <Link
          to="/portal/info"
          className="inline-flex min-h-11 items-center font-bold text-brand-800 underline underline-offset-4"
        >
          {t('rights.fullLink')}
        </Link>
      </section>
    </div>
  );
}

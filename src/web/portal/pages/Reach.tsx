import reachStrings from 'virtual:portal-strings/reach';
import type { ReactNode } from 'react';
import { replyTimeText } from '../code';
import { type PortalContact, useInfo } from '../data';
import { addStrings, currentLang, list, num, t } from '../i18n';
import { Phone } from '../icons';
import { Clock, MapPin, MessageCircle } from '../page-icons';
import { Link } from '../router';
import { Arabic, buttonClass, Card, Heading, LoadFailed, Loading, Ltr } from '../ui';

addStrings({ reach: reachStrings });

/** Numbers to dial stay in Latin digits, as on the phone's keypad. "0163331144" → "tel:+966163331144"; a WhatsApp number → its wa.me link (international digits, no +). */
const international = (local: string) => {
  const digits = local.replace(/\D/g, '');
  return digits.startsWith('966') ? digits : `966${digits.replace(/^0/, '')}`;
};
const telLink = (local: string) => `tel:+${international(local)}`;
const whatsappLink = (local: string) => `https://wa.me/${international(local)}`;

/** "8:00 صباحاً": minutes after midnight, in the reader's digits, with a word for morning or evening. */
function clock(minutes: number): string {
  const h24 = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${num(h12)}:${num(String(m).padStart(2, '0'))} ${h24 < 12 ? t('reach.am') : t('reach.pm')}`;
}

/** "من الأحد إلى الخميس" for consecutive days, else the days listed. */
function dayRange(days: number[]): string {
  const names = list('reach.days');
  const sorted = [...days].sort((a, b) => a - b);
  const consecutive = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  if (sorted.length > 2 && consecutive) {
    return t('reach.daysRange', { first: names[sorted[0]!]!, last: names[sorted.at(-1)!]! });
  }
  return sorted.map((d) => names[d]).join(currentLang() === 'ar' ? '، ' : ', ');
}

function Row({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <section className="flex gap-4" aria-label={title}>
      <span className="flex size-12 shrink-0 items-center justify-center rounded-full bg-brand-100 text-brand-800">
        {icon}
      </span>
      <div className="min-w-0 flex-1 space-y-2">
        <h2 className="text-lg font-bold">{title}</h2>
        {children}
      </div>
    </section>
  );
}

export function ReachPage() {
  const { data, error, retry } = useInfo();
  if (!data?.contact) return error ? <LoadFailed message={error.message} retry={retry} /> : <Loading />;
  const c: PortalContact = data.contact;
  const linkClass = 'inline-flex min-h-11 items-center font-bold text-brand-800 underline underline-offset-4';
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Heading title={t('reach.title')}>{t('reach.title')}</Heading>
        <p className="text-lg text-slate-700">{t('reach.intro')}</p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <a href={telLink(c.phone)} className={buttonClass('primary', 'min-h-16 text-lg')} data-testid="call">
          <Phone aria-hidden="true" className="size-6" />
          <span>
            {t('reach.call')} <Ltr>{c.phone}</Ltr>
          </span>
        </a>
        <a
          href={whatsappLink(c.whatsapp)}
          className={buttonClass('secondary', 'min-h-16 text-lg')}
          data-testid="whatsapp"
        >
          <MessageCircle aria-hidden="true" className="size-6" />
          <span>
            {t('reach.whatsapp')} <Ltr>{c.whatsapp}</Ltr>
          </span>
        </a>
      </div>
      <Card className="space-y-6">
        <Row icon={<Clock aria-hidden="true" className="size-6" />} title={t('reach.hours')}>
          <p className="text-lg" data-testid="hours">
            {t('reach.hoursText', {
              days: dayRange(c.workDays),
              from: clock(c.workStartMinute),
              to: clock(c.workEndMinute),
            })}
          </p>
          {c.hoursNoteAr ? <Arabic className="text-slate-700">{c.hoursNoteAr}</Arabic> : null}
        </Row>
        <Row icon={<MapPin aria-hidden="true" className="size-6" />} title={t('reach.address')}>
          <p className="text-lg">{currentLang() === 'en' ? c.addressEn : <Arabic>{c.addressAr}</Arabic>}</p>
          <a href={c.mapUrl} target="_blank" rel="noopener noreferrer" className={linkClass}>
            {t('reach.map')}
          </a>
        </Row>
      </Card>
      {c.branches.length > 0 ? (
        <section aria-labelledby="branches-title" className="space-y-3">
          <h2 id="branches-title" className="text-xl font-bold">
            {t('reach.branches')}
          </h2>
          <ul className="space-y-3">
            {c.branches.map((b) => (
              <li key={b.id} className="space-y-1 rounded-xl border border-slate-200 bg-white p-4">
                <Arabic className="block text-lg font-bold text-brand-900">{b.nameAr}</Arabic>
                {b.addressAr ? <Arabic className="block">{b.addressAr}</Arabic> : null}
                <div className="flex flex-wrap gap-x-6">
                  {b.phone ? (
                    <a
                      href={telLink(b.phone)}
                      className={linkClass}
                      aria-label={t('reach.callBranch', { name: b.nameAr })}
                    >
                      <Phone aria-hidden="true" className="me-2 size-5" />
                      <Ltr>{b.phone}</Ltr>
                    </a>
                  ) : null}
                  {b.mapUrl ? (
                    <a
                      href={b.mapUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      className={linkClass}
                      aria-label={t('reach.mapOf', { name: b.nameAr })}
                    >
                      {t('reach.map')}
                    </a>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="write-title" className="space-y-3">
        <h2 id="write-title" className="text-xl font-bold">
          {t('reach.write')}
        </h2>
        <p>{t('reach.writeText')}</p>
        <ul className="list-disc space-y-1 ps-6">
          <li>{t('reach.replyInquiry', { time: replyTimeText(data.replyTimes.inquiry.first) })}</li>
          <li>{t('reach.replyComplaint', { time: replyTimeText(data.replyTimes.complaint.first) })}</li>
          <li>{t('reach.replySuggestion', { time: replyTimeText(data.replyTimes.suggestion.first) })}</li>
        </ul>
        <Link to="/portal/contact" className={buttonClass('secondary')}>
          {t('reach.writeLink')}
        </Link>
      </section>
    </div>
  );
}

import infoStrings from 'virtual:portal-strings/info';
import { useEffect, useState } from 'react';
import { formatDual } from '../../../common/dates';
import { type Published, useInfo } from '../data';
import { addStrings, dateDisplay, t } from '../i18n';
import { ChevronDown } from '../page-icons';
import { Arabic, Card, Heading, LoadFailed, Loading } from '../ui';

addStrings({ info: infoStrings });

function Document({ doc }: { doc: Published }) {
  // The date is written only once the reader opens the document: the first Hijri date formatter costs the phone
  // a long pause (the calendar's data is loaded then), which should not hold up the page for a closed section.
  const [open, setOpen] = useState(false);
  return (
    <details
      className="group rounded-xl border border-slate-200 bg-white"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="flex min-h-14 cursor-pointer list-none items-center justify-between gap-3 rounded-xl px-4 py-3 text-lg font-bold text-brand-900 [&::-webkit-details-marker]:hidden">
        <Arabic>{doc.titleAr}</Arabic>
        <ChevronDown aria-hidden="true" className="size-6 shrink-0 group-open:rotate-180" />
      </summary>
      <div className="space-y-3 border-t border-slate-200 px-4 py-4">
        <Arabic className="text-lg leading-loose whitespace-pre-line">{doc.bodyAr}</Arabic>
        {doc.approvalRef || doc.effectiveFrom ? (
          <div className="space-y-1 text-sm text-slate-700">
            {doc.approvalRef ? <p>{t('info.approval', { ref: doc.approvalRef })}</p> : null}
            {doc.effectiveFrom && open ? (
              <p>{t('info.effective', { date: formatDual(doc.effectiveFrom, dateDisplay()) })}</p>
            ) : null}
          </div>
        ) : null}
      </div>
    </details>
  );
}

export function InfoPage() {
  const { data, error, retry } = useInfo();
  useEffect(() => {
    const target = data && window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    if (target) {
      target.scrollIntoView();
      target.focus();
    }
  }, [data]);
  if (!data) return error ? <LoadFailed message={error.message} retry={retry} /> : <Loading />;
  const faqs = data.published.filter((p) => p.kind === 'faq');
  const policies = data.published.filter((p) => p.kind !== 'faq');
  return (
    <div className="space-y-8">
      <Heading title={t('info.title')}>{t('info.title')}</Heading>
      <section id="privacy" tabIndex={-1} aria-labelledby="privacy-title" className="space-y-3">
        <h2 id="privacy-title" className="text-xl font-bold">
          {t('info.privacy')}
        </h2>
        <Card>
          <Arabic className="text-lg leading-loose whitespace-pre-line">{data.privacyNoticeAr}</Arabic>
        </Card>
      </section>
      {policies.length > 0 ? (
        <section aria-labelledby="policies-title" className="space-y-3">
          <h2 id="policies-title" className="text-xl font-bold">
            {t('info.policies')}
          </h2>
          {policies.map((doc) => (
            <Document key={doc.id} doc={doc} />
          ))}
        </section>
      ) : null}
      {faqs.length > 0 ? (
        <section aria-labelledby="faq-title" className="space-y-3">
          <h2 id="faq-title" className="text-xl font-bold">
            {t('info.faq')}
          </h2>
          {faqs.map((doc) => (
            <Document key={doc.id} doc={doc} />
          ))}
        </section>
      ) : null}
      {data.published.length === 0 ? <p>{t('info.empty')}</p> : null}
    </div>
  );
}

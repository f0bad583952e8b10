import { BookOpenCheck, Check } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { Button, buttonClass } from '../../../ui/Button';
import { useAcknowledge, usePendingAcknowledgements } from './queries';

/**
 * A new version of one of the four tools (the bylaws, the services regulation, the policies manual, the selection
 * mechanism) is in force and this person has not read it: say so at the top of every page, one document at a time,
 * with "read" and "اطلعت عليه" (which records the acknowledgement).
 */
export function AckBanner() {
  const { t } = useTranslation();
  const format = useFormat();
  const [location] = useLocation();
  const pending = usePendingAcknowledgements();
  const acknowledge = useAcknowledge();
  // The document open on the page asks for its own acknowledgement there; the banner names the others.
  const items = (pending.data ?? []).filter((p) => location !== `/knowledge/${p.documentId}`);
  const first = items[0];
  if (!first) return null;
  const more = items.length - 1;

  return (
    <section
      aria-label={t('knowledge.ack.label')}
      className="mb-5 flex flex-col gap-2 rounded-lg border border-brand-200 bg-brand-50 p-3 text-brand-950 sm:flex-row sm:items-center sm:gap-3 print:hidden"
    >
      <div className="flex min-w-0 flex-1 items-start gap-2 sm:items-center sm:gap-3">
        <BookOpenCheck aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-brand-700 sm:mt-0" />
        <div className="min-w-0">
          <p className="font-medium">{t('knowledge.ack.updated', { title: first.titleAr })}</p>
          <p className="text-xs text-slate-700">
            {t('knowledge.ack.details', {
              version: format.number(first.version),
              date: format.dual(first.effectiveFrom),
            })}
            {more > 0 ? ` · ${t('knowledge.ack.more', { count: more, n: format.number(more) })}` : null}
          </p>
          {acknowledge.isError ? (
            <p role="alert" className="text-xs font-medium text-red-700">
              {errorMessage(acknowledge.error)}
            </p>
          ) : null}
        </div>
      </div>
      <div className="flex shrink-0 flex-wrap justify-end gap-2">
        <Link href={`/knowledge/${first.documentId}`} className={buttonClass('secondary', 'min-h-9 px-3')}>
          {t('knowledge.ack.read')}
        </Link>
        <Button
          variant="primary"
          className="min-h-9 px-3"
          isPending={acknowledge.isPending}
          aria-label={t('knowledge.ack.confirmLabel', { title: first.titleAr })}
          onPress={() => acknowledge.mutate(first.versionId)}
        >
          <Check aria-hidden="true" className="size-4" />
          {t('knowledge.ack.confirm')}
        </Button>
      </div>
    </section>
  );
}

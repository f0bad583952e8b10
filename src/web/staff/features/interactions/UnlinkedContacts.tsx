import { Link2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { useEnumLabel } from '../beneficiaries/labels';
import { useLinkInteraction, useUnlinkedInteractions } from './queries';

/**
 * Contacts logged from this file's mobile number before the caller was known (name and mobile only): one click
 * links each to the file, so it joins the timeline. Shows nothing when there are none.
 */
export function UnlinkedContacts({ beneficiaryId, mobile }: { beneficiaryId: string; mobile: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  const unlinked = useUnlinkedInteractions();
  const link = useLinkInteraction();
  const [notice, setNotice] = useState<string | null>(null);
  const items = (unlinked.data ?? []).filter((i) => i.contactMobile === mobile);
  if (items.length === 0) return <SuccessNotice>{notice}</SuccessNotice>;

  return (
    <section
      aria-labelledby="unlinked-title"
      className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950"
    >
      <h3 id="unlinked-title" className="font-bold">
        {t('interactions.unlinked.title')}
      </h3>
      <p className="text-sm">{t('interactions.unlinked.hint')}</p>
      <ul className="flex flex-col gap-2">
        {items.map((item) => (
          <li
            key={item.id}
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-200 bg-white p-2 text-slate-900"
          >
            <div className="min-w-0">
              <p className="text-xs text-slate-700">
                {enumLabel('channel', item.channel)} ·{' '}
                <time dateTime={item.occurredAt} title={format.dateTime(item.occurredAt)}>
                  {format.relative(item.occurredAt)}
                </time>
                {item.contactName ? (
                  <>
                    {' · '}
                    <bdi>{item.contactName}</bdi>
                  </>
                ) : null}
              </p>
              <p dir="auto" className="break-words">
                {item.summary}
              </p>
            </div>
            <Button
              className="min-h-9 px-3"
              isPending={link.isPending && link.variables?.id === item.id}
              aria-label={t('interactions.unlinked.linkLabel', { when: format.dateTime(item.occurredAt) })}
              onPress={() =>
                link.mutate(
                  { id: item.id, beneficiaryId },
                  { onSuccess: () => setNotice(t('interactions.unlinked.linked')) },
                )
              }
            >
              <Link2 aria-hidden="true" className="size-4" />
              {t('interactions.unlinked.link')}
            </Button>
          </li>
        ))}
      </ul>
      {link.isError ? <ErrorAlert>{errorMessage(link.error)}</ErrorAlert> : null}
    </section>
  );
}

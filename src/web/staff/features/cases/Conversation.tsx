import { ArrowLeftRight, Inbox, Lock, Reply } from 'lucide-react';
import { Trans, useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/display';
import { cx } from '../../../ui/cx';
import { useEnumLabel } from '../beneficiaries/labels';
import { CaseStatusBadge } from './Badges';
import { parseStatusBody, useCaseLabel } from './labels';
import type { CaseDetail, CaseMessage } from './types';

/**
 * The case's history, oldest first: what the person said (inbound), what we told them (replies), internal notes
 * (marked as such — the person never sees them) and each move of its status with its note. Every text is shown
 * as text, never as markup.
 */
export function Conversation({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="conversation-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <h2 id="conversation-title" className="mb-3 text-base font-bold text-slate-900">
        {t('cases.conversation.title')}
      </h2>
      <ol className="flex flex-col gap-3">
        {item.messages.map((message) => (
          <li key={message.id}>
            <Message message={message} item={item} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function When({ at }: { at: string }) {
  const format = useFormat();
  return (
    <time dateTime={at} title={format.dateTime(at)}>
      {format.relative(at)}
    </time>
  );
}

function Message({ message, item }: { message: CaseMessage; item: CaseDetail }) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const label = useCaseLabel();
  const channel = message.channel ? enumLabel('channel', message.channel) : null;

  if (message.kind === 'status') {
    const parsed = parseStatusBody(message.body);
    return (
      <div className="flex flex-col gap-1 border-s-2 border-slate-200 ps-3 text-sm">
        <div className="flex flex-wrap items-center gap-2 text-slate-700">
          <ArrowLeftRight aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
          {parsed ? (
            <>
              <span>
                {message.authorName ? (
                  <Trans
                    t={t}
                    i18nKey="cases.conversation.movedBy"
                    values={{ name: message.authorName, to: label('statuses', parsed.to) }}
                    components={{ bdi: <bdi /> }}
                  />
                ) : (
                  t('cases.conversation.moved', { to: label('statuses', parsed.to) })
                )}
              </span>
              <CaseStatusBadge status={parsed.to} />
            </>
          ) : (
            <span dir="auto" className="whitespace-pre-line">
              {message.body}
            </span>
          )}
          <span className="text-xs text-slate-600">
            · <When at={message.at} />
          </span>
        </div>
        {parsed?.note ? (
          <p dir="auto" className="rounded-md bg-slate-50 p-2 break-words whitespace-pre-line text-slate-800">
            {parsed.note}
          </p>
        ) : null}
      </div>
    );
  }

  const styles = {
    inbound: 'border-slate-200 bg-white',
    reply: 'border-brand-200 bg-brand-50/60',
    note: 'border-dashed border-amber-400 bg-amber-50',
  } as const;
  const who =
    message.kind === 'inbound'
      ? item.anonymous
        ? t('cases.anonymous')
        : item.contactName || t('cases.conversation.beneficiary')
      : message.authorName;

  return (
    <article
      aria-label={t(`cases.conversation.kinds.${message.kind}`)}
      className={cx('rounded-lg border p-3', styles[message.kind])}
    >
      <header className="mb-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-700">
        {message.kind === 'inbound' ? <Inbox aria-hidden="true" className="size-4 text-slate-600" /> : null}
        {message.kind === 'reply' ? <Reply aria-hidden="true" className="size-4 text-brand-700" /> : null}
        {message.kind === 'note' ? <Lock aria-hidden="true" className="size-4 text-amber-800" /> : null}
        <span className={cx('font-bold', message.kind === 'note' ? 'text-amber-950' : 'text-slate-900')}>
          {t(`cases.conversation.kinds.${message.kind}`)}
        </span>
        {message.kind === 'note' ? (
          <span className="text-amber-950">{t('cases.conversation.internalHint')}</span>
        ) : null}
        {channel && message.kind !== 'note' ? <span>· {t('cases.conversation.via', { channel })}</span> : null}
        {who ? (
          <span>
            · <bdi className="font-medium">{who}</bdi>
          </span>
        ) : null}
        <span>
          · <When at={message.at} />
        </span>
      </header>
      <p dir="auto" className="break-words whitespace-pre-line text-slate-900">
        {message.body}
      </p>
    </article>
  );
}

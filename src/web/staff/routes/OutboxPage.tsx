import { FlaskConical, RefreshCw, RotateCcw } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Ltr, localMobile } from '../../ui/Ltr';
import { Loading, PageHeader } from '../../ui/Page';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { InboundEvents } from '../features/admin/InboundEvents';
import { ChannelIcon, useMessageLabels } from '../features/admin/labels';
import { MessageBubble } from '../features/admin/MessageBubble';
import { useOutboxItems } from '../features/admin/messaging-queries';
import {
  OUTBOX_STATUS_LIST as NOTIFICATION_STATUS_LIST,
  type OutboxItem as OutboxMessage,
} from '../features/admin/messaging-types';
import { DeliveryLine, OutboxStatusBadge, useStatusLabel } from '../features/admin/OutboxDetails';
import { useRequeue } from '../features/admin/queries';

const ALL = 'all';
const REQUEUEABLE = new Set(['given_up', 'unknown']);

/**
 * The outbox: every SMS, WhatsApp message and e-mail the system sends to beneficiaries, with its state, attempts
 * and last error; a stopped message can be sent again. In demo mode nothing leaves the system and this page is
 * where the messages arrive, shown as the phone would show them.
 */
export default function OutboxPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const status = NOTIFICATION_STATUS_LIST.find((s) => s === params.get('status')) ?? null;
  const outbox = useOutboxItems(status);
  const statusLabel = useStatusLabel();
  const requeue = useRequeue();
  const [notice, setNotice] = useState<ReactNode>(null);
  const items = outbox.data?.items ?? [];

  function send(message: OutboxMessage) {
    setNotice(null);
    requeue.mutate(message.id, { onSuccess: () => setNotice(t('admin.outbox.requeued')) });
  }

  return (
    <>
      <PageHeader
        title={t('admin.outbox.title')}
        subtitle={t('admin.outbox.subtitle')}
        actions={
          <Button isPending={outbox.isFetching} onPress={() => void outbox.refetch()}>
            <RefreshCw aria-hidden="true" className="size-4" />
            {t('admin.outbox.refresh')}
          </Button>
        }
      />

      {outbox.data?.mode === 'demo' ? (
        <section
          aria-labelledby="demo-mode"
          className="mb-5 flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950"
        >
          <FlaskConical aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-amber-800" />
          <div>
            <h2 id="demo-mode" className="font-bold">
              {t('admin.outbox.demoTitle')}
            </h2>
            <p className="mt-1 text-sm">{t('admin.outbox.demoBody')}</p>
          </div>
        </section>
      ) : null}

      <div className="mb-4 rounded-lg border border-slate-200 bg-white p-3">
        <SegmentedControl
          label={t('admin.outbox.filter')}
          value={status ?? ALL}
          onChange={(value) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (value === ALL) next.delete('status');
                else next.set('status', value);
                return next;
              },
              { replace: true },
            )
          }
          segments={[
            { id: ALL, label: t('admin.outbox.all') },
            ...NOTIFICATION_STATUS_LIST.map((s) => ({
              id: s,
              label: statusLabel(s),
              tone:
                s === 'sent'
                  ? ('success' as const)
                  : s === 'given_up'
                    ? ('danger' as const)
                    : s === 'failed' || s === 'unknown' || s === 'blocked'
                      ? ('warning' as const)
                      : ('info' as const),
            })),
          ]}
        />
      </div>

      <SuccessNotice className="mb-4">{notice}</SuccessNotice>
      {requeue.isError ? <ErrorAlert className="mb-4">{errorMessage(requeue.error)}</ErrorAlert> : null}

      {outbox.isPending ? <Loading label={t('app.loading')} /> : null}
      {outbox.isError ? (
        <div className="flex flex-col items-start gap-3">
          <ErrorAlert>{errorMessage(outbox.error)}</ErrorAlert>
          <Button onPress={() => void outbox.refetch()}>{t('app.retry')}</Button>
        </div>
      ) : null}

      {outbox.data ? (
        items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
            {t('admin.outbox.empty')}
          </p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600">
              {t('admin.outbox.count', { value: format.number(items.length) })}
            </p>
            <ul className="grid gap-3 lg:grid-cols-2">
              {items.map((message) => (
                <li key={message.id} className="flex">
                  <MessageCard
                    message={message}
                    onRequeue={REQUEUEABLE.has(message.status) ? () => send(message) : undefined}
                    isRequeueing={requeue.isPending && requeue.variables === message.id}
                  />
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
      <InboundEvents />
    </>
  );
}

function MessageCard({
  message,
  onRequeue,
  isRequeueing,
}: {
  message: OutboxMessage;
  onRequeue?: () => void;
  isRequeueing: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useMessageLabels();
  const event = labels.event(message.templateKey);
  const recipient = message.channel === 'email' ? message.recipient : localMobile(message.recipient);
  const waiting = message.status === 'queued' || message.status === 'failed';
  return (
    <article
      aria-label={`${event} — ${labels.channel(message.channel)}`}
      className="flex w-full flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="flex items-center gap-1.5 font-bold text-slate-900">
            <ChannelIcon channel={message.channel} className="size-4 shrink-0 text-brand-700" />
            {event}
          </p>
          <p className="mt-0.5 text-sm text-slate-700">
            {labels.channel(message.channel)} · {t('admin.outbox.to')} <Ltr>{recipient}</Ltr>
          </p>
        </div>
        <OutboxStatusBadge status={message.status} />
      </header>

      <MessageBubble channel={message.channel} subject={message.subject} body={message.body} />

      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600">
        <div className="flex gap-1">
          <dt>{t('admin.outbox.createdAt')}</dt>
          <dd>
            <time dateTime={message.createdAt} title={format.dateTime(message.createdAt)}>
              {format.relative(message.createdAt)}
            </time>
          </dd>
        </div>
        {message.sentAt ? (
          <div className="flex gap-1">
            <dt>{t('admin.outbox.sentAt')}</dt>
            <dd>
              <time dateTime={message.sentAt}>{format.dateTime(message.sentAt)}</time>
            </dd>
          </div>
        ) : null}
        <div className="flex gap-1">
          <dt>{t('admin.outbox.attempts')}</dt>
          <dd className="tabular-nums">{format.number(message.attempts)}</dd>
        </div>
        {waiting ? (
          <div className="flex gap-1">
            <dt>{t('admin.outbox.nextAttempt')}</dt>
            <dd>
              <time dateTime={message.nextAttemptAt}>{format.relative(message.nextAttemptAt)}</time>
            </dd>
          </div>
        ) : null}
      </dl>

      <DeliveryLine message={message} />

      {message.lastError ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-800">
          <span className="font-medium">{t('admin.outbox.lastError')}: </span>
          <bdi dir="auto" className="[overflow-wrap:anywhere]">
            {message.lastError}
          </bdi>
        </p>
      ) : null}

      {onRequeue ? (
        <div>
          <Button
            className="min-h-9 px-3"
            isPending={isRequeueing}
            onPress={onRequeue}
            aria-label={t('admin.outbox.requeueLabel', { recipient })}
          >
            <RotateCcw aria-hidden="true" className="size-4" />
            {t('admin.outbox.requeue')}
          </Button>
        </div>
      ) : null}
    </article>
  );
}

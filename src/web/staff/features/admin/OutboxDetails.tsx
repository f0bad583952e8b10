import { CheckCheck, Clock, Eye, Shuffle, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/display';
import { Badge, type BadgeTone } from '../../../ui/Badge';
import type { OutboxItem, OutboxStatus } from './messaging-types';
import { useMessagingWords } from './TemplateRules';

const STATUS_TONE: Record<OutboxStatus, BadgeTone> = {
  queued: 'neutral',
  sending: 'info',
  sent: 'success',
  failed: 'warning',
  given_up: 'danger',
  unknown: 'warning',
  blocked: 'warning',
  rerouted: 'info',
};

export function useStatusLabel() {
  const { t } = useTranslation();
  return (s: OutboxStatus) =>
    s === 'blocked' || s === 'rerouted' ? t(`messaging.statuses.${s}`) : t(`admin.outbox.statuses.${s}`);
}

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const label = useStatusLabel();
  return <Badge tone={STATUS_TONE[status] ?? 'neutral'}>{label(status)}</Badge>;
}

/**
 * What the message rules and the provider's receipts say about a message: why it waits (and until when), why it
 * was not sent or went by another channel, its category and sender, and its delivery state.
 */
export function DeliveryLine({ message }: { message: OutboxItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const words = useMessagingWords();
  const reason = message.holdReason ? words.reason(message.holdReason) : null;
  const lines: { icon: typeof Clock; text: string; tone: string; testId: string }[] = [];
  if (message.status === 'queued' && reason)
    lines.push({
      icon: Clock,
      text: t('messaging.outbox.waitingUntil', { reason, time: format.dateTime(message.nextAttemptAt) }),
      tone: 'bg-slate-100 text-slate-800',
      testId: 'hold-reason',
    });
  if (message.status === 'blocked' && reason)
    lines.push({
      icon: TriangleAlert,
      text: t('messaging.outbox.blockedBecause', { reason }),
      tone: 'bg-amber-50 text-amber-950',
      testId: 'hold-reason',
    });
  if (message.status === 'rerouted' && reason)
    lines.push({
      icon: Shuffle,
      text: t('messaging.outbox.reroutedBecause', { reason }),
      tone: 'bg-sky-50 text-sky-950',
      testId: 'hold-reason',
    });
  if (message.fallbackReason)
    lines.push({
      icon: Shuffle,
      text: t('messaging.outbox.fallbackOf', { reason: words.reason(message.fallbackReason) }),
      tone: 'bg-sky-50 text-sky-950',
      testId: 'fallback',
    });
  const DeliveryIcon =
    message.deliveryStatus === 'read' ? Eye : message.deliveryStatus === 'failed' ? TriangleAlert : CheckCheck;
  return (
    <div className="flex flex-col gap-1.5 text-xs">
      {lines.map((l) => (
        <p
          key={l.testId}
          data-testid={l.testId}
          className={`flex items-start gap-1.5 rounded-md px-2 py-1.5 ${l.tone}`}
        >
          <l.icon aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
          <span>{l.text}</span>
        </p>
      ))}
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-slate-600">
        <div className="flex gap-1">
          <dt>{t('messaging.outbox.category')}</dt>
          <dd>{words.category(message.category)}</dd>
        </div>
        {message.senderId ? (
          <div className="flex gap-1">
            <dt>{t('messaging.outbox.sender')}</dt>
            <dd>
              <bdi dir="ltr">{message.senderId}</bdi>
            </dd>
          </div>
        ) : null}
        {message.deliveryStatus ? (
          <div className="flex items-center gap-1" data-testid="delivery-status">
            <dt>{t('messaging.outbox.delivery')}</dt>
            <dd className="flex items-center gap-1 font-medium text-slate-800">
              <DeliveryIcon aria-hidden="true" className="size-3.5" />
              {words.delivery(message.deliveryStatus)}
              {message.readAt ? (
                <time dateTime={message.readAt} className="font-normal text-slate-600">
                  {format.dateTime(message.readAt)}
                </time>
              ) : message.deliveredAt ? (
                <time dateTime={message.deliveredAt} className="font-normal text-slate-600">
                  {format.dateTime(message.deliveredAt)}
                </time>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {message.sentAs === 'template' ? <p className="text-slate-600">{t('messaging.outbox.asTemplate')}</p> : null}
      {message.deliveryError ? (
        <p className="rounded-md bg-red-50 px-2 py-1.5 text-red-800">
          <span className="font-medium">{t('messaging.outbox.deliveryError')}: </span>
          <bdi dir="auto">{message.deliveryError}</bdi>
        </p>
      ) : null}
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Badge, type BadgeTone } from '../../../ui/Badge';

type InboundEvent = {
  id: string;
  provider: 'whatsapp' | 'sms';
  status: 'received' | 'processed' | 'failed' | 'rejected' | 'given_up';
  attempts: number;
  lastError: string | null;
  receivedAt: string;
  processedAt: string | null;
  nextAttemptAt: string;
  excerpt: string;
};

const TONE: Record<InboundEvent['status'], BadgeTone> = {
  received: 'info',
  processed: 'success',
  failed: 'warning',
  rejected: 'danger',
  given_up: 'danger',
};

/**
 * What the providers sent (replies, receipts): each body is stored before it is processed; a failed one is retried
 * and a malformed one kept for review, so nothing is lost silently (decision 019).
 */
export function InboundEvents() {
  const { t } = useTranslation();
  const format = useFormat();
  const events = useQuery({
    queryKey: ['messaging-inbound'],
    queryFn: () => api.get<{ items: InboundEvent[] }>('/api/messaging/inbound?limit=20'),
  });
  const items = events.data?.items ?? [];
  return (
    <section aria-labelledby="inbound-title" className="mt-8">
      <h2 id="inbound-title" className="font-bold text-slate-900">
        {t('messaging.inbound.title')}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t('messaging.inbound.subtitle')}</p>
      {events.isError ? <ErrorAlert>{errorMessage(events.error)}</ErrorAlert> : null}
      {events.data && items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-center text-sm text-slate-700">
          {t('messaging.inbound.empty')}
        </p>
      ) : null}
      <ul className="flex flex-col gap-2">
        {items.map((e) => (
          <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={TONE[e.status]}>{t(`messaging.inbound.statuses.${e.status}`)}</Badge>
              <span className="font-medium text-slate-900">{t(`messaging.inbound.providers.${e.provider}`)}</span>
              <time dateTime={e.receivedAt} className="text-xs text-slate-600">
                {format.dateTime(e.receivedAt)}
              </time>
              <span className="text-xs text-slate-600">
                {t('messaging.inbound.attempts', { value: format.number(e.attempts) })}
              </span>
            </p>
            {e.lastError ? (
              <p className="mt-1 text-xs text-red-800">
                <bdi dir="ltr">{e.lastError}</bdi>
              </p>
            ) : null}
            {e.status !== 'processed' ? (
              <pre
                dir="ltr"
                className="mt-2 max-h-32 overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap [overflow-wrap:anywhere]"
              >
                {e.excerpt}
              </pre>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { Mail, MessageCircle, MessageSquareText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../ui/Badge';
import type { NotificationStatus } from './types';

type Words = Record<string, string>;

/** Words for the message channels (sms, whatsapp, email) and the templates' events; unknown codes as they are. */
export function useMessageLabels() {
  const { t } = useTranslation();
  const channels = t('admin.channels', { returnObjects: true }) as unknown as Words;
  const events = t('admin.events', { returnObjects: true }) as unknown as Words;
  return {
    channel: (code: string) => channels[code] ?? code,
    event: (code: string) => events[code] ?? code,
  };
}

export const CHANNEL_ICON = { sms: MessageSquareText, whatsapp: MessageCircle, email: Mail } as const;

export function ChannelIcon({ channel, className }: { channel: string; className?: string }) {
  const Icon = CHANNEL_ICON[channel as keyof typeof CHANNEL_ICON] ?? MessageSquareText;
  return <Icon aria-hidden="true" className={className ?? 'size-4'} />;
}

const STATUS_TONE: Record<NotificationStatus, BadgeTone> = {
  queued: 'neutral',
  sending: 'info',
  sent: 'success',
  failed: 'warning',
  given_up: 'danger',
  unknown: 'warning',
};

/** A message's state as a word with a colour. */
export function MessageStatusBadge({ status }: { status: NotificationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status] ?? 'neutral'}>{t(`admin.outbox.statuses.${status}`)}</Badge>;
}

import type { NotificationChannel } from '../../../../common/domain/notifications';
import type { Config } from '../../../config';
import { DemoProvider } from './demo';
import { SmtpProvider } from './smtp';
import type { Provider } from './types';
import { UnifonicSmsProvider } from './unifonic';
import { WhatsAppCloudProvider } from './whatsapp';

export type Providers = Record<NotificationChannel, Provider | null>;

/** The provider per channel: demo ones in demo mode; in live mode only what is configured (else null). */
export function buildProviders(config: Config): Providers {
  const n = config.notify;
  if (n.mode === 'demo')
    return { sms: new DemoProvider('sms'), whatsapp: new DemoProvider('whatsapp'), email: new DemoProvider('email') };
  return {
    sms: n.sms ? new UnifonicSmsProvider(n.sms) : null,
    whatsapp: n.whatsapp ? new WhatsAppCloudProvider(n.whatsapp) : null,
    email: n.smtp ? new SmtpProvider(n.smtp.url, n.smtp.from) : null,
  };
}

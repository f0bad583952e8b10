import type { NotificationChannel } from '../../../../common/domain/notifications';
import type { OutgoingMessage, Provider } from './types';

/** Demo mode: nothing leaves the machine; sent messages are read in the outbox view. */
export class DemoProvider implements Provider {
  readonly name = 'demo';
  constructor(readonly channel: NotificationChannel) {}
  async send(message: OutgoingMessage) {
    return { providerMessageId: `demo-${message.idempotencyKey}` };
  }
}

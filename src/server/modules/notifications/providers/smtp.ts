import nodemailer from 'nodemailer';
import { type OutgoingMessage, type Provider, ProviderError } from './types';

/** E-mail over SMTP. The Message-ID is derived from the outbox key, so a message keeps one identity. */
export class SmtpProvider implements Provider {
  readonly channel = 'email' as const;
  readonly name = 'smtp';
  private readonly transport;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
  }

  async send(message: OutgoingMessage) {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.body,
        messageId: `<${message.idempotencyKey}@wasl.local>`,
        headers: { 'Content-Language': 'ar' },
      });
      return { providerMessageId: info.messageId };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      throw new ProviderError(`smtp: ${(error as Error).message}`, !(code && code >= 500 && code < 600));
    }
  }
}

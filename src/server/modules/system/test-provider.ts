import { randomUUID } from 'node:crypto';
import type { NotificationChannel } from '../../../common/domain/notifications';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { buildProviders } from '../notifications';

/**
 * Sends one test message straight through a channel's provider (not the outbox, so it is not retried and
 * nobody else's message waits behind it), and says what the provider answered.
 */
export async function testProvider(
  deps: Deps,
  user: SessionUser,
  channel: NotificationChannel,
  to: string,
  meta: RequestMeta,
) {
  const provider = buildProviders(deps.config)[channel];
  if (!provider) throw new AppError('system.provider_not_configured');
  let result: { ok: boolean; providerMessageId: string | null; error: string | null };
  try {
    const sent = await provider.send({
      to,
      subject: channel === 'email' ? 'رسالة تجريبية من وصل' : null,
      body: 'رسالة تجريبية من نظام وصل للتأكد من إعداد قناة الإرسال. لا يلزم الرد.',
      idempotencyKey: `provider-test-${randomUUID()}`,
    });
    result = { ok: true, providerMessageId: sent.providerMessageId, error: null };
  } catch (error) {
    result = {
      ok: false,
      providerMessageId: null,
      error: String(error instanceof Error ? error.message : error).slice(0, 300),
    };
  }
  await writeAudit(deps.db, user, meta, {
    action: 'system.provider_tested',
    entityType: 'provider',
    entityId: channel,
    details: { provider: provider.name, ok: result.ok },
  });
  return { channel, provider: provider.name, ...result };
}

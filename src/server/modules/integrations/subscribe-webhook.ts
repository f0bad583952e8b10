import type { WebhookEvent } from '../../../common/domain/integrations';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { RequestMeta, SessionUser } from '../../http/context';
import { disableSubscription, insertSubscription, listSubscriptions } from './queries';
import { newWebhookSecret } from './token-secret';

export type NewSubscription = { name: string; url: string; events: WebhookEvent[] };

/** Plain http only outside production (tests and a developer's machine); production sends over https alone. */
export function allowedWebhookUrl(url: string, env: Config['env']): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && env !== 'production');
}

/** Subscribes a URL; the signing secret is returned once, with the new subscription. */
export async function subscribeWebhook(
  db: Db,
  config: Config,
  admin: SessionUser,
  meta: RequestMeta,
  input: NewSubscription,
) {
  if (!allowedWebhookUrl(input.url, config.env)) throw new AppError('integration.insecure_url');
  const secret = newWebhookSecret();
  return db.transaction(async (tx) => {
    const row = await insertSubscription(tx, {
      orgId: admin.orgId,
      name: input.name,
      url: input.url,
      secret,
      events: [...new Set(input.events)],
      createdBy: admin.id,
    });
    await writeAudit(tx, admin, meta, {
      action: 'webhook.subscribed',
      entityType: 'webhook_subscription',
      entityId: row.id,
      details: { name: input.name, url: input.url, events: row.events },
    });
    return { ...row, secret };
  });
}

export async function unsubscribeWebhook(db: Db, admin: SessionUser, meta: RequestMeta, id: string, now = new Date()) {
  await db.transaction(async (tx) => {
    const known = (await listSubscriptions(tx, admin.orgId)).some((s) => s.id === id);
    if (!known) throw new AppError('integration.not_found');
    if (!(await disableSubscription(tx, admin.orgId, id, now))) return;
    await writeAudit(tx, admin, meta, {
      action: 'webhook.disabled',
      entityType: 'webhook_subscription',
      entityId: id,
    });
  });
}

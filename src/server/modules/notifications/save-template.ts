import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { allowedTemplateVariables, templateVariables } from '../../../common/domain/messaging';
import type { NotificationChannel, TemplateKey } from '../../../common/domain/notifications';
import type { Db } from '../../db/client';
import { messageTemplates, messageTemplateVersions } from '../../db/tables/index';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { RequestMeta, SessionUser } from '../../http/context';
import { templateFor } from './outbox';
import type { templateUpdate } from './schemas';

/**
 * Saves a template: refuses a variable the event does not fill (in the text, the subject or the WhatsApp
 * parameters), keeps the previous text as a numbered version with who saved it, and audits old and new values.
 */
export async function saveTemplate(
  db: Db,
  user: SessionUser,
  meta: RequestMeta,
  key: TemplateKey,
  channel: NotificationChannel,
  input: z.infer<typeof templateUpdate>,
): Promise<void> {
  const allowed = new Set(allowedTemplateVariables(key));
  const used = [
    ...templateVariables(input.body),
    ...templateVariables(input.subject ?? ''),
    ...(input.whatsapp?.params ?? []),
  ];
  const unknown = used.find((v) => !allowed.has(v));
  if (unknown) throw new AppError('templates.unknown_variable', { variable: unknown });
  if (input.whatsapp && channel !== 'whatsapp') throw new AppError('templates.mapping_whatsapp_only');

  await db.transaction(async (tx) => {
    const before = await templateFor(tx, user.orgId, key, channel);
    const [own] = await tx
      .select({ version: messageTemplates.version })
      .from(messageTemplates)
      .where(
        and(
          eq(messageTemplates.orgId, user.orgId),
          eq(messageTemplates.key, key),
          eq(messageTemplates.channel, channel),
        ),
      )
      .for('update');
    const after = {
      subject: input.subject,
      body: input.body,
      category: input.category ?? before.category,
      whatsapp: input.whatsapp === undefined ? before.whatsapp : input.whatsapp,
    };
    const version = (own?.version ?? 0) + 1;
    await tx
      .insert(messageTemplates)
      .values({ orgId: user.orgId, key, channel, ...after, version, updatedBy: user.id })
      .onConflictDoUpdate({
        target: [messageTemplates.orgId, messageTemplates.key, messageTemplates.channel],
        set: { ...after, version, updatedBy: user.id, updatedAt: new Date() },
      });
    await tx.insert(messageTemplateVersions).values({
      orgId: user.orgId,
      key,
      channel,
      version,
      ...after,
      savedBy: user.id,
      savedByName: user.displayName || user.username,
    });
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    await writeAudit(tx, user, meta, {
      action: 'template.updated',
      entityType: 'template',
      entityId: `${key}/${channel}`,
      details: {
        version,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      },
    });
  });
}

import fs from 'node:fs';
import { z } from 'zod';
import { mobileSchema } from '../../../common/domain/beneficiary';
import { NOTIFICATION_CHANNELS } from '../../../common/domain/notifications';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { backupPath, createBackup, listBackups, pruneBackups, verifyBackup } from './backups';
import { getSystemStatus } from './get-system-status';
import { testProvider } from './test-provider';

const tags = ['system'];

const statusSchema = z.object({
  version: z.string(),
  node: z.string(),
  uptimeSeconds: z.number(),
  database: z.object({
    kind: z.enum(['embedded', 'postgres']),
    healthy: z.boolean(),
    latencyMs: z.number(),
    sizeBytes: z.number(),
    migrations: z.number(),
  }),
  outbox: z.object({
    waiting: z.number(),
    retrying: z.number(),
    stopped: z.number(),
    oldestWaitingAt: z.string().nullable(),
  }),
  jobs: z.array(
    z.object({
      name: z.string(),
      everySeconds: z.number(),
      lastStartedAt: z.string().nullable(),
      lastFinishedAt: z.string().nullable(),
      lastOk: z.boolean().nullable(),
      lastError: z.string().nullable(),
      lastDurationMs: z.number().nullable(),
      runs: z.number(),
      failures: z.number(),
    }),
  ),
  disk: z.object({
    totalBytes: z.number().nullable(),
    freeBytes: z.number().nullable(),
    documentsBytes: z.number(),
    backupsBytes: z.number(),
  }),
  backups: z.object({
    intervalHours: z.number(),
    keep: z.number(),
    count: z.number(),
    latestAt: z.string().nullable(),
  }),
});

const verificationSchema = z.object({ at: z.string(), ok: z.boolean(), problems: z.array(z.string()) });
const backupSchema = z.object({
  name: z.string(),
  createdAt: z.string(),
  kind: z.enum(['embedded', 'postgres']),
  trigger: z.enum(['manual', 'schedule', 'command']),
  version: z.string(),
  size: z.number(),
  tables: z.number(),
  rows: z.number(),
  documents: z.number(),
  documentBytes: z.number(),
  verification: verificationSchema.nullable(),
});
const nameParams = z.strictObject({ name: z.string().regex(/^wasl-backup-\d{8}T\d{6}Z-[a-z0-9]{4}\.tar$/) });

const providerTestBody = z.discriminatedUnion('channel', [
  z.strictObject({ channel: z.literal('sms'), to: mobileSchema }),
  z.strictObject({ channel: z.literal('whatsapp'), to: mobileSchema }),
  z.strictObject({ channel: z.literal('email'), to: z.email().max(200) }),
]);

export function registerSystemRoutes(app: App, deps: Deps): void {
  // One backup at a time per process: a second request is told to wait rather than doubling the load.
  let backupRunning = false;

  app.get(
    '/api/system/status',
    { config: { access: 'system.manage' }, schema: { tags, response: { 200: statusSchema, ...errorResponses } } },
    async (request) => getSystemStatus(deps, actorOf(request).orgId),
  );

  app.get(
    '/api/backups',
    {
      config: { access: 'system.manage' },
      schema: { tags, response: { 200: z.object({ items: z.array(backupSchema) }), ...errorResponses } },
    },
    async () => ({ items: await listBackups(deps.config.backup.dir) }),
  );

  app.post(
    '/api/backups',
    {
      config: { access: 'system.manage' },
      schema: { tags, body: z.strictObject({}).optional(), response: { 201: backupSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const user = actorOf(request);
      if (backupRunning) throw new AppError('system.backup_busy');
      backupRunning = true;
      try {
        const info = await createBackup(deps.database, deps.config, 'manual');
        await pruneBackups(deps.config.backup.dir, deps.config.backup.keep);
        await writeAudit(deps.db, user, requestMeta(request), {
          action: 'system.backup_taken',
          entityType: 'backup',
          entityId: info.name,
          details: { size: info.size, documents: info.documents, rows: info.rows },
        });
        return reply.status(201).send(info);
      } finally {
        backupRunning = false;
      }
    },
  );

  app.post(
    '/api/backups/:name/verify',
    {
      config: { access: 'system.manage' },
      schema: { tags, params: nameParams, response: { 200: verificationSchema, ...errorResponses } },
    },
    async (request) => {
      const user = actorOf(request);
      const { tables: _tables, ...result } = await verifyBackup(
        deps.database,
        deps.config.backup.dir,
        request.params.name,
      );
      await writeAudit(deps.db, user, requestMeta(request), {
        action: 'system.backup_verified',
        entityType: 'backup',
        entityId: request.params.name,
        details: { ok: result.ok, problems: result.problems },
      });
      return result;
    },
  );

  app.get(
    '/api/backups/:name/download',
    { config: { access: 'system.manage' }, schema: { tags, params: nameParams } },
    async (request, reply) => {
      const user = actorOf(request);
      const file = backupPath(deps.config.backup.dir, request.params.name);
      // A backup holds every person's data: each download is on the record.
      await writeAudit(deps.db, user, requestMeta(request), {
        action: 'system.backup_downloaded',
        entityType: 'backup',
        entityId: request.params.name,
      });
      return reply
        .type('application/x-tar')
        .header('content-disposition', `attachment; filename="${request.params.name}"`)
        .header('content-length', fs.statSync(file).size)
        .send(fs.createReadStream(file));
    },
  );

  app.post(
    '/api/system/providers/test',
    {
      config: { access: 'system.manage' },
      schema: {
        tags,
        body: providerTestBody,
        response: {
          200: z.object({
            channel: z.enum(NOTIFICATION_CHANNELS),
            provider: z.string(),
            ok: z.boolean(),
            providerMessageId: z.string().nullable(),
            error: z.string().nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      testProvider(deps, actorOf(request), request.body.channel, request.body.to, requestMeta(request)),
  );
}

import { z } from 'zod';
import type { App, Deps } from '../../http/context';
import { actorOf } from '../../http/guard';
import { errorResponses, idParams } from '../../http/schemas';
import { requestMeta } from '../../http/session';
import { listFileDevices } from './file-devices';
import { revokeFileDevices } from './revoke-file-devices';

const tags = ['beneficiaries'];

const deviceSchema = z.object({
  id: z.uuid(),
  mobile: z.string(),
  kind: z.enum(['iphone', 'android', 'computer', 'other']),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string(),
});

/** Staff side of the portal's remembered phones: seen and forgotten on the beneficiary's file. */
export function registerPortalDeviceRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/beneficiaries/:id/portal-devices',
    {
      config: { access: 'beneficiaries.read' },
      schema: {
        tags,
        description: 'The phones the portal still remembers for tracking with one of this file’s numbers.',
        params: idParams,
        response: { 200: z.object({ items: z.array(deviceSchema) }), ...errorResponses },
      },
    },
    async (request) => listFileDevices(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/api/beneficiaries/:id/portal-devices/revoke',
    {
      config: { access: 'beneficiaries.write' },
      schema: {
        tags,
        description:
          'Forgets one remembered phone of this file (deviceId), or all of them (no deviceId); audited on the file.',
        params: idParams,
        body: z.strictObject({ deviceId: z.uuid().optional() }),
        response: { 200: z.object({ count: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => revokeFileDevices(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );
}

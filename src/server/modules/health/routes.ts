import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, Deps } from '../../http/context';

const TIMEOUT_MS = 2_000;

export function registerHealthRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'postgres']) }),
          503: z.object({ status: z.literal('unavailable'), database: z.enum(['embedded', 'postgres']) }),
        },
      },
    },
    async (_request, reply) => {
      const database = deps.database.kind;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
      });
      try {
        await Promise.race([deps.db.execute(sql`select 1`), timeout]);
        return { status: 'ok' as const, database };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, database });
      } finally {
        clearTimeout(timer);
      }
    },
  );
}

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { registerBenchFloor } from './http/bench-floor';
import type { App, Deps } from './http/context';
import { registerErrorHandler } from './http/error-handler';
import { registerGuard } from './http/guard';
import { registerIdempotency } from './http/idempotency';
import { safeError } from './http/log-safety';
import { openapiTransform, openapiTransformObject } from './http/openapi';
import { databaseRateLimitStore } from './http/rate-limit-store';
import { registerHsts, registerSessionLoader, trustProxyOption } from './http/session';
import { safeValidatorCompiler } from './http/validation';
import { registerApplicationRoutes } from './modules/applications/routes';
import { registerAppointmentRoutes } from './modules/appointments/routes';
import { registerAuditRoutes } from './modules/audit/routes';
import { registerAuthRoutes } from './modules/auth/routes';
import { registerBeneficiaryRoutes } from './modules/beneficiaries/routes';
import { registerCaseRoutes } from './modules/cases/routes';
import { registerCommitteeRoutes } from './modules/committee/routes';
import { registerCriteriaRoutes } from './modules/criteria/routes';
import { registerDeliveryRoutes } from './modules/deliveries/routes';
import { registerFieldRoutes } from './modules/field/routes';
import { registerHealthRoutes } from './modules/health/routes';
import { registerImportRoutes } from './modules/imports/routes';
import { registerInspectionRoutes } from './modules/inspections/routes';
import { registerTokenLoader } from './modules/integrations/bearer';
import { registerIntegrationRoutes } from './modules/integrations/routes';
import { registerInteractionRoutes } from './modules/interactions/routes';
import { registerKnowledgeRoutes } from './modules/knowledge/routes';
import { registerNotificationRoutes } from './modules/notifications/routes';
import { registerOrganisationRoutes } from './modules/organisation/routes';
import { registerOutreachRoutes } from './modules/outreach/routes';
import { registerPortalDeviceRoutes } from './modules/portal/device-routes';
import { registerPortalRoutes } from './modules/portal/routes';
import { registerPrivacyRoutes } from './modules/privacy/routes';
import { registerQualityRoutes } from './modules/quality/routes';
import { registerReportRoutes } from './modules/reports/routes';
import { registerServiceRoutes } from './modules/services/routes';
import { registerSettingsRoutes } from './modules/settings/routes';
import { registerSurveyRoutes } from './modules/surveys/routes';
import { registerSystemRoutes } from './modules/system/routes';
import { registerTaskRoutes } from './modules/tasks';
import { registerUserRoutes } from './modules/users/routes';
import { registerVolunteerRoutes } from './modules/volunteers/routes';
import { registerWorkRoutes } from './modules/work/routes';
import './wiring';

const require = createRequire(import.meta.url);

export type BuildOptions = {
  config: Config;
  database: Database;
  /** Folder of the built web app (dist/web); absent in API-only tests. */
  webRoot?: string;
  /** Pino level; absent means no logging (tests). */
  logLevel?: string;
  /** Where log lines go (standard output when absent); the log-safety test reads them. */
  logStream?: { write: (line: string) => void };
};

/** Log lines name the route pattern, never the raw URL: queries may carry national IDs or mobiles. */
const serializers = {
  req(request: { method: string; routeOptions?: { url?: string }; id: string }) {
    return { id: request.id, method: request.method, route: request.routeOptions?.url ?? 'unmatched' };
  },
  /** Errors without SQL parameters, row values or quoted input (http/log-safety.ts). */
  err: (error: Error) => safeError(error),
};

export async function buildApp(options: BuildOptions): Promise<App> {
  const { config, database } = options;
  const deps: Deps = { config, database, db: database.db };
  const app = Fastify({
    logger: options.logLevel
      ? {
          level: options.logLevel,
          serializers,
          redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'],
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
    bodyLimit: 1_048_576,
    trustProxy: trustProxyOption(config.trustProxy),
    // One line per request, written when it is answered (below), instead of Fastify's two (issue 19).
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();

  // Fastify's two lines in one: method and route pattern (never the URL), status and time.
  if (options.logLevel) {
    app.addHook('onResponse', (request, reply, done) => {
      request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
      done();
    });
  }

  // Zod schemas, with control characters refused in every text field and query parameter first (issue 14).
  app.setValidatorCompiler(safeValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webRoot = options.webRoot && fs.existsSync(path.join(options.webRoot, 'index.html')) ? options.webRoot : null;
  registerErrorHandler(app, {
    spaIndex: webRoot
      ? (url) => {
          if (url === '/portal' || url.startsWith('/portal/') || url.startsWith('/portal?')) return 'portal/index.html';
          if (url === '/field' || url.startsWith('/field/') || url.startsWith('/field?')) return 'field/index.html';
          return 'index.html';
        }
      : undefined,
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React Aria positions overlays with inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
  });
  await app.register(cookie);
  // Counted in the database, so several app instances share one count (issue 20).
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(database.db) });
  // One file per request; the association's own (smaller) limit is checked by the use case.
  await app.register(multipart, { limits: { fileSize: 25 * 1024 * 1024, files: 1, fields: 10, fieldSize: 1000 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Wasl API',
        description: 'وصل — واجهة برمجة نظام علاقات المستفيدين. Integrations: docs/integrations.md.',
        version: '0.1.0',
        license: { name: 'Proprietary' },
      },
      servers: [{ url: '/', description: 'This installation' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'wasl_sid', description: 'Browser session (sign in first)' },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description: 'Sent with every write of a session',
          },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token of an integration (wasl_…); no CSRF' },
        },
      },
    },
    transform: openapiTransform,
    transformObject: openapiTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Authenticated answers must not be kept by browsers or proxies.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  registerSessionLoader(app, deps);
  registerTokenLoader(app, deps);
  registerHsts(app);
  registerGuard(app);
  registerIdempotency(app, deps);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerServiceRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerCriteriaRoutes(app, deps);
  registerBeneficiaryRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerQualityRoutes(app, deps);
  registerApplicationRoutes(app, deps);
  registerCommitteeRoutes(app, deps);
  registerInspectionRoutes(app, deps);
  registerDeliveryRoutes(app, deps);
  registerInteractionRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerTaskRoutes(app, deps);
  registerKnowledgeRoutes(app, deps);
  registerAppointmentRoutes(app, deps);
  registerVolunteerRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerPortalRoutes(app, deps);
  registerPortalDeviceRoutes(app, deps);
  registerOutreachRoutes(app, deps);
  registerSurveyRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerPrivacyRoutes(app, deps);
  registerWorkRoutes(app, deps);
  registerSystemRoutes(app, deps);
  registerIntegrationRoutes(app, deps);
  registerFieldRoutes(app, deps);

  // The self-hosted font of printed documents (letters, minutes), served outside the web bundle.
  await app.register(fastifyStatic, {
    root: path.join(path.dirname(require.resolve('@fontsource/noto-sans-arabic/package.json')), 'files'),
    prefix: '/fonts/',
    decorateReply: false,
    allowedPath: (pathName) => pathName.endsWith('.woff2'),
  });

  if (config.bench) registerBenchFloor(app, deps);
  // The built web apps; files are looked up per request, so a rebuild needs no restart. The build writes brotli and
  // gzip copies (vite.config.ts) that are sent as they are; hashed file names under assets/ never change content.
  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      index: false,
      wildcard: true,
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        if (filePath.startsWith(path.join(webRoot, 'assets', path.sep))) {
          reply.header('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
    app.get('/', (_request, reply) => reply.type('text/html').sendFile('index.html'));
  }
  return app;
}

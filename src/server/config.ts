import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('data'),
  UPLOAD_DIR: z.string().optional(),
  WASL_DEMO: bool,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: 2 s on the embedded database; 0 on a server, where another instance may end a session (issue 20). */
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(10_000).optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** While an account is under attack, a browser or address it never signed in from may try once this often. */
  LOGIN_SLOWDOWN_SECONDS: z.coerce.number().int().min(0).default(30),
  VACUUM_INTERVAL_HOURS: z.coerce.number().min(0).default(6),
  REPORTS_CACHE_SECONDS: z.coerce.number().int().min(0).max(3_600).default(60),
  /**
   * Proxies in front of the app whose X-Forwarded-* headers are believed: a hop count (`1` = one proxy) or a
   * comma-separated list of proxy addresses/CIDR ranges. Empty, `0` or `false`: none (docs/decisions/017).
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => parseTrustProxy(v, ctx)),
  /** The association this installation serves publicly (sign-in page, portal). */
  ORG_SLUG: z.string().default('maa-riyadh-alkhabra'),
  WASL_BENCH: bool,
  /** `demo` keeps messages in the outbox view; `live` sends them through the configured providers. */
  NOTIFY_MODE: z.enum(['demo', 'live']).optional(),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('Wasl <no-reply@wasl.local>'),
  UNIFONIC_BASE_URL: z.string().url().default('https://el.cloud.unifonic.com'),
  UNIFONIC_APP_SID: z.string().optional(),
  SMS_SENDER_ID: z.string().default('MAA'),
  WHATSAPP_BASE_URL: z.string().url().default('https://graph.facebook.com/v21.0'),
  WHATSAPP_PHONE_NUMBER_ID: z.string().optional(),
  WHATSAPP_TOKEN: z.string().optional(),
  WHATSAPP_APP_SECRET: z.string().optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().optional(),
  /** Shared secret the SMS provider signs its delivery reports and replies with (HMAC-SHA256 of the body). */
  SMS_WEBHOOK_SECRET: z.string().optional(),
  /** Public address of this installation, used in links sent to beneficiaries (survey links). */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** PGlite's buffer pool; the operating system's file cache still holds the rest (docs/benchmarks.md → memory). */
  /** Backups (docs/decisions/021): where they are kept, how often one is taken (0: never), how many are kept. */
  BACKUP_DIR: z.string().optional(),
  BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).default(24),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/)
    .default('32MB'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  pgliteSharedBuffers: string;
  /** Uploaded documents, stored under generated names. */
  uploadDir: string;
  backup: { dir: string; intervalMs: number; keep: number };
  demo: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** cacheMs: how long a process may reuse a session row it read (0: read it on every request). */
  session: { idleMs: number; absoluteMs: number; cacheMs: number };
  login: { maxFailures: number; windowMs: number; slowdownMs: number };
  vacuumIntervalMs: number;
  /** How long the KPI dashboard's figures for one period are reused (0: computed on every request). */
  reportsCacheMs: number;
  /** false, a number of proxy hops (true: one), or the proxies' addresses/CIDR ranges; never "trust every hop". */
  trustProxy: boolean | number | string[];
  orgSlug: string;
  /** Adds the benchmark's floor route (one indexed SELECT); only `npm run bench` sets it. */
  bench: boolean;
  publicUrl: string;
  notify: {
    mode: 'demo' | 'live';
    smtp: { url: string; from: string } | null;
    sms: { baseUrl: string; appSid: string; senderId: string } | null;
    whatsapp: { baseUrl: string; phoneNumberId: string; token: string } | null;
    whatsappAppSecret: string | null;
    whatsappVerifyToken: string | null;
    smsWebhookSecret: string | null;
  };
};

function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    host.startsWith('127.') ||
    host === '0.0.0.0'
  );
}

function parseTrustProxy(value: string | undefined, ctx: z.RefinementCtx): false | number | string[] {
  if (!value || value === '0' || value === 'false') return false;
  if (value === 'true') return 1;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (list.every((v) => /^[\d.:a-fA-F]+(\/\d{1,3})?$/.test(v))) return list;
  ctx.addIssue({ code: 'custom', message: 'a hop count or a comma-separated list of proxy addresses' });
  return z.NEVER;
}

/** Reads the environment once; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // Survey and portal links sent to beneficiaries must open on their phones: a production server never sends
  // links to itself.
  if (e.NODE_ENV === 'production' && (!env.PUBLIC_URL || isLocalUrl(e.PUBLIC_URL))) {
    throw new Error(
      'Invalid configuration:\nPUBLIC_URL: set it to the public https address of this installation (links sent to beneficiaries use it); it is unset or points to this machine',
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    pgliteSharedBuffers: e.PGLITE_SHARED_BUFFERS,
    uploadDir: path.resolve(e.UPLOAD_DIR ?? path.join(e.DATA_DIR, 'documents')),
    backup: {
      dir: path.resolve(e.BACKUP_DIR ?? path.join(e.DATA_DIR, 'backups')),
      intervalMs: e.BACKUP_INTERVAL_HOURS * 3_600_000,
      keep: e.BACKUP_KEEP,
    },
    demo: e.WASL_DEMO,
    logLevel: e.LOG_LEVEL,
    session: {
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      cacheMs: e.SESSION_CACHE_MS ?? (e.DATABASE_URL ? 0 : 2_000),
    },
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      windowMs: e.LOGIN_WINDOW_MINUTES * 60_000,
      slowdownMs: e.LOGIN_SLOWDOWN_SECONDS * 1_000,
    },
    vacuumIntervalMs: e.VACUUM_INTERVAL_HOURS * 3_600_000,
    reportsCacheMs: e.REPORTS_CACHE_SECONDS * 1_000,
    trustProxy: e.TRUST_PROXY,
    orgSlug: e.ORG_SLUG,
    bench: e.WASL_BENCH,
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    notify: {
      mode: e.NOTIFY_MODE ?? (e.NODE_ENV === 'production' ? 'live' : 'demo'),
      smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
      sms: e.UNIFONIC_APP_SID
        ? { baseUrl: e.UNIFONIC_BASE_URL, appSid: e.UNIFONIC_APP_SID, senderId: e.SMS_SENDER_ID }
        : null,
      whatsapp:
        e.WHATSAPP_PHONE_NUMBER_ID && e.WHATSAPP_TOKEN
          ? { baseUrl: e.WHATSAPP_BASE_URL, phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID, token: e.WHATSAPP_TOKEN }
          : null,
      whatsappAppSecret: e.WHATSAPP_APP_SECRET ?? null,
      whatsappVerifyToken: e.WHATSAPP_VERIFY_TOKEN ?? null,
      smsWebhookSecret: e.SMS_WEBHOOK_SECRET ?? null,
    },
  };
}

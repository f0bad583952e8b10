import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Config, loadConfig } from '../../config';
import type { Db } from '../../db/client';
import { DEMO_PASSWORD, DEMO_USERS } from '../../seed/demo-users';
import { findOrganization } from '../../seed/organization';
import { verifyPassword } from '../auth';
import { listEnabledUsersNamed } from './queries';

/**
 * `npm run doctor` (issue 20): the configuration an operator runs with, read as production would read it, and
 * what in it is missing or unsafe, in plain words. `error`: production would break or be unsafe; `warning`: it
 * works, but something an operator should know; `ok`: checked and fine.
 */
export type Finding = { level: 'error' | 'warning' | 'ok'; topic: string; message: string };

const run = promisify(execFile);

function isLocal(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host.startsWith('127.');
}

/** Everything that can be judged from the environment alone. Returns the config too when it could be read. */
export function checkEnvironment(env: NodeJS.ProcessEnv): { findings: Finding[]; config: Config | null } {
  const out: Finding[] = [];
  const add = (level: Finding['level'], topic: string, message: string) => out.push({ level, topic, message });
  if (env.NODE_ENV !== 'production') {
    add(
      'error',
      'NODE_ENV',
      `NODE_ENV is "${env.NODE_ENV ?? ''}", not "production": a server for real people runs with NODE_ENV=production (secure defaults, live messages, no demo users).`,
    );
  }
  let config: Config;
  try {
    // Read as production reads it, so the same values stop start-up here as they would there.
    config = loadConfig({ ...env, NODE_ENV: 'production' });
  } catch (error) {
    const lines = String(error instanceof Error ? error.message : error)
      .split('\n')
      .slice(1);
    for (const line of lines) add('error', line.split(':')[0] ?? 'configuration', `Wasl will not start: ${line}`);
    return { findings: out, config: null };
  }

  if (config.databaseUrl) {
    add('ok', 'DATABASE_URL', `PostgreSQL server at ${new URL(config.databaseUrl).host}.`);
    if (isLocal(config.databaseUrl) === false && !/sslmode=(require|verify-ca|verify-full)/.test(config.databaseUrl)) {
      add(
        'warning',
        'DATABASE_URL',
        'The database is on another machine and the address does not ask for TLS (add ?sslmode=verify-full): beneficiaries’ data would cross the network in clear.',
      );
    }
    if (config.session.cacheMs > 0) {
      add(
        'warning',
        'SESSION_CACHE_MS',
        `Sessions are cached for ${config.session.cacheMs} ms per instance: with several instances, a sign-out on one is seen by the others only that much later. Leave SESSION_CACHE_MS unset (0 on a server).`,
      );
    }
  } else {
    add(
      'ok',
      'DATABASE_URL',
      `Not set: the embedded database in ${config.dataDir} (one app instance only; to move to a server: npm run migrate-to-server).`,
    );
  }

  const publicUrl = new URL(config.publicUrl);
  if (publicUrl.protocol !== 'https:') {
    add(
      'error',
      'PUBLIC_URL',
      `PUBLIC_URL is ${config.publicUrl}: links sent to beneficiaries must be https, or phones will warn and sign-in cookies travel in clear.`,
    );
  } else add('ok', 'PUBLIC_URL', `Links sent to beneficiaries open ${config.publicUrl}.`);

  // Wasl speaks plain HTTP; HTTPS ends at a proxy, which Wasl must be told to believe.
  if (config.trustProxy === false) {
    add(
      'error',
      'TRUST_PROXY',
      'TRUST_PROXY is not set: behind the HTTPS proxy Wasl would think every request is plain HTTP (no Secure cookies, no HSTS) and would see the proxy’s address instead of each client’s, so sign-in limits would count everyone together. Set it to the number of proxies (usually 1) or their addresses.',
    );
  } else add('ok', 'TRUST_PROXY', 'The proxy in front of Wasl is believed for the client address and HTTPS.');
  if (config.host === '0.0.0.0' || config.host === '::') {
    add(
      'warning',
      'HOST',
      `Wasl listens on every network interface (${config.host}): make sure only the proxy can reach port ${config.port}, or set HOST=127.0.0.1 when the proxy runs on this machine.`,
    );
  }

  const n = config.notify;
  if (n.mode === 'demo') {
    add(
      'error',
      'NOTIFY_MODE',
      'NOTIFY_MODE=demo: messages stay in the outbox and are never sent to beneficiaries. Remove it (production sends).',
    );
  }
  if (!n.sms && !n.whatsapp && !n.smtp) {
    add(
      'error',
      'providers',
      'No message provider is configured (UNIFONIC_APP_SID, WHATSAPP_PHONE_NUMBER_ID + WHATSAPP_TOKEN, SMTP_URL): one-time codes, appointment reminders and survey links cannot be sent.',
    );
  } else {
    if (!n.sms) {
      add(
        'warning',
        'UNIFONIC_APP_SID',
        'No SMS provider: beneficiaries without WhatsApp receive nothing, and portal sign-in codes need SMS.',
      );
    } else add('ok', 'SMS', `SMS through ${new URL(n.sms.baseUrl).host}, sender ${n.sms.senderId}.`);
    if (n.sms && !n.smsWebhookSecret) {
      add(
        'warning',
        'SMS_WEBHOOK_SECRET',
        'SMS delivery reports and replies cannot be checked without SMS_WEBHOOK_SECRET; they will be refused.',
      );
    }
    if (n.whatsapp && !n.whatsappAppSecret) {
      add(
        'warning',
        'WHATSAPP_APP_SECRET',
        'WhatsApp is configured without WHATSAPP_APP_SECRET: its webhooks (replies, delivery) cannot be verified and are refused.',
      );
    }
    if (n.smtp && /^smtp:\/\//.test(n.smtp.url) && !isLocal(n.smtp.url.replace(/^smtp/, 'http'))) {
      add('warning', 'SMTP_URL', 'SMTP_URL uses smtp:// to another machine: prefer smtps:// so e-mail is encrypted.');
    }
  }

  if (config.backup.intervalMs <= 0) {
    add(
      'error',
      'BACKUP_INTERVAL_HOURS',
      'Automatic backups are off (BACKUP_INTERVAL_HOURS=0): a broken disk would lose every beneficiary file.',
    );
  } else {
    add(
      'ok',
      'backups',
      `A backup every ${config.backup.intervalMs / 3_600_000} h, the newest ${config.backup.keep} kept, in ${config.backup.dir}.`,
    );
    if (!config.databaseUrl && config.backup.dir.startsWith(config.dataDir + path.sep)) {
      add(
        'warning',
        'BACKUP_DIR',
        `Backups are kept inside the data folder (${config.backup.dir}): a lost disk loses both. Set BACKUP_DIR to another disk, or copy the backups elsewhere every day.`,
      );
    }
  }
  return { findings: out, config };
}

/** What needs the machine or the database: folders, pg_dump, the association, demo users still signing in. */
export async function checkInstallation(config: Config, db: Db | null): Promise<Finding[]> {
  const out: Finding[] = [];
  const add = (level: Finding['level'], topic: string, message: string) => out.push({ level, topic, message });
  for (const [topic, dir] of [
    ['UPLOAD_DIR', config.uploadDir],
    ['BACKUP_DIR', config.backup.dir],
  ] as const) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
    } catch {
      add('error', topic, `${dir} cannot be written by this user: uploads or backups would fail.`);
    }
  }
  if (config.databaseUrl && config.backup.intervalMs > 0) {
    try {
      await run('pg_dump', ['--version']);
    } catch {
      add(
        'error',
        'pg_dump',
        'pg_dump is not installed on this machine: backups of the PostgreSQL server would fail (apt install postgresql-client).',
      );
    }
  }
  if (!db) return out;
  const org = await findOrganization(db, config.orgSlug);
  if (!org) {
    add(
      'error',
      'ORG_SLUG',
      `No association "${config.orgSlug}" in the database: the sign-in page and portal would have nobody to serve.`,
    );
  }
  const demo = await listEnabledUsersNamed(
    db,
    DEMO_USERS.map((u) => u.username),
  );
  const stillDemo: string[] = [];
  for (const u of demo) if (await verifyPassword(u.passwordHash, DEMO_PASSWORD)) stillDemo.push(u.username);
  if (stillDemo.length > 0) {
    add(
      'error',
      'demo users',
      `These accounts still sign in with the published demo password: ${stillDemo.join(', ')}. Disable them or change their passwords before going live.`,
    );
  } else add('ok', 'demo users', 'No account signs in with the demo password.');
  return out;
}

/** One line per finding, errors first; the summary says whether production would break. */
export function formatFindings(findings: Finding[]): string {
  const mark = { error: '✗', warning: '!', ok: '✓' } as const;
  const rank = { error: 0, warning: 1, ok: 2 } as const;
  const lines = [...findings]
    .sort((a, b) => rank[a.level] - rank[b.level])
    .map((f) => `${mark[f.level]} ${f.topic}: ${f.message}`);
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.filter((f) => f.level === 'warning').length;
  lines.push(
    '',
    errors > 0
      ? `${errors} problem(s) would break or endanger production; ${warnings} warning(s).`
      : `Ready for production; ${warnings} warning(s).`,
  );
  return lines.join('\n');
}

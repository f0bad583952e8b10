import { CheckCircle2, DatabaseBackup, Download, RefreshCw, Send, ShieldCheck, XCircle } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '../../../../common/arabic';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button, buttonClass } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { Card, Loading, PageHeader } from '../../../ui/Page';
import { SelectField } from '../../../ui/SelectField';
import {
  type Backup,
  type ProviderChannel,
  useBackups,
  useSystemStatus,
  useTakeBackup,
  useTestProvider,
  useVerifyBackup,
} from './ops-queries';
import { dyn } from './PrivacyPanel';

function useBytes() {
  const { t } = useTranslation();
  const format = useFormat();
  return (n: number | null) => {
    if (n === null) return '—';
    if (n < 1024 * 1024) return t('system.kb', { value: format.number(Math.max(1, Math.round(n / 1024))) });
    if (n < 1024 * 1024 * 1024)
      return t('system.mb', { value: format.number(Math.round((n / 1024 / 1024) * 10) / 10) });
    return t('system.gb', { value: format.number(Math.round((n / 1024 / 1024 / 1024) * 10) / 10) });
  };
}

/**
 * النظام والنسخ الاحتياطية: is everything healthy (database, outbox, scheduled jobs, disk), which version runs,
 * the backups (taken while Wasl runs, documents included) with their size and a verify action, and a test
 * message for each provider.
 */
export default function SystemPage() {
  const { t } = useTranslation();
  const status = useSystemStatus();
  return (
    <>
      <PageHeader
        title={t('system.title')}
        subtitle={t('system.subtitle')}
        actions={
          <Button isPending={status.isFetching} onPress={() => void status.refetch()}>
            <RefreshCw aria-hidden="true" className="size-4" />
            {t('system.refresh')}
          </Button>
        }
      />
      {status.isPending ? <Loading label={t('app.loading')} /> : null}
      {status.isError ? <ErrorAlert>{errorMessage(status.error)}</ErrorAlert> : null}
      {status.data ? <StatusCards /> : null}
      <Backups />
      <ProviderTests />
    </>
  );
}

function Health({ ok, children }: { ok: boolean; children: string }) {
  return (
    <span className={`inline-flex items-center gap-1 font-bold ${ok ? 'text-emerald-800' : 'text-rose-800'}`}>
      {ok ? <CheckCircle2 aria-hidden="true" className="size-4" /> : <XCircle aria-hidden="true" className="size-4" />}
      {children}
    </span>
  );
}

function StatusCards() {
  const { t } = useTranslation();
  const format = useFormat();
  const bytes = useBytes();
  const s = useSystemStatus().data!;
  return (
    <>
      <div className="mb-5 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Card>
          <h2 className="text-sm text-slate-700">{t('system.database')}</h2>
          <p className="mt-1">
            <Health ok={s.database.healthy}>{s.database.healthy ? t('system.healthy') : t('system.unhealthy')}</Health>
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {t(`system.kind.${s.database.kind}`)} · {bytes(s.database.sizeBytes)} ·{' '}
            {t('system.latency', { value: format.number(s.database.latencyMs) })}
          </p>
        </Card>
        <Card>
          <h2 className="text-sm text-slate-700">{t('system.outbox')}</h2>
          <p className="mt-1 text-lg font-bold">{t('system.waiting', { value: format.number(s.outbox.waiting) })}</p>
          <p className="mt-1 text-sm text-slate-700">
            {t('system.retrying', { value: format.number(s.outbox.retrying) })} ·{' '}
            {t('system.stopped', { value: format.number(s.outbox.stopped) })}
          </p>
        </Card>
        <Card>
          <h2 className="text-sm text-slate-700">{t('system.disk')}</h2>
          <p className="mt-1 text-lg font-bold">{t('system.free', { value: bytes(s.disk.freeBytes) })}</p>
          <p className="mt-1 text-sm text-slate-700">
            {t('system.documents', { value: bytes(s.disk.documentsBytes) })} ·{' '}
            {t('system.backupsSize', { value: bytes(s.disk.backupsBytes) })}
          </p>
        </Card>
        <Card>
          <h2 className="text-sm text-slate-700">{t('system.version')}</h2>
          <p className="mt-1 text-lg font-bold">
            <bdi dir="ltr">{s.version}</bdi>
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {t('system.migrations', { value: format.number(s.database.migrations) })} · <bdi dir="ltr">{s.node}</bdi>
          </p>
        </Card>
      </div>
      <section aria-labelledby="jobs" className="mb-5">
        <h2 id="jobs" className="mb-2 text-lg font-bold">
          {t('system.jobs')}
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2">
          {s.jobs.map((j) => (
            <li key={j.name} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">{dyn(t)(`system.jobNames.${j.name}`, { defaultValue: j.name })}</span>
                {j.lastOk === null ? (
                  <Badge tone="neutral">{t('system.notRunYet')}</Badge>
                ) : j.lastOk ? (
                  <Badge tone="success">{t('system.jobOk')}</Badge>
                ) : (
                  <Badge tone="danger">{t('system.jobFailed')}</Badge>
                )}
              </div>
              <p className="mt-1 text-slate-700">
                {j.everySeconds < 60
                  ? t('system.everySeconds', { value: format.number(j.everySeconds) })
                  : j.everySeconds < 7200
                    ? t('system.every', { value: format.number(Math.round(j.everySeconds / 60)) })
                    : t('system.everyHours', { value: format.number(Math.round(j.everySeconds / 3600)) })}
                {j.lastStartedAt ? ` · ${t('system.lastRun', { when: format.relative(j.lastStartedAt) })}` : ''}
              </p>
              {j.lastError ? <p className="mt-1 text-rose-800">{j.lastError}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Backups() {
  const { t } = useTranslation();
  const format = useFormat();
  const bytes = useBytes();
  const status = useSystemStatus();
  const backups = useBackups();
  const take = useTakeBackup();
  const verify = useVerifyBackup();
  const [notice, setNotice] = useState<string | null>(null);
  const schedule = status.data?.backups;
  return (
    <section aria-labelledby="backups" className="mb-5">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="backups" className="text-lg font-bold">
          {t('system.backups')}
        </h2>
        <Button
          variant="primary"
          isPending={take.isPending}
          onPress={() => {
            setNotice(null);
            take.mutate(undefined, { onSuccess: () => setNotice(t('system.backupTaken')) });
          }}
        >
          <DatabaseBackup aria-hidden="true" className="size-4" />
          {t('system.takeBackup')}
        </Button>
      </div>
      <p className="mb-3 text-sm text-slate-700">
        {schedule && schedule.intervalHours > 0
          ? t('system.schedule', {
              hours: format.number(schedule.intervalHours),
              keep: format.number(schedule.keep),
            })
          : t('system.noSchedule')}{' '}
        {t('system.backupHelp')}
      </p>
      <SuccessNotice className="mb-3">{notice}</SuccessNotice>
      {take.isError ? <ErrorAlert className="mb-3">{errorMessage(take.error)}</ErrorAlert> : null}
      {verify.isError ? <ErrorAlert className="mb-3">{errorMessage(verify.error)}</ErrorAlert> : null}
      {backups.isError ? <ErrorAlert>{errorMessage(backups.error)}</ErrorAlert> : null}
      {backups.data?.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-center text-slate-700">
          {t('system.noBackups')}
        </p>
      ) : null}
      <ul className="flex flex-col gap-2">
        {backups.data?.map((b) => (
          <BackupRow
            key={b.name}
            backup={b}
            bytes={bytes}
            verifying={verify.isPending && verify.variables === b.name}
            onVerify={() => {
              setNotice(null);
              verify.mutate(b.name, {
                onSuccess: (r) => setNotice(r.ok ? t('system.verifiedOk') : t('system.verifiedBad')),
              });
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function BackupRow({
  backup: b,
  bytes,
  verifying,
  onVerify,
}: {
  backup: Backup;
  bytes: (n: number | null) => string;
  verifying: boolean;
  onVerify: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="backup">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium">{format.dateTime(b.createdAt)}</span>
        {b.verification === null ? (
          <Badge tone="neutral">{t('system.notVerified')}</Badge>
        ) : b.verification.ok ? (
          <Badge tone="success">{t('system.verified', { when: format.dateTime(b.verification.at) })}</Badge>
        ) : (
          <Badge tone="danger">{t('system.damaged')}</Badge>
        )}
      </div>
      <p className="mt-1 text-slate-700">
        {t('system.backupFacts', {
          size: bytes(b.size),
          rows: format.number(b.rows),
          tables: format.number(b.tables),
          documents: format.number(b.documents),
        })}{' '}
        · {dyn(t)(`system.trigger.${b.trigger}`)}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button isPending={verifying} onPress={onVerify}>
          <ShieldCheck aria-hidden="true" className="size-4" />
          {t('system.verify')}
        </Button>
        <a href={`/api/backups/${encodeURIComponent(b.name)}/download`} className={buttonClass('ghost')} download>
          <Download aria-hidden="true" className="size-4" />
          {t('system.download')}
        </a>
      </div>
    </li>
  );
}

function ProviderTests() {
  const { t } = useTranslation();
  const test = useTestProvider();
  const [channel, setChannel] = useState<ProviderChannel>('sms');
  const [to, setTo] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    test.mutate({ channel, to: channel === 'email' ? to.trim() : toLatinDigits(to).trim() });
  }
  return (
    <section aria-labelledby="providers" className="mb-5">
      <h2 id="providers" className="mb-1 text-lg font-bold">
        {t('system.providers')}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t('system.providersHelp')}</p>
      <Card>
        <Form onSubmit={submit} className="grid gap-3 sm:grid-cols-3">
          <SelectField
            label={t('system.channel')}
            value={channel}
            onChange={(v) => v && setChannel(v as ProviderChannel)}
            options={(['sms', 'whatsapp', 'email'] as const).map((c) => ({ id: c, label: t(`system.channels.${c}`) }))}
          />
          <TextField
            label={channel === 'email' ? t('system.toEmail') : t('system.toMobile')}
            value={to}
            onChange={setTo}
            isRequired
            ltr
          />
          <div className="flex items-end">
            <Button type="submit" variant="primary" isPending={test.isPending}>
              <Send aria-hidden="true" className="size-4" />
              {t('system.sendTest')}
            </Button>
          </div>
        </Form>
        {test.isError ? <ErrorAlert className="mt-3">{errorMessage(test.error)}</ErrorAlert> : null}
        {test.data ? (
          test.data.ok ? (
            <SuccessNotice className="mt-3">{t('system.testOk', { provider: test.data.provider })}</SuccessNotice>
          ) : (
            <ErrorAlert className="mt-3">
              {t('system.testFailed', { provider: test.data.provider, error: test.data.error ?? '' })}
            </ErrorAlert>
          )
        ) : null}
      </Card>
    </section>
  );
}

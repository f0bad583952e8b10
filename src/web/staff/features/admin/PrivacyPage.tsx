import { AlarmClock, Plus } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { toLatinDigits } from '../../../../common/arabic';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button, buttonClass } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { Card, Loading, PageHeader } from '../../../ui/Page';
import { TextAreaField } from '../../../ui/TextAreaField';
import { hasPermission, useUser } from '../../session';
import { type Breach, useAudit, useBreaches, useLegalHolds, useRecordBreach, useUpdateBreach } from './ops-queries';
import { dyn } from './PrivacyPanel';

/** Hours and minutes left before the 72-hour deadline (negative once passed). */
function useNow(everyMs = 30_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * حماية البيانات: the person's rights and where each is done, the breach register with the 72-hour deadline
 * counting down, files under a legal hold, and the latest data-protection actions from the audit log.
 */
export default function PrivacyPage() {
  const { t } = useTranslation();
  const user = useUser();
  const canBreaches = hasPermission(user, 'breaches.manage');
  const canHolds = hasPermission(user, 'privacy.manage');
  const canAudit = hasPermission(user, 'audit.read');
  return (
    <>
      <PageHeader title={t('privacyAdmin.title')} subtitle={t('privacyAdmin.subtitle')} />
      <Card className="mb-5">
        <h2 className="mb-2 text-base font-bold">{t('privacyAdmin.rights.title')}</h2>
        <ul className="grid gap-2 text-sm text-slate-800 sm:grid-cols-2">
          {(['copy', 'correct', 'withdraw', 'erase', 'hold', 'opened'] as const).map((k) => (
            <li key={k} className="rounded-md bg-slate-50 p-3">
              <p className="font-medium">{t(`privacyAdmin.rights.${k}.title`)}</p>
              <p className="mt-1 text-slate-700">{t(`privacyAdmin.rights.${k}.body`)}</p>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-slate-700">{t('privacyAdmin.rights.where')}</p>
        {hasPermission(user, 'beneficiaries.search') ? (
          <Link href="/beneficiaries" className={`${buttonClass('secondary')} mt-3`}>
            {t('privacyAdmin.rights.findFile')}
          </Link>
        ) : null}
      </Card>
      {canBreaches ? <BreachRegister /> : null}
      {canHolds ? <LegalHolds /> : null}
      {canAudit ? <RecentActions /> : null}
    </>
  );
}

function Countdown({ breach, now }: { breach: Breach; now: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (breach.reportedAt) {
    return (
      <Badge tone={breach.overdue ? 'danger' : 'success'}>
        {breach.overdue ? t('privacyAdmin.breaches.reportedLate') : t('privacyAdmin.breaches.reportedInTime')}
      </Badge>
    );
  }
  const left = new Date(breach.reportDueAt).getTime() - now;
  if (left <= 0) {
    return <Badge tone="danger">{t('privacyAdmin.breaches.overdue')}</Badge>;
  }
  const hours = Math.floor(left / 3_600_000);
  const minutes = Math.floor((left % 3_600_000) / 60_000);
  return (
    <span role="timer" className="inline-flex items-center gap-1 font-bold text-amber-900">
      <AlarmClock aria-hidden="true" className="size-4" />
      {t('privacyAdmin.breaches.left', { hours: format.number(hours), minutes: format.number(minutes) })}
    </span>
  );
}

function BreachRegister() {
  const { t } = useTranslation();
  const format = useFormat();
  const breaches = useBreaches(true);
  const update = useUpdateBreach();
  const now = useNow();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="breaches" className="mb-5">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="breaches" className="text-lg font-bold">
          {t('privacyAdmin.breaches.title')}
        </h2>
        <Button variant="primary" onPress={() => setAdding((v) => !v)}>
          <Plus aria-hidden="true" className="size-4" />
          {t('privacyAdmin.breaches.add')}
        </Button>
      </div>
      <p className="mb-3 text-sm text-slate-700">{t('privacyAdmin.breaches.help')}</p>
      <SuccessNotice className="mb-3">{notice}</SuccessNotice>
      {adding ? (
        <BreachForm
          onDone={() => {
            setAdding(false);
            setNotice(t('privacyAdmin.breaches.recorded'));
          }}
        />
      ) : null}
      {breaches.isPending ? <Loading label={t('app.loading')} /> : null}
      {breaches.isError ? <ErrorAlert>{errorMessage(breaches.error)}</ErrorAlert> : null}
      {update.isError ? <ErrorAlert className="mb-3">{errorMessage(update.error)}</ErrorAlert> : null}
      {breaches.data?.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-center text-slate-700">
          {t('privacyAdmin.breaches.empty')}
        </p>
      ) : null}
      <ul className="flex flex-col gap-3">
        {breaches.data?.map((b) => (
          <li key={b.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="font-medium">{b.description}</p>
              <Countdown breach={b} now={now} />
            </div>
            <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
              <div>
                <dt className="inline text-slate-600">{t('privacyAdmin.breaches.discovered')}: </dt>
                <dd className="inline">{format.dateTime(b.discoveredAt)}</dd>
              </div>
              <div>
                <dt className="inline text-slate-600">{t('privacyAdmin.breaches.due')}: </dt>
                <dd className="inline">{format.dateTime(b.reportDueAt)}</dd>
              </div>
              <div>
                <dt className="inline text-slate-600">{t('privacyAdmin.breaches.kinds')}: </dt>
                <dd className="inline">{b.dataKinds}</dd>
              </div>
              <div>
                <dt className="inline text-slate-600">{t('privacyAdmin.breaches.affected')}: </dt>
                <dd className="inline">{format.number(b.affectedCount)}</dd>
              </div>
              {b.reportedAt ? (
                <div className="sm:col-span-2">
                  <dt className="inline text-slate-600">{t('privacyAdmin.breaches.reported')}: </dt>
                  <dd className="inline">
                    {format.dateTime(b.reportedAt)} {b.reportedTo ? `— ${b.reportedTo}` : ''}
                  </dd>
                </div>
              ) : null}
            </dl>
            {!b.reportedAt ? (
              <Button
                className="mt-3"
                isPending={update.isPending && update.variables?.id === b.id}
                onPress={() =>
                  update.mutate(
                    {
                      id: b.id,
                      reportedAt: new Date().toISOString(),
                      reportedTo: t('privacyAdmin.breaches.authority'),
                    },
                    { onSuccess: () => setNotice(t('privacyAdmin.breaches.markedReported')) },
                  )
                }
              >
                {t('privacyAdmin.breaches.markReported')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function BreachForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordBreach();
  const [discovered, setDiscovered] = useState(() => {
    const d = new Date(Date.now() + 3 * 3_600_000);
    return d.toISOString().slice(0, 16);
  });
  const [description, setDescription] = useState('');
  const [kinds, setKinds] = useState('');
  const [count, setCount] = useState('');
  const [actions, setActions] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    const at = toLatinDigits(discovered).trim();
    record.mutate(
      {
        discoveredAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(at) ? `${at}:00+03:00` : at,
        description,
        dataKinds: kinds,
        affectedCount: Number(toLatinDigits(count).trim() || 'NaN'),
        actions,
      },
      { onSuccess: onDone },
    );
  }
  return (
    <Card className="mb-4">
      <Form onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('privacyAdmin.breaches.discovered')}
          description={t('privacyAdmin.breaches.discoveredHelp')}
          value={discovered}
          onChange={setDiscovered}
          isRequired
          ltr
          inputProps={{ type: 'datetime-local' }}
        />
        <TextField
          label={t('privacyAdmin.breaches.affected')}
          value={count}
          onChange={setCount}
          isRequired
          ltr
          inputProps={{ inputMode: 'numeric' }}
        />
        <TextAreaField
          className="sm:col-span-2"
          label={t('privacyAdmin.breaches.description')}
          value={description}
          onChange={setDescription}
          isRequired
        />
        <TextField label={t('privacyAdmin.breaches.kinds')} value={kinds} onChange={setKinds} isRequired />
        <TextField label={t('privacyAdmin.breaches.actions')} value={actions} onChange={setActions} />
        {record.isError ? <ErrorAlert className="sm:col-span-2">{errorMessage(record.error)}</ErrorAlert> : null}
        <div className="sm:col-span-2">
          <Button type="submit" variant="primary" isPending={record.isPending}>
            {t('privacyAdmin.breaches.save')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function LegalHolds() {
  const { t } = useTranslation();
  const format = useFormat();
  const holds = useLegalHolds(true);
  return (
    <section aria-labelledby="holds" className="mb-5">
      <h2 id="holds" className="mb-1 text-lg font-bold">
        {t('privacyAdmin.holds.title')}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t('privacyAdmin.holds.help')}</p>
      {holds.isError ? <ErrorAlert>{errorMessage(holds.error)}</ErrorAlert> : null}
      {holds.data?.length === 0 ? <p className="text-sm text-slate-700">{t('privacyAdmin.holds.empty')}</p> : null}
      <ul className="flex flex-col gap-2">
        {holds.data?.map((h) => (
          <li key={h.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
            <Link href={`/beneficiaries/${h.id}?tab=privacy`} className="font-medium text-sky-800 underline">
              {h.name} ({h.fileNumber})
            </Link>
            <p className="text-slate-700">
              {t('privacyAdmin.holds.until', { date: format.dual(h.until), reason: h.reason ?? '—' })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RecentActions() {
  const { t } = useTranslation();
  const format = useFormat();
  const audit = useAudit({ action: 'privacy.' }, 20);
  return (
    <section aria-labelledby="recent" className="mb-5">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="recent" className="text-lg font-bold">
          {t('privacyAdmin.recent.title')}
        </h2>
        <Link href="/admin/audit?action=privacy." className={buttonClass('ghost')}>
          {t('privacyAdmin.recent.all')}
        </Link>
      </div>
      {audit.isError ? <ErrorAlert>{errorMessage(audit.error)}</ErrorAlert> : null}
      {audit.data?.items.length === 0 ? (
        <p className="text-sm text-slate-700">{t('privacyAdmin.recent.empty')}</p>
      ) : null}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
        {audit.data?.items.map((e) => (
          <li key={e.id} className="flex flex-wrap justify-between gap-2 p-3">
            <span className="font-medium">{dyn(t)(`auditScreen.actions.${e.action}`, { defaultValue: e.action })}</span>
            <span className="text-slate-700">
              {e.actorName ?? e.actorUsername ?? '—'} · {format.dateTime(e.at)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { FileJson, Printer, ShieldAlert, UserX } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '../../../../common/arabic';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button, buttonClass } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TextField } from '../../../ui/fields';
import { Card } from '../../../ui/Page';
import { SelectField } from '../../../ui/SelectField';
import { TextAreaField } from '../../../ui/TextAreaField';
import {
  tableClass,
  tableWrapClass,
  tbodyClass,
  tdClass,
  tdLabelClass,
  thClass,
  theadClass,
  trClass,
} from '../../../ui/table';
import { hasPermission, useUser } from '../../session';
import { useAccessLog, useCorrect, useFilePrivacy, useRevisions, useWithdrawConsent } from './ops-queries';

/** For keys built at run time (field names, roles): the typed `t` only takes literal keys. */
export const dyn = (t: unknown) => t as (key: string, opts?: Record<string, unknown>) => string;

/** The fields a correction offers on screen; the API accepts the rest of the file's fields too. */
const FIELDS = [
  'firstName',
  'fatherName',
  'grandfatherName',
  'familyName',
  'nationalId',
  'birthDate',
  'mobile',
  'mobile2',
  'district',
  'monthlyIncome',
] as const;
type Field = (typeof FIELDS)[number];

/**
 * The file's data-protection actions (PDPL): the person's copy of their data (printable Arabic and
 * machine-readable), correction of any field with a reason and its history, consent withdrawal, the legal hold
 * explained, and — for the manager — who opened this file.
 */
export function PrivacyPanel({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const canCopy = hasPermission(user, 'beneficiaries.read_sensitive');
  const canCorrect = hasPermission(user, 'beneficiaries.write');
  const canConsent = hasPermission(user, 'privacy.consent');
  const canAccessLog = hasPermission(user, 'privacy.access_log');
  const format = useFormat();
  const summary = useFilePrivacy(beneficiaryId);
  const [notice, setNotice] = useState<string | null>(null);
  const base = `/api/beneficiaries/${encodeURIComponent(beneficiaryId)}/export`;

  return (
    <div className="flex flex-col gap-5">
      <SuccessNotice>{notice}</SuccessNotice>
      {canCopy ? (
        <Card>
          <h2 className="mb-1 text-base font-bold">{t('privacyAdmin.file.copyTitle')}</h2>
          <p className="mb-3 text-sm text-slate-700">{t('privacyAdmin.file.copyHelp')}</p>
          <div className="flex flex-wrap gap-2">
            <a href={`${base}?format=html`} target="_blank" rel="noopener" className={buttonClass('primary')}>
              <Printer aria-hidden="true" className="size-4" />
              {t('privacyAdmin.file.copyReadable')}
            </a>
            <a href={`${base}?format=json`} className={buttonClass('secondary')}>
              <FileJson aria-hidden="true" className="size-4" />
              {t('privacyAdmin.file.copyJson')}
            </a>
          </div>
        </Card>
      ) : null}

      {summary.data?.legalHold ? (
        <Card className="border-amber-300 bg-amber-50">
          <h2 className="mb-1 flex items-center gap-2 text-base font-bold text-amber-950">
            <ShieldAlert aria-hidden="true" className="size-5" />
            {t('privacyAdmin.file.holdTitle')}
          </h2>
          <p className="text-sm text-amber-950">
            {t('privacyAdmin.file.holdBody', {
              date: format.dual(summary.data.legalHold.until),
              reason: summary.data.legalHold.reason ?? '—',
            })}
          </p>
        </Card>
      ) : (
        <p className="text-sm text-slate-700">{t('privacyAdmin.file.noHold')}</p>
      )}

      {canCorrect ? <CorrectionForm beneficiaryId={beneficiaryId} onDone={setNotice} /> : null}
      {canCopy ? <RevisionHistory beneficiaryId={beneficiaryId} /> : null}

      <Card>
        <h2 className="mb-3 text-base font-bold">{t('privacyAdmin.file.consentsTitle')}</h2>
        {summary.isError ? <ErrorAlert>{errorMessage(summary.error)}</ErrorAlert> : null}
        <ul className="flex flex-col gap-3">
          {summary.data?.consents.map((c) => (
            <ConsentRow
              key={c.id}
              beneficiaryId={beneficiaryId}
              consent={c}
              canWithdraw={canConsent}
              onDone={setNotice}
            />
          ))}
        </ul>
      </Card>

      {canAccessLog ? <AccessLog beneficiaryId={beneficiaryId} /> : null}
    </div>
  );
}

function CorrectionForm({ beneficiaryId, onDone }: { beneficiaryId: string; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const correct = useCorrect(beneficiaryId);
  const [field, setField] = useState<Field>('firstName');
  const [value, setValue] = useState('');
  const [calendar, setCalendar] = useState<'gregorian' | 'hijri'>('gregorian');
  const [reason, setReason] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const clean = toLatinDigits(value).trim();
    const parsed: unknown =
      field === 'birthDate'
        ? { calendar, date: clean }
        : field === 'monthlyIncome'
          ? Number(clean)
          : field === 'mobile2' && clean === ''
            ? null
            : value.trim();
    correct.mutate(
      { fields: { [field]: parsed }, reason },
      {
        onSuccess: () => {
          setValue('');
          setReason('');
          onDone(t('privacyAdmin.file.corrected'));
        },
      },
    );
  }

  return (
    <Card>
      <h2 className="mb-1 text-base font-bold">{t('privacyAdmin.file.correctTitle')}</h2>
      <p className="mb-3 text-sm text-slate-700">{t('privacyAdmin.file.correctHelp')}</p>
      <Form onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t('privacyAdmin.file.field')}
          value={field}
          onChange={(v) => v && setField(v as Field)}
          options={FIELDS.map((f) => ({ id: f, label: t(`privacyAdmin.fields.${f}`) }))}
        />
        {field === 'birthDate' ? (
          <SelectField
            label={t('privacyAdmin.file.calendar')}
            value={calendar}
            onChange={(v) => v && setCalendar(v as 'gregorian' | 'hijri')}
            options={[
              { id: 'gregorian', label: t('registration.fields.gregorian') },
              { id: 'hijri', label: t('registration.fields.hijri') },
            ]}
          />
        ) : null}
        <TextField
          label={t('privacyAdmin.file.newValue')}
          description={field === 'birthDate' ? t('privacyAdmin.file.dateHelp') : undefined}
          value={value}
          onChange={setValue}
          isRequired={field !== 'mobile2'}
          ltr={['nationalId', 'mobile', 'mobile2', 'birthDate', 'monthlyIncome'].includes(field)}
        />
        <TextAreaField
          className="sm:col-span-2"
          label={t('privacyAdmin.file.reason')}
          description={t('privacyAdmin.file.reasonHelp')}
          value={reason}
          onChange={setReason}
          isRequired
          minLength={5}
        />
        {correct.isError ? <ErrorAlert className="sm:col-span-2">{errorMessage(correct.error)}</ErrorAlert> : null}
        <div className="sm:col-span-2">
          <Button type="submit" variant="primary" isPending={correct.isPending}>
            {t('privacyAdmin.file.correct')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function show(value: unknown, format: ReturnType<typeof useFormat>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'number') return format.number(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return format.dual(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function RevisionHistory({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const revisions = useRevisions(beneficiaryId, true);
  const fieldLabel = (k: string) => dyn(t)(`privacyAdmin.fields.${k}`, { defaultValue: k });
  return (
    <Card>
      <h2 className="mb-3 text-base font-bold">{t('privacyAdmin.file.historyTitle')}</h2>
      {revisions.isError ? <ErrorAlert>{errorMessage(revisions.error)}</ErrorAlert> : null}
      {revisions.data?.length === 0 ? (
        <p className="text-sm text-slate-700">{t('privacyAdmin.file.historyEmpty')}</p>
      ) : null}
      {revisions.data?.length ? (
        <div className={tableWrapClass}>
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th className={thClass}>{t('privacyAdmin.file.when')}</th>
                <th className={thClass}>{t('privacyAdmin.file.field')}</th>
                <th className={thClass}>{t('privacyAdmin.file.before')}</th>
                <th className={thClass}>{t('privacyAdmin.file.after')}</th>
                <th className={thClass}>{t('privacyAdmin.file.reason')}</th>
                <th className={thClass}>{t('privacyAdmin.file.by')}</th>
              </tr>
            </thead>
            <tbody className={tbodyClass}>
              {revisions.data.flatMap((r) =>
                Object.entries(r.changes).map(([k, change]) => (
                  <tr key={`${r.at}-${k}`} className={trClass}>
                    <td className={`${tdClass} ${tdLabelClass}`} data-label={t('privacyAdmin.file.when')}>
                      {format.dateTime(r.at)}
                    </td>
                    <td className={`${tdClass} ${tdLabelClass} font-medium`} data-label={t('privacyAdmin.file.field')}>
                      {fieldLabel(k)}
                    </td>
                    <td
                      className={`${tdClass} ${tdLabelClass} text-rose-800`}
                      data-label={t('privacyAdmin.file.before')}
                    >
                      <del>{show(change.from, format)}</del>
                    </td>
                    <td
                      className={`${tdClass} ${tdLabelClass} text-emerald-800`}
                      data-label={t('privacyAdmin.file.after')}
                    >
                      {show(change.to, format)}
                    </td>
                    <td className={`${tdClass} ${tdLabelClass}`} data-label={t('privacyAdmin.file.reason')}>
                      {r.reason ?? t('privacyAdmin.file.noReason')}
                    </td>
                    <td className={`${tdClass} ${tdLabelClass}`} data-label={t('privacyAdmin.file.by')}>
                      {r.byName ?? '—'}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}

function ConsentRow({
  beneficiaryId,
  consent,
  canWithdraw,
  onDone,
}: {
  beneficiaryId: string;
  consent: import('./ops-queries').FilePrivacy['consents'][number];
  canWithdraw: boolean;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const withdraw = useWithdrawConsent(beneficiaryId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">{consent.purpose}</p>
        {consent.withdrawnAt ? (
          <Badge tone="warning">{t('privacyAdmin.file.withdrawn')}</Badge>
        ) : (
          <Badge tone="success">{t('privacyAdmin.file.active')}</Badge>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {t('privacyAdmin.file.consentGiven', { date: format.dual(consent.at), version: consent.noticeVersion })}
      </p>
      {consent.withdrawnAt ? (
        <p className="mt-1 text-sm text-amber-900">
          {t('privacyAdmin.file.withdrawnOn', {
            date: format.dual(consent.withdrawnAt),
            reason: consent.withdrawnReason ?? '',
            by: consent.withdrawnByName ?? '—',
          })}
        </p>
      ) : canWithdraw ? (
        <Button className="mt-2" variant="dangerQuiet" onPress={() => setOpen(true)}>
          <UserX aria-hidden="true" className="size-4" />
          {t('privacyAdmin.file.withdraw')}
        </Button>
      ) : null}
      <Dialog
        title={t('privacyAdmin.file.withdrawTitle')}
        isOpen={open}
        onOpenChange={setOpen}
        closeLabel={t('app.close')}
        role="alertdialog"
      >
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            withdraw.mutate(
              { consentId: consent.id, reason },
              {
                onSuccess: () => {
                  setOpen(false);
                  onDone(t('privacyAdmin.file.withdrawnDone'));
                },
              },
            );
          }}
          className="flex flex-col gap-3"
        >
          <p className="text-sm text-slate-700">{t('privacyAdmin.file.withdrawBody')}</p>
          <TextAreaField label={t('privacyAdmin.file.reason')} value={reason} onChange={setReason} isRequired />
          {withdraw.isError ? <ErrorAlert>{errorMessage(withdraw.error)}</ErrorAlert> : null}
          <Button type="submit" variant="danger" isPending={withdraw.isPending}>
            {t('privacyAdmin.file.withdrawConfirm')}
          </Button>
        </Form>
      </Dialog>
    </li>
  );
}

function AccessLog({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const log = useAccessLog(beneficiaryId, true);
  return (
    <Card>
      <h2 className="mb-1 text-base font-bold">{t('privacyAdmin.file.accessTitle')}</h2>
      <p className="mb-3 text-sm text-slate-700">{t('privacyAdmin.file.accessHelp')}</p>
      {log.isError ? <ErrorAlert>{errorMessage(log.error)}</ErrorAlert> : null}
      <ul className="divide-y divide-slate-200 text-sm">
        {log.data?.map((e) => (
          <li key={`${e.at}-${e.action}-${e.username}`} className="flex flex-wrap justify-between gap-2 py-2">
            <span>
              <span className="font-medium">{e.name ?? e.username ?? '—'}</span>
              {e.role ? (
                <span className="text-slate-600"> · {dyn(t)(`roles.${e.role}`, { defaultValue: e.role })}</span>
              ) : null}
            </span>
            <span className="text-slate-700">
              {dyn(t)(`privacyAdmin.access.${e.action.replace('.', '_')}`)} · {format.dateTime(e.at)}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

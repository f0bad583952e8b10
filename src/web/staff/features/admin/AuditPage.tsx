import { Search } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { toLatinDigits } from '../../../../common/arabic';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { Loading, PageHeader } from '../../../ui/Page';
import { SelectField } from '../../../ui/SelectField';
import { type AuditEntry, type AuditFilters, useAudit } from './ops-queries';
import { dyn } from './PrivacyPanel';

/** The action families offered in the filter (an exact action can still be typed in the address). */
const FAMILIES = [
  'privacy.',
  'beneficiary.',
  'settings.',
  'template.',
  'user.',
  'auth.',
  'system.',
  'application.',
  'document.',
] as const;
const ALL = 'all';
const FILTER_KEYS = ['actor', 'action', 'entityId', 'from', 'to'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * سجل التدقيق: who did what to which record and when. Search by person, record, action and date; a change
 * shows each field's old and new value side by side.
 */
export default function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v),
  );
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const audit = useAudit(filters, 100);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = draft[k] ? toLatinDigits(draft[k]!).trim() : '';
      if (v) next.set(k, v);
    }
    setParams(next, { replace: true });
  }

  return (
    <>
      <PageHeader title={t('auditScreen.title')} subtitle={t('auditScreen.subtitle')} />
      <Form
        onSubmit={submit}
        role="search"
        className="mb-5 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6"
      >
        <TextField
          className="lg:col-span-2"
          label={t('auditScreen.person')}
          description={t('auditScreen.personHelp')}
          value={draft.actor ?? ''}
          onChange={(v) => setDraft({ ...draft, actor: v })}
        />
        <SelectField
          className="lg:col-span-2"
          label={t('auditScreen.action')}
          value={draft.action ?? ALL}
          onChange={(v) => setDraft({ ...draft, action: !v || v === ALL ? undefined : v })}
          options={[
            { id: ALL, label: t('auditScreen.allActions') },
            ...FAMILIES.map((f) => ({ id: f, label: dyn(t)(`auditScreen.families.${f.slice(0, -1)}`) })),
            ...(draft.action && !FAMILIES.includes(draft.action as never)
              ? [
                  {
                    id: draft.action,
                    label: dyn(t)(`auditScreen.actions.${draft.action}`, { defaultValue: draft.action }),
                  },
                ]
              : []),
          ]}
        />
        <TextField
          className="lg:col-span-2"
          label={t('auditScreen.record')}
          description={t('auditScreen.recordHelp')}
          value={draft.entityId ?? ''}
          onChange={(v) => setDraft({ ...draft, entityId: v })}
          ltr
        />
        <TextField
          label={t('auditScreen.from')}
          value={draft.from ?? ''}
          onChange={(v) => setDraft({ ...draft, from: v })}
          ltr
          inputProps={{ type: 'date' }}
        />
        <TextField
          label={t('auditScreen.to')}
          value={draft.to ?? ''}
          onChange={(v) => setDraft({ ...draft, to: v })}
          ltr
          inputProps={{ type: 'date' }}
        />
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit" variant="primary">
            <Search aria-hidden="true" className="size-4" />
            {t('auditScreen.search')}
          </Button>
          <Button
            variant="ghost"
            onPress={() => {
              setDraft({});
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t('auditScreen.clear')}
          </Button>
        </div>
      </Form>

      {audit.isPending ? <Loading label={t('app.loading')} /> : null}
      {audit.isError ? <ErrorAlert>{errorMessage(audit.error)}</ErrorAlert> : null}
      {audit.data?.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {t('auditScreen.empty')}
        </p>
      ) : null}
      <ol className="flex flex-col gap-3" aria-label={t('auditScreen.results')}>
        {audit.data?.items.map((e) => (
          <AuditRow key={e.id} entry={e} />
        ))}
      </ol>
    </>
  );
}

function show(value: unknown, format: ReturnType<typeof useFormat>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'number') return format.number(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return format.dual(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return format.dateTime(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const details = isRecord(entry.details) ? entry.details : null;
  const before = details && isRecord(details.before) ? details.before : null;
  const after = details && isRecord(details.after) ? details.after : null;
  const fields = after ? Object.keys(after) : [];
  const reason = details && typeof details.reason === 'string' ? details.reason : null;
  const fieldLabel = (k: string) =>
    dyn(t)(`privacyAdmin.fields.${k}`, { defaultValue: dyn(t)(`auditScreen.fields.${k}`, { defaultValue: k }) });
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-bold">{dyn(t)(`auditScreen.actions.${entry.action}`, { defaultValue: entry.action })}</p>
        <time dateTime={entry.at} className="text-sm text-slate-700">
          {format.dateTime(entry.at)}
        </time>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {t('auditScreen.by', { name: entry.actorName ?? entry.actorUsername ?? t('auditScreen.system') })}
        {entry.entityType ? (
          <>
            {' · '}
            {dyn(t)(`auditScreen.entities.${entry.entityType}`, { defaultValue: entry.entityType })}{' '}
            <bdi dir="ltr" className="font-mono text-xs">
              {entry.entityId}
            </bdi>
          </>
        ) : null}
      </p>
      {reason ? <p className="mt-1 text-sm">{t('auditScreen.reason', { reason })}</p> : null}
      {fields.length > 0 ? (
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">{t('auditScreen.changes')}</caption>
          <thead className="bg-slate-50 text-xs text-slate-700">
            <tr>
              <th scope="col" className="px-2 py-1.5 text-start font-medium">
                {t('auditScreen.field')}
              </th>
              <th scope="col" className="px-2 py-1.5 text-start font-medium">
                {t('auditScreen.before')}
              </th>
              <th scope="col" className="px-2 py-1.5 text-start font-medium">
                {t('auditScreen.after')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {fields.map((k) => (
              <tr key={k}>
                <th scope="row" className="px-2 py-1.5 text-start font-medium">
                  {fieldLabel(k)}
                </th>
                <td className="bg-rose-50 px-2 py-1.5 break-words text-rose-900">
                  <del>{show(before?.[k], format)}</del>
                </td>
                <td className="bg-emerald-50 px-2 py-1.5 break-words text-emerald-900">{show(after?.[k], format)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}

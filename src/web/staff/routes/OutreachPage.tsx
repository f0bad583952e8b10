import { Play } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, PageHeader } from '../../ui/Page';
import { tableClass, tableWrapClass, tbodyClass, tdClass, thClass, theadClass, trClass } from '../../ui/table';
import { useOutreach, useRunOutreach } from '../features/admin/queries';
import { RuleCard, useRuleWords } from '../features/admin/RuleCard';
import type { OutreachCounts, OutreachRun } from '../features/admin/types';
import { hasPermission, useUser } from '../session';

// On a phone each run is a card; the rules' names are longer than the usual column label, so the label is wider.
const tdLabelClass =
  'max-sm:before:w-40 max-sm:before:shrink-0 max-sm:before:text-xs max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)]';

const sum = (results: Record<string, OutreachCounts> | null) =>
  Object.values(results ?? {}).reduce(
    (total, r) => ({ tasks: total.tasks + r.tasks, messages: total.messages + r.messages }),
    { tasks: 0, messages: 0 },
  );

/**
 * الوصول دون طلب: the rules that find beneficiaries who are due or at risk and create tasks for staff or messages to
 * the beneficiary, before anyone asks. The admin turns rules on and off, sets each one's days, and runs them now;
 * the manager reads them and their runs.
 */
export default function OutreachPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const canEdit = hasPermission(user, 'outreach.manage');
  const outreach = useOutreach();
  const run = useRunOutreach();
  const [notice, setNotice] = useState<ReactNode>(null);
  const lastRun = outreach.data?.runs[0];

  function runNow() {
    setNotice(null);
    run.mutate(undefined, {
      onSuccess: (result) => {
        const total = sum(result.results);
        setNotice(
          t('admin.outreach.ran', { tasks: format.number(total.tasks), messages: format.number(total.messages) }),
        );
      },
    });
  }

  return (
    <>
      <PageHeader
        title={t('admin.outreach.title')}
        subtitle={t('admin.outreach.subtitle')}
        actions={
          canEdit ? (
            <Button variant="primary" isPending={run.isPending} onPress={runNow}>
              <Play aria-hidden="true" className="size-4 rtl:-scale-x-100" />
              {run.isPending ? t('admin.outreach.running') : t('admin.outreach.run')}
            </Button>
          ) : null
        }
      />
      {canEdit ? null : <p className="mb-4 text-sm text-slate-700">{t('admin.outreach.readOnly')}</p>}
      <SuccessNotice className="mb-4">{notice}</SuccessNotice>
      {run.isError ? <ErrorAlert className="mb-4">{errorMessage(run.error)}</ErrorAlert> : null}

      {outreach.isPending ? <Loading label={t('app.loading')} /> : null}
      {outreach.isError ? (
        <div className="flex flex-col items-start gap-3">
          <ErrorAlert>{errorMessage(outreach.error)}</ErrorAlert>
          <Button onPress={() => void outreach.refetch()}>{t('app.retry')}</Button>
        </div>
      ) : null}

      {outreach.data ? (
        <>
          <div className="grid gap-4 lg:grid-cols-2">
            {outreach.data.rules.map((rule) => (
              <RuleCard
                key={rule.key}
                rule={rule}
                last={lastRun?.results?.[rule.key]}
                canEdit={canEdit}
                onSaved={setNotice}
              />
            ))}
          </div>
          <Runs runs={outreach.data.runs} ruleKeys={outreach.data.rules.map((r) => r.key)} />
        </>
      ) : null}
    </>
  );
}

/** The latest runs, newest first, with what each rule created. */
function Runs({ runs, ruleKeys }: { runs: OutreachRun[]; ruleKeys: string[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Rules that act on an event (a low rating) are not part of a run, so they have no column.
  const shown = ruleKeys.filter((key) => runs.some((r) => r.results?.[key]));
  const counts = (c: OutreachCounts | undefined) =>
    c ? t('admin.outreach.runs.cell', { tasks: format.number(c.tasks), messages: format.number(c.messages) }) : '—';
  return (
    <section aria-labelledby="outreach-runs" className="mt-8">
      <h2 id="outreach-runs" className="mb-3 text-lg font-bold text-slate-900">
        {t('admin.outreach.runs.title')}
      </h2>
      {runs.length === 0 ? (
        <p className="text-slate-700">{t('admin.outreach.runs.empty')}</p>
      ) : (
        <div className={tableWrapClass}>
          <table className={tableClass}>
            <caption className="sr-only">{t('admin.outreach.runs.title')}</caption>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={thClass}>
                  {t('admin.outreach.runs.startedAt')}
                </th>
                <th scope="col" className={thClass}>
                  {t('admin.outreach.runs.trigger')}
                </th>
                {shown.map((key) => (
                  <RuleHeader key={key} ruleKey={key} />
                ))}
                <th scope="col" className={thClass}>
                  {t('admin.outreach.runs.total')}
                </th>
              </tr>
            </thead>
            <tbody className={tbodyClass}>
              {runs.map((r) => (
                <tr key={r.id} className={trClass}>
                  <td className={`${tdClass} whitespace-nowrap max-sm:font-medium`}>
                    <time dateTime={r.startedAt} title={format.dual(r.startedAt)}>
                      {format.dateTime(r.startedAt)}
                    </time>
                  </td>
                  <td className={`${tdClass} ${tdLabelClass}`} data-label={t('admin.outreach.runs.trigger')}>
                    {t(r.trigger === 'manual' ? 'admin.outreach.runs.manual' : 'admin.outreach.runs.schedule')}
                  </td>
                  {shown.map((key) => (
                    <RuleCell key={key} ruleKey={key} value={counts(r.results?.[key])} />
                  ))}
                  <td className={`${tdClass} ${tdLabelClass} font-medium`} data-label={t('admin.outreach.runs.total')}>
                    {counts(sum(r.results))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RuleHeader({ ruleKey }: { ruleKey: string }) {
  const words = useRuleWords(ruleKey);
  return (
    <th scope="col" className={`${thClass} whitespace-normal`}>
      {words.title}
    </th>
  );
}

function RuleCell({ ruleKey, value }: { ruleKey: string; value: string }) {
  const words = useRuleWords(ruleKey);
  return (
    <td className={`${tdClass} ${tdLabelClass} whitespace-nowrap tabular-nums`} data-label={words.title}>
      {value}
    </td>
  );
}

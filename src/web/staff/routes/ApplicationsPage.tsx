import { FilePlus2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { errorMessage } from '../../lib/api';
import { ErrorAlert } from '../../ui/Alert';
import { Button, buttonClass } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Loading, PageHeader } from '../../ui/Page';
import { Pagination } from '../../ui/Pagination';
import type { ApplicationQueue, SessionUser } from '../api-types';
import { ApplicationsTable } from '../features/applications/ApplicationsTable';
import { useApplications } from '../features/applications/queries';
import { hasPermission, useUser } from '../session';

const QUEUES: readonly ApplicationQueue[] = [
  'to_verify',
  'returned',
  'my_referrals',
  'ready_for_committee',
  'in_committee',
  'deferred',
  'completing',
  'enrolled',
  'closed',
];

/**
 * The queues a role works from, its own first: every stage of an application has a queue, so nothing accepted
 * by the committee drops out of sight. The committee sees only what was raised to it.
 */
export function queuesFor(user: SessionUser): ApplicationQueue[] {
  const manager = user.role === 'manager';
  const committee = user.role === 'committee';
  const shown: Record<ApplicationQueue, boolean> = {
    to_verify: manager || hasPermission(user, 'applications.verify'),
    returned: manager || hasPermission(user, 'applications.verify'),
    my_referrals: manager || hasPermission(user, 'referrals.answer'),
    ready_for_committee: manager || hasPermission(user, 'applications.raise'),
    in_committee: hasPermission(user, 'applications.read'),
    deferred: hasPermission(user, 'applications.read'),
    completing: hasPermission(user, 'applications.read'),
    enrolled: hasPermission(user, 'applications.read'),
    closed: hasPermission(user, 'applications.read') && !committee,
  };
  const all = QUEUES.filter((queue) => shown[queue]);
  // The execution officer's work after the committee comes before the committee's own queues.
  if (user.role === 'execution_officer')
    return ['my_referrals', 'completing', ...all.filter((q) => q !== 'my_referrals' && q !== 'completing')];
  return all;
}

/** Applications by queue: to verify, my referrals, ready for the committee, before the committee. */
export default function ApplicationsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const queues = queuesFor(user);
  const asked = params.get('queue');
  const queue = queues.find((q) => q === asked) ?? queues[0] ?? 'in_committee';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useApplications({ queue, page });

  return (
    <>
      <PageHeader
        title={t('applications.title')}
        subtitle={t('applications.subtitle')}
        actions={
          hasPermission(user, 'applications.create') ? (
            <Link href="/applications/new" className={buttonClass('primary')}>
              <FilePlus2 aria-hidden="true" className="size-4" />
              {t('wizard.title')}
            </Link>
          ) : null
        }
      />

      <nav aria-label={t('applications.queuesLabel')} className="mb-4 -mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex gap-1 border-b border-slate-200">
          {queues.map((q) => (
            <li key={q}>
              <Link
                href={`/applications?queue=${q}`}
                aria-current={q === queue ? 'page' : undefined}
                className={cx(
                  '-mb-px flex min-h-11 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap',
                  q === queue
                    ? 'border-brand-700 text-brand-800'
                    : 'border-transparent text-slate-700 hover:text-slate-900',
                )}
              >
                {t(`applications.queues.${q}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="queue-title">
        <h2 id="queue-title" className="text-base font-bold text-slate-900">
          {t(`applications.queues.${queue}`)}
        </h2>
        <p className="mb-3 text-slate-600">{t(`applications.queueHints.${queue}`)}</p>
        {list.isPending ? <Loading label={t('app.loading')} /> : null}
        {list.isError ? (
          <div className="flex flex-col items-start gap-3">
            <ErrorAlert>{errorMessage(list.error)}</ErrorAlert>
            <Button onPress={() => void list.refetch()}>{t('app.retry')}</Button>
          </div>
        ) : null}
        {list.data ? (
          list.data.items.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
              {t('applications.empty')}
            </p>
          ) : (
            <ApplicationsTable items={list.data.items} caption={t(`applications.queues.${queue}`)} />
          )
        ) : null}
        {list.data ? (
          <Pagination
            page={page}
            hasMore={list.data.hasMore}
            label={t('pagination.label')}
            onPageChange={(next) =>
              setParams((prev) => {
                const out = new URLSearchParams(prev);
                out.set('page', String(next));
                return out;
              })
            }
          />
        ) : null}
      </section>
    </>
  );
}

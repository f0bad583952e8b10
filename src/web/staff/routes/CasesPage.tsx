import { MessageSquarePlus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'wouter';
import { CASE_KINDS, CASE_STATUSES } from '../../../common/domain/case';
import { CHANNELS } from '../../../common/domain/channels';
import { errorMessage } from '../../lib/api';
import { ErrorAlert } from '../../ui/Alert';
import { Button, buttonClass } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Kbd } from '../../ui/Kbd';
import { Loading, PageHeader } from '../../ui/Page';
import { Pagination } from '../../ui/Pagination';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { SelectField } from '../../ui/SelectField';
import { useKeyboardShortcut } from '../../ui/shortcut';
import { useEnumOptions } from '../features/beneficiaries/labels';
import { CasesTable } from '../features/cases/CasesTable';
import { useCaseOptions } from '../features/cases/labels';
import { useCases } from '../features/cases/queries';
import type { CaseFilter } from '../features/cases/types';
import { hasPermission, useUser } from '../session';

const ALL = 'all';
const VIEWS = ['open', 'at_risk', 'breached'] as const;
type View = (typeof VIEWS)[number];

/**
 * The cases inbox (الحالات): inquiries, complaints, suggestions, praise and service requests from every channel,
 * the most urgent deadline first, each with its SLA shown as a word and the working time left.
 */
export default function CasesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [, navigate] = useLocation();
  const [params, setParams] = useSearchParams();
  const caseOptions = useCaseOptions();
  const enumOptions = useEnumOptions();
  const canCreate = hasPermission(user, 'cases.create');
  useKeyboardShortcut('KeyC', () => navigate('/cases/new'), canCreate);

  const view: View = VIEWS.find((v) => v === params.get('view')) ?? 'open';
  const pick = (key: string, values: readonly string[]) => {
    const value = params.get(key);
    return value && values.includes(value) ? value : ALL;
  };
  const kind = pick('kind', CASE_KINDS);
  const channel = pick('channel', CHANNELS);
  const status = pick('status', CASE_STATUSES);
  const owner = params.get('owner') === 'me' ? 'me' : ALL;
  const page = Math.max(1, Number(params.get('page')) || 1);

  const filter: CaseFilter = {
    kind: kind === ALL ? undefined : kind,
    channel: channel === ALL ? undefined : channel,
    status: status === ALL ? undefined : status,
    sla: view === 'open' ? undefined : view,
    owner: owner === 'me' ? 'me' : undefined,
    page,
  };
  const list = useCases(filter);

  const update = (key: string, value: string) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (value === ALL || (key === 'view' && value === 'open')) out.delete(key);
        else out.set(key, value);
        if (key !== 'page') out.delete('page');
        return out;
      },
      { replace: key !== 'page' },
    );
  const viewHref = (v: View) => {
    const out = new URLSearchParams(params);
    out.delete('page');
    if (v === 'open') out.delete('view');
    else out.set('view', v);
    const query = out.toString();
    return `/cases${query ? `?${query}` : ''}`;
  };

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        subtitle={t('cases.subtitle')}
        actions={
          canCreate ? (
            <Link
              href="/cases/new"
              className={buttonClass('primary')}
              aria-keyshortcuts="Alt+C"
              title={t('app.shortcut', { key: 'Alt+C' })}
            >
              <MessageSquarePlus aria-hidden="true" className="size-4" />
              {t('cases.new')}
              <Kbd>Alt+C</Kbd>
            </Link>
          ) : null
        }
      />

      <nav aria-label={t('cases.viewsLabel')} className="mb-4 -mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex gap-1 border-b border-slate-200">
          {VIEWS.map((v) => (
            <li key={v}>
              <Link
                href={viewHref(v)}
                aria-current={v === view ? 'page' : undefined}
                className={cx(
                  '-mb-px flex min-h-11 items-center gap-2 border-b-2 px-3 text-sm font-medium whitespace-nowrap',
                  v === view
                    ? 'border-brand-700 text-brand-800'
                    : 'border-transparent text-slate-700 hover:text-slate-900',
                )}
              >
                {v === 'open' ? null : (
                  <span
                    aria-hidden="true"
                    className={cx('size-2 rounded-full', v === 'breached' ? 'bg-red-600' : 'bg-amber-500')}
                  />
                )}
                {t(`cases.views.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-label={t('cases.filtersLabel')} className="mb-4 flex flex-col gap-3">
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            label={t('cases.fields.kind')}
            options={[{ id: ALL, label: t('cases.filters.allKinds') }, ...caseOptions('kinds', CASE_KINDS)]}
            value={kind}
            onChange={(value) => update('kind', value ?? ALL)}
          />
          <SelectField
            label={t('cases.fields.channel')}
            options={[{ id: ALL, label: t('cases.filters.allChannels') }, ...enumOptions('channel', CHANNELS)]}
            value={channel}
            onChange={(value) => update('channel', value ?? ALL)}
          />
          <SelectField
            label={t('cases.fields.status')}
            options={[{ id: ALL, label: t('cases.filters.openStatuses') }, ...caseOptions('statuses', CASE_STATUSES)]}
            value={status}
            onChange={(value) => update('status', value ?? ALL)}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <span aria-hidden="true" className="text-sm font-medium text-slate-800">
            {t('cases.fields.owner')}
          </span>
          <SegmentedControl
            label={t('cases.fields.owner')}
            value={owner}
            onChange={(value) => update('owner', value)}
            segments={[
              { id: ALL, label: t('cases.filters.everyone') },
              { id: 'me', label: t('cases.filters.mine') },
            ]}
          />
        </div>
      </section>

      <section aria-labelledby="cases-list-title">
        <h2 id="cases-list-title" className="sr-only">
          {t(`cases.views.${view}`)}
        </h2>
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
              {t('cases.empty')}
            </p>
          ) : (
            <CasesTable items={list.data.items} caption={t(`cases.views.${view}`)} />
          )
        ) : null}
        {list.data ? (
          <Pagination
            page={page}
            hasMore={list.data.hasMore}
            label={t('pagination.label')}
            onPageChange={(next) => update('page', String(next))}
          />
        ) : null}
      </section>
    </>
  );
}

import { Search, UserPlus } from 'lucide-react';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'wouter';
import { BENEFICIARY_STATUSES } from '../../../common/domain/beneficiary';
import { errorMessage } from '../../lib/api';
import { ErrorAlert } from '../../ui/Alert';
import { Button, buttonClass } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { TextField } from '../../ui/fields';
import { Kbd } from '../../ui/Kbd';
import { Ltr } from '../../ui/Ltr';
import { Loading, PageHeader } from '../../ui/Page';
import { Pagination } from '../../ui/Pagination';
import { SelectField } from '../../ui/SelectField';
import { useKeyboardShortcut } from '../../ui/shortcut';
import {
  tableClass,
  tableWrapClass,
  tbodyClass,
  tdClass,
  tdLabelClass,
  thClass,
  theadClass,
  trClass,
} from '../../ui/table';
import { useEnumLabel, useEnumOptions } from '../features/beneficiaries/labels';
import { useBeneficiarySearch } from '../features/beneficiaries/queries';
import { BeneficiaryStatusBadge } from '../features/beneficiaries/StatusBadge';
import { hasPermission, useUser } from '../session';

const ALL = 'all';

/** Policy step 1 at the desk: find the beneficiary's file with one box, or register them. */
export default function BeneficiariesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [, navigate] = useLocation();
  const [params, setParams] = useSearchParams();
  const enumLabel = useEnumLabel();
  const enumOptions = useEnumOptions();
  const canRegister = hasPermission(user, 'beneficiaries.write');

  const q = params.get('q') ?? '';
  const status = params.get('status') ?? ALL;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  const searchRef = useRef<HTMLInputElement>(null);
  // Back and forward change the URL: the box follows (but not while the person is typing what is already there).
  const shownQ = useRef(q);
  if (q !== shownQ.current) {
    shownQ.current = q;
    if (text.trim() !== q) setText(q);
  }

  const search = useBeneficiarySearch({ q, status: status === ALL ? undefined : status, page });

  const update = useCallback(
    (next: { q?: string; status?: string; page?: number }) =>
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          const set = (key: string, value: string | undefined, empty: string) => {
            if (value === undefined) return;
            if (value === empty) out.delete(key);
            else out.set(key, value);
          };
          set('q', next.q?.trim(), '');
          set('status', next.status, ALL);
          set('page', next.page === undefined ? undefined : String(next.page), '1');
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );

  // Searching while typing, a moment after the last key; Enter searches at once.
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = window.setTimeout(() => update({ q: text, page: 1 }), 350);
    return () => window.clearTimeout(timer);
  }, [text, q, update]);

  useKeyboardShortcut('KeyN', () => navigate('/beneficiaries/new'), canRegister);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update({ q: text, page: 1 });
  }

  const statusOptions = [
    { id: ALL, label: t('beneficiaries.statusAll') },
    ...enumOptions('beneficiaryStatus', BENEFICIARY_STATUSES),
  ];
  const columns = {
    fileNumber: t('beneficiaries.columns.fileNumber'),
    name: t('beneficiaries.columns.name'),
    nationalId: t('beneficiaries.columns.nationalId'),
    mobile: t('beneficiaries.columns.mobile'),
    district: t('beneficiaries.columns.district'),
    status: t('beneficiaries.columns.status'),
  };
  const data = search.data;

  return (
    <>
      <PageHeader
        title={t('beneficiaries.title')}
        subtitle={
          user.role === 'branch_rep'
            ? `${t('beneficiaries.subtitle')} ${t('beneficiaries.branchOnly')}`
            : t('beneficiaries.subtitle')
        }
        actions={
          canRegister ? (
            <Link
              href="/beneficiaries/new"
              className={buttonClass('primary')}
              aria-keyshortcuts="Alt+N"
              title={t('app.shortcut', { key: 'Alt+N' })}
            >
              <UserPlus aria-hidden="true" className="size-4" />
              {t('beneficiaries.register')}
              <Kbd>Alt+N</Kbd>
            </Link>
          ) : null
        }
      />

      <Form role="search" onSubmit={onSubmit} className="mb-5 flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          label={t('beneficiaries.searchLabel')}
          name="q"
          type="search"
          value={text}
          onChange={setText}
          // The desk's first move on this page is typing: the box takes focus when the page opens.
          autoFocus
          inputRef={searchRef}
          placeholder={t('beneficiaries.searchPlaceholder')}
          inputProps={{ enterKeyHint: 'search', autoComplete: 'off' }}
          className="min-w-0 flex-1"
        />
        <SelectField
          label={t('beneficiaries.statusFilter')}
          options={statusOptions}
          value={status}
          onChange={(value) => update({ status: value ?? ALL, page: 1 })}
          className="sm:w-44"
        />
        <Button type="submit" variant="secondary">
          <Search aria-hidden="true" className="size-4" />
          {t('beneficiaries.search')}
        </Button>
      </Form>

      {search.isPending ? <Loading label={t('app.loading')} /> : null}
      {search.isError ? (
        <div className="flex flex-col items-start gap-3">
          <ErrorAlert>{errorMessage(search.error)}</ErrorAlert>
          <Button onPress={() => void search.refetch()}>{t('app.retry')}</Button>
        </div>
      ) : null}

      {data ? (
        <section aria-labelledby="results-title" aria-busy={search.isFetching}>
          <h2 id="results-title" className="mb-2 text-sm font-medium text-slate-700">
            {t('beneficiaries.resultsTitle')} · {enumLabel('matchedBy', data.matchedBy)}
          </h2>
          {data.items.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
              {q || status !== ALL ? t('beneficiaries.empty') : t('beneficiaries.emptyAll')}
            </p>
          ) : (
            <div className={cx(tableWrapClass, search.isFetching && 'opacity-70')}>
              <table className={tableClass}>
                <caption className="sr-only">{t('beneficiaries.resultsTitle')}</caption>
                <thead className={theadClass}>
                  <tr>
                    <th scope="col" className={thClass}>
                      {columns.name}
                    </th>
                    <th scope="col" className={thClass}>
                      {columns.fileNumber}
                    </th>
                    <th scope="col" className={thClass}>
                      {columns.nationalId}
                    </th>
                    <th scope="col" className={thClass}>
                      {columns.mobile}
                    </th>
                    <th scope="col" className={thClass}>
                      {columns.district}
                    </th>
                    <th scope="col" className={thClass}>
                      {columns.status}
                    </th>
                  </tr>
                </thead>
                <tbody className={tbodyClass}>
                  {data.items.map((b) => (
                    <tr key={b.id} className={trClass}>
                      <td className={cx(tdClass, 'max-sm:mb-1')}>
                        <Link
                          href={`/beneficiaries/${b.id}`}
                          className="font-medium text-brand-800 underline-offset-2 hover:underline"
                        >
                          {b.fullName}
                        </Link>
                      </td>
                      <td className={cx(tdClass, tdLabelClass)} data-label={columns.fileNumber}>
                        <Ltr>{b.fileNumber}</Ltr>
                      </td>
                      <td className={cx(tdClass, tdLabelClass)} data-label={columns.nationalId}>
                        <Ltr>{b.nationalId}</Ltr>
                      </td>
                      <td className={cx(tdClass, tdLabelClass, 'whitespace-nowrap')} data-label={columns.mobile}>
                        <Ltr>{b.mobileLocal}</Ltr>
                      </td>
                      <td className={cx(tdClass, tdLabelClass)} data-label={columns.district}>
                        {b.district}
                      </td>
                      <td className={cx(tdClass, tdLabelClass)} data-label={columns.status}>
                        <BeneficiaryStatusBadge status={b.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={data.page}
            hasMore={data.hasMore}
            label={t('pagination.label')}
            onPageChange={(next) => {
              update({ page: next });
              searchRef.current?.focus();
            }}
          />
        </section>
      ) : null}
    </>
  );
}

import { UserPlus } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorMessage } from '../../../lib/api';
import { ErrorAlert } from '../../../ui/Alert';
import { Button, buttonClass } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { Ltr } from '../../../ui/Ltr';
import { Loading } from '../../../ui/Page';
import { Pagination } from '../../../ui/Pagination';
import type { BeneficiarySummary } from '../../api-types';
import { hasPermission, useUser } from '../../session';
import { isClosedOrSuspended } from './labels';
import { useBeneficiarySearch } from './queries';
import { BeneficiaryStatusBadge } from './StatusBadge';

/** Find the person in front of the officer by ID, mobile, file number or name, and choose their file. */
export function BeneficiaryPicker({
  onChoose,
  registerHref,
}: {
  onChoose: (beneficiary: BeneficiarySummary) => void;
  registerHref: string;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQ(text.trim());
      setPage(1);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [text]);
  const search = useBeneficiarySearch({ q, page, pageSize: 10 }, q.length > 0);

  return (
    <div className="flex flex-col gap-4">
      <TextField
        label={t('wizard.find')}
        description={t('wizard.typeToSearch')}
        type="search"
        value={text}
        onChange={setText}
        autoFocus
        placeholder={t('beneficiaries.searchPlaceholder')}
        inputProps={{ enterKeyHint: 'search', autoComplete: 'off' }}
      />
      {q && search.isPending ? <Loading label={t('app.loading')} /> : null}
      {search.isError ? <ErrorAlert>{errorMessage(search.error)}</ErrorAlert> : null}
      {q && search.data ? (
        search.data.items.length === 0 ? (
          <p className="text-slate-700">{t('beneficiaries.empty')}</p>
        ) : (
          <ul aria-label={t('beneficiaries.resultsTitle')} className="flex flex-col gap-2">
            {search.data.items.map((b) => {
              const blocked = isClosedOrSuspended(b.status);
              return (
                <li
                  key={b.id}
                  className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-3"
                >
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900">{b.fullName}</span>
                      <BeneficiaryStatusBadge status={b.status} />
                    </div>
                    <div className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-600">
                      <span>
                        {t('file.fileNumber')}: <Ltr>{b.fileNumber}</Ltr>
                      </span>
                      <span>
                        {t('file.nationalId')}: <Ltr>{b.nationalId}</Ltr>
                      </span>
                      <span>
                        {t('file.mobile')}: <Ltr>{b.mobileLocal}</Ltr>
                      </span>
                    </div>
                    {blocked ? <p className="mt-1 text-xs text-amber-900">{t('wizard.inactive')}</p> : null}
                  </div>
                  <Button
                    isDisabled={blocked}
                    aria-label={t('wizard.chooseLabel', { name: b.fullName })}
                    onPress={() => onChoose(b)}
                  >
                    {t('wizard.choose')}
                  </Button>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
      {q && search.data ? (
        <Pagination page={page} hasMore={search.data.hasMore} onPageChange={setPage} label={t('pagination.label')} />
      ) : null}
      {hasPermission(user, 'beneficiaries.write') ? (
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
          <span className="text-slate-700">{t('wizard.notRegistered')}</span>
          <Link href={registerHref} className={buttonClass('secondary')}>
            <UserPlus aria-hidden="true" className="size-4" />
            {t('beneficiaries.register')}
          </Link>
        </div>
      ) : null}
    </div>
  );
}

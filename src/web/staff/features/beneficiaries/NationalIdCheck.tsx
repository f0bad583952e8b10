import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { normalizeNationalId } from '../../../../common/national-id';
import { api } from '../../../lib/api';
import { Ltr } from '../../../ui/Ltr';
import { useLocalized } from '../applications/queries';

type Answer =
  | { status: 'new' }
  | { status: 'registered_elsewhere' }
  | {
      status: 'exists';
      file: { id: string; fileNumber: string; fullName: string; branchNameAr: string; branchNameEn: string };
    };

/**
 * The early duplicate check (issue 12): as soon as the national ID is complete and valid, the server says whether a
 * file has it — named with a link for someone allowed to open it, only "registered" for anyone else — before the
 * rest of the form is filled.
 */
export function NationalIdCheck({ value }: { value: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const nationalId = normalizeNationalId(value);
  const check = useQuery({
    queryKey: ['beneficiaries', 'national-id-check', nationalId],
    queryFn: ({ signal }) => api.post<Answer>('/api/beneficiaries/national-id-check', { nationalId }, { signal }),
    enabled: nationalId !== null,
    staleTime: 30_000,
    retry: false,
  });
  if (nationalId === null) return null;
  const box = 'rounded-md p-3 text-sm sm:col-span-2';
  if (check.isPending) {
    return (
      <p className={`${box} bg-slate-50 text-slate-700`} aria-live="polite">
        {t('nationalIdCheck.checking')}
      </p>
    );
  }
  if (check.isError) return <p className={`${box} bg-slate-50 text-slate-700`}>{t('nationalIdCheck.failed')}</p>;
  const answer = check.data;
  if (answer.status === 'new') {
    return (
      <p className={`${box} bg-emerald-50 text-emerald-900`} aria-live="polite" data-testid="national-id-check">
        {t('nationalIdCheck.new')}
      </p>
    );
  }
  if (answer.status === 'registered_elsewhere') {
    return (
      <p
        role="alert"
        className={`${box} border border-amber-300 bg-amber-50 text-amber-950`}
        data-testid="national-id-check"
      >
        {t('nationalIdCheck.hidden')}
      </p>
    );
  }
  return (
    <div
      role="alert"
      className={`${box} flex flex-wrap items-center justify-between gap-2 border border-amber-300 bg-amber-50 text-amber-950`}
      data-testid="national-id-check"
    >
      <span>
        {t('nationalIdCheck.exists', {
          name: answer.file.fullName,
          branch: localized(answer.file.branchNameAr, answer.file.branchNameEn),
        })}
      </span>
      <Link
        href={`/beneficiaries/${answer.file.id}`}
        className="inline-flex min-h-11 items-center rounded-md border border-amber-400 bg-white px-3 font-medium text-brand-800"
      >
        {t('nationalIdCheck.openFile')}&nbsp;<Ltr>{answer.file.fileNumber}</Ltr>
      </Link>
    </div>
  );
}

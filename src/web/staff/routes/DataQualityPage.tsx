import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { api, errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert } from '../../ui/Alert';
import { Ltr } from '../../ui/Ltr';
import { Card, Loading, PageHeader } from '../../ui/Page';

type Check = 'missing_location' | 'reverify_overdue' | 'implausible_birth_date' | 'shared_mobile';
type Summary = { checks: { check: Check; count: number }[]; duplicatesOpen: number; needsCorrection: number };
type CheckList = {
  check: Check;
  total: number;
  items: { id: string; fileNumber: string; fullName: string; mobileLocal: string; birthDate: string }[];
};
const linkClass = 'text-2xl font-semibold text-teal-800 underline underline-offset-4';

/** Counts of files with gaps or doubtful values (manager, admin); each count opens its list of files. */
export default function DataQualityPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { check } = useParams<{ check?: Check }>();
  const summary = useQuery({
    queryKey: ['data-quality'],
    queryFn: () => api.get<Summary>('/api/data-quality'),
    enabled: !check,
  });
  const list = useQuery({
    queryKey: ['data-quality', check],
    queryFn: () => api.get<CheckList>(`/api/data-quality/${check}`),
    enabled: Boolean(check),
  });
  if (check) {
    return (
      <>
        <PageHeader title={t('dataQuality.listTitle', { check: t(`dataQuality.checks.${check}`) })} />
        <Link href="/beneficiaries/quality" className="text-teal-800 underline">
          {t('dataQuality.back')}
        </Link>
        {list.error ? <ErrorAlert>{errorMessage(list.error)}</ErrorAlert> : null}
        {!list.data ? (
          <Loading label={t('dataQuality.title')} />
        ) : (
          <Card className="mt-4 flex flex-col gap-2">
            <p>{t('dataQuality.total', { n: format.number(list.data.total) })}</p>
            {list.data.items.length === 0 ? <p>{t('dataQuality.empty')}</p> : null}
            <ul className="flex flex-col divide-y divide-stone-200">
              {list.data.items.map((item) => (
                <li key={item.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 py-2">
                  <Link href={`/beneficiaries/${item.id}`} className="font-medium text-teal-800 underline">
                    {item.fullName}
                  </Link>
                  <span>
                    {t('dataQuality.fileNumber')}: <Ltr>{item.fileNumber}</Ltr>
                  </span>
                  <span>
                    {t('dataQuality.mobile')}: <Ltr>{item.mobileLocal}</Ltr>
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('dataQuality.title')} subtitle={t('dataQuality.subtitle')} />
      {summary.error ? <ErrorAlert>{errorMessage(summary.error)}</ErrorAlert> : null}
      {!summary.data ? (
        <Loading label={t('dataQuality.title')} />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {summary.data.checks.map((c) => (
            <li key={c.check}>
              <Card className="flex flex-col gap-1">
                <span>{t(`dataQuality.checks.${c.check}`)}</span>
                <Link href={`/beneficiaries/quality/${c.check}`} className={linkClass}>
                  {format.number(c.count)}
                </Link>
              </Card>
            </li>
          ))}
          <li>
            <Card className="flex flex-col gap-1">
              <span>{t('dataQuality.duplicatesOpen')}</span>
              <Link href="/beneficiaries/duplicates" className={linkClass}>
                {format.number(summary.data.duplicatesOpen)}
              </Link>
            </Card>
          </li>
          <li>
            <Card className="flex flex-col gap-1">
              <span>{t('dataQuality.needsCorrection')}</span>
              <Link href="/beneficiaries/quality/corrections" className={linkClass}>
                {format.number(summary.data.needsCorrection)}
              </Link>
            </Card>
          </li>
        </ul>
      )}
    </>
  );
}

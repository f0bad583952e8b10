import { Sprout } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { ErrorAlert } from '../../../ui/Alert';
import { Loading } from '../../../ui/Page';
import { SelectField } from '../../../ui/SelectField';
import { useUser } from '../../session';
import { useReportFormat } from './parts';
import { useCaseOwners, useMyFigures } from './queries';
import type { Period } from './types';

/**
 * "أرقامي": the signed-in person's own figures for the period, to follow their own work. The manager may open one
 * colleague's figures to support them; there is no list of everyone and no ranking (policy goal 6).
 */
export function MyFigures({ period, titleId }: { period: Period; titleId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const fmt = useReportFormat();
  const isManager = user.role === 'manager';
  const [personId, setPersonId] = useState(user.id);
  const owners = useCaseOwners(isManager);
  const figures = useMyFigures(period, personId === user.id ? null : personId);

  const people = [
    { id: user.id, label: t('reports.mine.me', { name: user.displayName }) },
    ...(owners.data ?? []).filter((p) => p.id !== user.id).map((p) => ({ id: p.id, label: p.name })),
  ];
  const data = figures.data;
  const items = data
    ? [
        { key: 'owned', label: t('reports.mine.casesOwned'), value: fmt.count(data.casesOwned) },
        { key: 'resolved', label: t('reports.mine.casesResolved'), value: fmt.count(data.casesResolved) },
        { key: 'ratings', label: t('reports.mine.namedRatings'), value: fmt.count(data.namedRatings) },
        {
          key: 'average',
          label: t('reports.mine.averageRating'),
          value:
            data.averageRating === null ? fmt.none : t('reports.outOf5', { value: fmt.rating(data.averageRating) }),
        },
      ]
    : [];

  return (
    <section aria-labelledby={titleId} className="rounded-lg border border-emerald-200 bg-emerald-50/50 p-3 sm:p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={titleId} className="flex items-center gap-2 text-lg font-bold text-slate-900">
            <Sprout aria-hidden="true" className="size-5 text-emerald-700" />
            {t('reports.mine.title')}
          </h2>
          <p className="mt-1 max-w-2xl text-sm text-slate-700">
            {isManager ? t('reports.mine.managerNote') : t('reports.mine.note')}
          </p>
        </div>
        {isManager ? (
          <SelectField
            label={t('reports.mine.person')}
            description={t('reports.mine.personHelp')}
            options={people}
            value={personId}
            onChange={(id) => id && setPersonId(id)}
            className="w-full sm:w-64"
          />
        ) : null}
      </div>
      {figures.isPending ? <Loading label={t('app.loading')} /> : null}
      {figures.isError ? <ErrorAlert className="mt-3">{errorMessage(figures.error)}</ErrorAlert> : null}
      {data ? (
        <dl className="mt-3 grid grid-cols-2 gap-3 lg:grid-cols-4">
          {items.map((item) => (
            <div key={item.key} className="rounded-md border border-emerald-100 bg-white p-3">
              <dt className="text-sm text-slate-600">{item.label}</dt>
              <dd data-kpi={`mine.${item.key}`} className="mt-1 text-xl font-bold text-slate-900 tabular-nums">
                {item.value}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}

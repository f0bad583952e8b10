import { ChevronDown } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/display';
import type { ScoreLine } from '../../api-types';
import { useEnumLabel } from '../beneficiaries/labels';

/**
 * The priority score and, on demand, each criterion of the selection mechanism with its fact, its points and its
 * weight — compact enough for an agenda item.
 */
export function ScoreBreakdown({ score, lines }: { score: number | null; lines: readonly ScoreLine[] | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  if (score === null) return <span className="text-slate-600">—</span>;
  const total = (
    <span className="font-bold text-slate-900">
      {t('application.committee.scoreOf', { score: format.number(score), max: format.number(100) })}
    </span>
  );
  if (!lines || lines.length === 0) return total;
  return (
    <details className="group">
      <summary className="inline-flex min-h-9 cursor-pointer list-none items-center gap-2 rounded-md [&::-webkit-details-marker]:hidden">
        {total}
        <span className="inline-flex items-center gap-1 text-sm text-brand-800 underline underline-offset-2">
          {t('committee.agenda.breakdown')}
          <ChevronDown aria-hidden="true" className="size-4 transition-transform group-open:rotate-180" />
        </span>
      </summary>
      <ul className="mt-2 flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200 bg-white text-sm">
        {lines.map((line) => (
          <li key={line.key} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5 px-3 py-2">
            <span className="min-w-0">
              <span className="font-medium text-slate-900">{enumLabel('criterion', line.key)}</span>
              <span className="ms-2 text-slate-600">
                <Detail line={line} />
              </span>
            </span>
            <span className="shrink-0 text-slate-800">
              {t('committee.agenda.points', { points: format.number(line.points), weight: format.number(line.weight) })}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The criterion's fact in words, as on the application page. */
function Detail({ line }: { line: ScoreLine }) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  const [a, b] = line.detail.split('/').map(Number);
  const values =
    a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b)
      ? { value: format.number(a), limit: format.number(b) }
      : null;
  if (line.key === 'disability') return <>{line.detail === 'yes' ? t('app.yes') : t('app.no')}</>;
  if (line.key === 'water_source') return <>{enumLabel('waterSource', line.detail)}</>;
  if (!values) return <>{line.detail}</>;
  if (line.key === 'income_per_person') return <>{t('application.committee.incomeDetail', values)}</>;
  if (line.key === 'storage_per_person') return <>{t('application.committee.storageDetail', values)}</>;
  if (line.key === 'elderly') return <>{t('application.committee.age', values)}</>;
  return <>{t('application.committee.ofMax', values)}</>;
}

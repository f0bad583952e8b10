import { FileSpreadsheet, FileText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { buttonClass } from '../../../ui/Button';
import { exportHref } from './queries';
import { EXPORT_DATASETS, type Period } from './types';

/**
 * Downloads of the period's lists, one dataset at a time: Excel (right-to-left sheets) or CSV. Lists of people are
 * personal data, so only roles that may read the files see this (the server checks again and audits each export).
 */
export function Exports({ period, titleId }: { period: Period & { branchId?: string | null }; titleId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={titleId} className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <h2 id={titleId} className="text-lg font-bold text-slate-900">
        {t('reports.exports.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('reports.exports.note')}</p>
      <ul className="mt-3 divide-y divide-slate-100">
        {EXPORT_DATASETS.map((dataset) => {
          const name = t(`reports.exports.datasets.${dataset}`);
          return (
            <li key={dataset} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="font-medium text-slate-800">{name}</span>
              <span className="flex gap-2">
                <a
                  href={exportHref(dataset, 'xlsx', period)}
                  download
                  aria-label={t('reports.exports.excelLabel', { dataset: name })}
                  className={buttonClass('secondary', 'min-h-9 px-3')}
                >
                  <FileSpreadsheet aria-hidden="true" className="size-4 text-emerald-700" />
                  {t('reports.exports.excel')}
                </a>
                <a
                  href={exportHref(dataset, 'csv', period)}
                  download
                  aria-label={t('reports.exports.csvLabel', { dataset: name })}
                  className={buttonClass('secondary', 'min-h-9 px-3')}
                >
                  <FileText aria-hidden="true" className="size-4 text-slate-600" />
                  {t('reports.exports.csv')}
                </a>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

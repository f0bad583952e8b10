import { ChevronDown } from 'lucide-react';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/display';
import { cx } from '../../../ui/cx';

/** Number helpers that keep the user's digits: counts, one decimal, shares as percentages, "— " for no value. */
export function useReportFormat() {
  const { t } = useTranslation();
  const format = useFormat();
  const none = t('reports.none');
  return {
    count: (n: number) => format.number(n),
    decimal: (n: number | null) => (n === null ? none : format.number(Math.round(n * 10) / 10)),
    share: (share: number | null) =>
      share === null ? none : t('reports.percent', { value: format.number(Math.round(share * 1000) / 10) }),
    rating: (n: number | null) => (n === null ? none : format.number(Math.round(n * 100) / 100)),
    none,
  };
}

/** A section of the dashboard with its heading. */
export function ReportSection({
  id,
  title,
  note,
  children,
}: {
  id: string;
  title: string;
  note?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mt-8 first:mt-0">
      <h2 id={id} className="text-lg font-bold text-slate-900">
        {title}
      </h2>
      {note ? <div className="mt-1 text-sm text-slate-600">{note}</div> : null}
      <div className="mt-3 flex flex-col gap-4">{children}</div>
    </section>
  );
}

/** Headline figures: a description list of tiles. */
export function Tiles({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={cx('grid grid-cols-2 gap-3 lg:grid-cols-4', className)}>{children}</dl>;
}

export function Tile({
  kpi,
  label,
  value,
  hint,
  badge,
}: {
  /** A stable name for the figure (tests and exports read it). */
  kpi: string;
  label: string;
  value: string;
  hint?: ReactNode;
  badge?: ReactNode;
}) {
  const { t } = useTranslation();
  // Every figure says how it is computed (a footnote that opens in place, on a phone too).
  const definition = t(`work.kpi.${kpi}` as 'work.kpi.label', { defaultValue: '' });
  return (
    <div className="flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd data-kpi={kpi} className="mt-1 text-2xl font-bold text-slate-900 tabular-nums">
        {value}
      </dd>
      {badge ? <dd className="mt-1">{badge}</dd> : null}
      {hint ? <dd className="mt-1 text-xs leading-relaxed text-slate-600">{hint}</dd> : null}
      {definition ? (
        <dd className="mt-auto pt-2 text-xs leading-relaxed text-slate-600">
          <details>
            <summary className="cursor-pointer text-brand-800">{t('work.kpi.label')}</summary>
            <p className="mt-1">{definition}</p>
          </details>
        </dd>
      ) : null}
    </div>
  );
}

export type Column = { key: string; label: string; numeric?: boolean };
export type Row = { key: string; cells: Record<string, ReactNode> };

/** The figures behind a chart, as a small table (what screen readers read, and what can be copied). */
export function DataTable({ caption, columns, rows }: { caption: string; columns: Column[]; rows: Row[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={cx('px-3 py-2 font-medium', column.numeric ? 'text-end' : 'text-start')}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key}>
              {columns.map((column, index) =>
                index === 0 ? (
                  <th key={column.key} scope="row" className="px-3 py-1.5 text-start font-normal text-slate-800">
                    {row.cells[column.key]}
                  </th>
                ) : (
                  <td
                    key={column.key}
                    className={cx('px-3 py-1.5 text-slate-800', column.numeric && 'text-end tabular-nums')}
                  >
                    {row.cells[column.key]}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A chart with its title and unit, and its table under it (folded; opened on demand). The chart is a picture of
 * the table, so it is hidden from screen readers; the table is always in the page.
 */
export function ChartCard({
  title,
  unit,
  note,
  isEmpty,
  chart,
  table,
  className,
}: {
  title: string;
  unit: string;
  note?: string;
  isEmpty: boolean;
  chart: ReactNode;
  table: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className={cx('flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-3 sm:p-4', className)}
    >
      <h3 id={id} className="font-bold text-slate-900">
        {title}
      </h3>
      <p className="text-xs text-slate-600">
        {unit}
        {note ? ` · ${note}` : null}
      </p>
      {isEmpty ? (
        <p className="mt-4 rounded-md bg-slate-50 px-3 py-6 text-center text-slate-600">{t('reports.noData')}</p>
      ) : (
        <>
          <div aria-hidden="true" dir="ltr" className="mt-3 min-w-0">
            {chart}
          </div>
          <details className="group mt-2 border-t border-slate-100 pt-2">
            <summary className="flex min-h-9 cursor-pointer list-none items-center gap-1 rounded text-sm font-medium text-brand-800 hover:text-brand-900 [&::-webkit-details-marker]:hidden">
              <ChevronDown aria-hidden="true" className="size-4 transition-transform group-open:rotate-180" />
              {t('reports.showTable')}
              <span className="sr-only">: {title}</span>
            </summary>
            <div className="mt-2">{table}</div>
          </details>
        </>
      )}
    </section>
  );
}

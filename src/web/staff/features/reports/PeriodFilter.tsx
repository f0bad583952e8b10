import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIsoDate } from '../../../../common/dates';
import { useDisplay, useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { TextField } from '../../../ui/fields';
import { SegmentedControl } from '../../../ui/SegmentedControl';
import { SelectField } from '../../../ui/SelectField';
import { useBranches } from '../../queries';
import {
  CALENDAR_MODES,
  type CalendarMode,
  gregorianMonth,
  hijriMonth,
  MODE_PARAM,
  monthName,
  type PeriodChoice,
  recentMonths,
} from './period';

export type PeriodChange = Record<string, string | null>;

const ALL = 'all';

/**
 * The report's period and branch: a Gregorian or Hijri month from a list (this month first), or a range of days;
 * the chosen days are repeated under it in both calendars.
 */
export function PeriodFilter({
  choice,
  today,
  onChange,
}: {
  choice: PeriodChoice;
  today: string;
  onChange: (change: PeriodChange) => void;
}) {
  const { t, i18n } = useTranslation();
  const display = useDisplay();
  const format = useFormat();
  const branches = useBranches();
  const { mode } = choice;

  const months =
    mode === 'custom'
      ? []
      : recentMonths(mode, today).flatMap((id) => {
          const period = (mode === 'hijri' ? hijriMonth : gregorianMonth)(id);
          return period ? [{ id, label: monthName(mode, period.from, display) }] : [];
        });

  const branchOptions = [
    { id: ALL, label: t('reports.period.allBranches') },
    ...(branches.data ?? []).map((b) => ({
      id: b.id,
      label: (i18n.language === 'en' ? b.nameEn : b.nameAr) || b.nameAr,
    })),
  ];

  function changeMode(next: CalendarMode) {
    if (next === mode) return;
    // A custom range starts from the days shown now, so switching keeps the picture.
    if (next === 'custom') onChange({ cal: MODE_PARAM.custom, month: null, from: choice.from, to: choice.to });
    else onChange({ cal: next === 'gregorian' ? null : MODE_PARAM[next], month: null, from: null, to: null });
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <div className="flex flex-col gap-3 lg:flex-row lg:flex-wrap lg:items-end">
        <div className="flex flex-col gap-1">
          <span aria-hidden="true" className="text-sm font-medium text-slate-800">
            {t('reports.period.calendar')}
          </span>
          <SegmentedControl
            label={t('reports.period.calendar')}
            value={mode}
            onChange={(value) => changeMode(value as CalendarMode)}
            segments={CALENDAR_MODES.map((id) => ({ id, label: t(`reports.period.${id}`) }))}
          />
        </div>
        {mode === 'custom' ? (
          <CustomRange choice={choice} onChange={onChange} />
        ) : (
          <SelectField
            label={t('reports.period.month')}
            options={months}
            value={choice.month}
            onChange={(month) => month && onChange({ month: month === months[0]?.id ? null : month })}
            className="sm:min-w-56"
          />
        )}
        <SelectField
          label={t('reports.period.branch')}
          options={branchOptions}
          value={choice.branchId ?? ALL}
          onChange={(id) => onChange({ branch: !id || id === ALL ? null : id })}
          className="sm:min-w-48"
        />
      </div>
      {choice.invalid ? (
        <ErrorAlert className="mt-3">{t('reports.period.order')}</ErrorAlert>
      ) : (
        <p className="mt-3 text-sm font-medium text-slate-800">
          {t('reports.period.range', { from: format.dual(choice.from), to: format.dual(choice.to) })}
        </p>
      )}
    </div>
  );
}

/** Two date boxes; a date goes to the address bar once it is a whole, real date. */
function CustomRange({ choice, onChange }: { choice: PeriodChoice; onChange: (change: PeriodChange) => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(choice.from);
  const [to, setTo] = useState(choice.to);
  const set = (key: 'from' | 'to', value: string) => {
    (key === 'from' ? setFrom : setTo)(value);
    const date = parseIsoDate(value);
    if (date) onChange({ [key]: date });
  };
  return (
    <div className="grid grid-cols-2 gap-3 sm:flex">
      <TextField label={t('reports.period.from')} type="date" ltr value={from} onChange={(v) => set('from', v)} />
      <TextField label={t('reports.period.to')} type="date" ltr value={to} onChange={(v) => set('to', v)} />
    </div>
  );
}

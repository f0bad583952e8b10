import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '../../../../common/arabic';
import { hijriToGregorian, parseIsoDate } from '../../../../common/dates';
import type { HolidayRange } from '../../../../common/domain/settings';
import { useFormat } from '../../../lib/display';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { RadioGroupField } from '../../../ui/RadioGroupField';

/** Ranges from the saved settings; single days saved before ranges existed become one-day ranges. */
export function initialRanges(ranges: readonly HolidayRange[], days: readonly string[], fallbackName: string) {
  const covered = (d: string) => ranges.some((r) => r.from <= d && d <= r.to);
  return [
    ...ranges,
    ...days
      .filter((d) => !covered(d))
      .map((d) => ({ nameAr: fallbackName, from: d, to: d, calendar: 'gregorian' as const })),
  ].sort((a, b) => a.from.localeCompare(b.from));
}

type Triple = { day: string; month: string; year: string };
const empty: Triple = { day: '', month: '', year: '' };
const toIso = (calendar: 'hijri' | 'gregorian', date: Triple | string): string | null => {
  if (typeof date === 'string') return parseIsoDate(date);
  const [d, m, y] = [date.day, date.month, date.year].map((s) => Number(toLatinDigits(s).trim()));
  if (!d || !m || !y) return null;
  return calendar === 'hijri' ? hijriToGregorian(y, m, d) : null;
};

/** The list of named holidays, and a small form that adds one typed in the Hijri or the Gregorian calendar. */
export function HolidayRanges({ value, onChange }: { value: HolidayRange[]; onChange: (v: HolidayRange[]) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [name, setName] = useState('');
  const [calendar, setCalendar] = useState<'hijri' | 'gregorian'>('hijri');
  const [fromH, setFromH] = useState<Triple>(empty);
  const [toH, setToH] = useState<Triple>(empty);
  const [fromG, setFromG] = useState('');
  const [toG, setToG] = useState('');
  const from = calendar === 'hijri' ? toIso('hijri', fromH) : toIso('gregorian', fromG);
  const to = calendar === 'hijri' ? toIso('hijri', toH) : toIso('gregorian', toG);
  const days = from && to ? Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1 : 0;
  const problem =
    from && to
      ? days < 1
        ? t('setup.holidays.endBeforeStart')
        : days > 60
          ? t('setup.holidays.tooLong')
          : null
      : null;
  const canAdd = name.trim().length >= 2 && from && to && !problem;

  function add() {
    if (!canAdd || !from || !to) return;
    onChange([...value, { nameAr: name.trim(), from, to, calendar }].sort((a, b) => a.from.localeCompare(b.from)));
    setName('');
    setFromH(empty);
    setToH(empty);
    setFromG('');
    setToG('');
  }

  const show = (r: HolidayRange, iso: string) => (r.calendar === 'hijri' ? format.hijri(iso) : format.gregorian(iso));
  const other = (r: HolidayRange, iso: string) => (r.calendar === 'hijri' ? format.gregorian(iso) : format.hijri(iso));

  return (
    <div className="flex flex-col gap-3">
      {value.length === 0 ? (
        <p className="text-sm text-slate-700">{t('admin.settings.holidaysEmpty')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100" aria-label={t('setup.holidays.listLabel')}>
          {value.map((r, i) => (
            <li key={`${r.from}-${r.nameAr}`} className="flex items-center justify-between gap-2 py-2">
              <div className="min-w-0 text-sm">
                <p className="font-medium text-slate-900">{r.nameAr}</p>
                <p className="text-slate-700">
                  {r.from === r.to
                    ? show(r, r.from)
                    : t('setup.holidays.range', { from: show(r, r.from), to: show(r, r.to) })}
                  <span className="text-xs text-slate-600">
                    {' '}
                    (
                    {r.from === r.to
                      ? other(r, r.from)
                      : t('setup.holidays.range', { from: other(r, r.from), to: other(r, r.to) })}
                    )
                  </span>
                </p>
              </div>
              <Button
                variant="ghost"
                className="min-h-9 px-2"
                aria-label={t('setup.holidays.remove', { name: r.nameAr })}
                onPress={() => onChange(value.filter((_, j) => j !== i))}
              >
                <Trash2 aria-hidden="true" className="size-4" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{t('setup.holidays.add')}</legend>
        <TextField
          label={t('setup.holidays.name')}
          placeholder={t('setup.holidays.namePlaceholder')}
          value={name}
          onChange={setName}
        />
        <RadioGroupField
          label={t('setup.holidays.calendar')}
          value={calendar}
          onChange={(v) => setCalendar(v === 'gregorian' ? 'gregorian' : 'hijri')}
          orientation="horizontal"
          options={[
            { id: 'hijri', label: t('setup.holidays.hijri') },
            { id: 'gregorian', label: t('setup.holidays.gregorian') },
          ]}
        />
        {calendar === 'hijri' ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <HijriInput legend={t('setup.holidays.from')} value={fromH} onChange={setFromH} iso={from} />
            <HijriInput legend={t('setup.holidays.to')} value={toH} onChange={setToH} iso={to} />
          </div>
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label={t('setup.holidays.from')}
              type="date"
              ltr
              value={fromG}
              onChange={setFromG}
              description={from ? format.hijri(from) : undefined}
            />
            <TextField
              label={t('setup.holidays.to')}
              type="date"
              ltr
              value={toG}
              onChange={setToG}
              description={to ? format.hijri(to) : undefined}
            />
          </div>
        )}
        {problem ? <p className="text-sm font-medium text-red-700">{problem}</p> : null}
        {canAdd ? (
          <p className="text-sm text-slate-700">{t('setup.holidays.days', { n: format.number(days) })}</p>
        ) : null}
        <div>
          <Button isDisabled={!canAdd} onPress={add}>
            <Plus aria-hidden="true" className="size-4" />
            {t('setup.holidays.addButton')}
          </Button>
        </div>
      </fieldset>
    </div>
  );
}

function HijriInput({
  legend,
  value,
  onChange,
  iso,
}: {
  legend: string;
  value: Triple;
  onChange: (v: Triple) => void;
  iso: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const typed = value.day && value.month && value.year;
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 grid grid-cols-3 gap-2">
        {(['day', 'month', 'year'] as const).map((part) => (
          <TextField
            key={part}
            label={t(`setup.holidays.${part}`)}
            value={value[part]}
            onChange={(v) => onChange({ ...value, [part]: v })}
            ltr
            inputClassName="rtl:text-right"
            inputProps={{ inputMode: 'numeric', placeholder: part === 'year' ? '1447' : '' }}
          />
        ))}
      </div>
      <p className={`mt-1 text-xs ${typed && !iso ? 'font-medium text-red-700' : 'text-slate-600'}`}>
        {iso ? format.gregorian(iso) : typed ? t('setup.holidays.noSuchDate') : t('setup.holidays.hijriHelp')}
      </p>
    </fieldset>
  );
}

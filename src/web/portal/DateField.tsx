import applyStrings from 'virtual:portal-strings/apply';
import { formatDual } from '../../common/dates';
import { addStrings, dateDisplay, list, num, t } from './i18n';
import { cx, FieldError, fieldId, inputClass } from './ui';
import { type DateValue, dateIso } from './validate';

addStrings({ apply: applyStrings });

/**
 * A date as day, month and year in the calendar the person knows it in (Hijri, as on most Saudi IDs, or
 * Gregorian). When the date exists, the same day in both calendars is shown under it, so a slip is easy to see.
 */
export function DateField({
  name,
  legend,
  value,
  onChange,
  error,
  small,
}: {
  name: string;
  legend: string;
  value: DateValue;
  onChange: (value: DateValue) => void;
  error?: string;
  small?: boolean;
}) {
  const id = fieldId(name);
  const months = list(value.calendar === 'hijri' ? 'app.hijriMonths' : 'app.gregorianMonths');
  const iso = dateIso(value);
  const set = (patch: Partial<DateValue>) => onChange({ ...value, ...patch });
  const describedBy = [iso ? `${id}-equals` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset aria-describedby={describedBy} className="space-y-3">
      <legend className={cx('mb-2 font-bold text-slate-900', small ? 'text-base' : 'text-lg')}>{legend}</legend>
      <div role="radiogroup" aria-label={t('apply.date.calendar')} className="inline-flex rounded-lg bg-slate-200 p-1">
        {(['hijri', 'gregorian'] as const).map((calendar) => (
          <label
            key={calendar}
            className={cx(
              'flex min-h-11 min-w-24 cursor-pointer items-center justify-center rounded-md px-4 font-bold',
              'has-checked:bg-white has-checked:text-brand-900 has-checked:shadow-sm has-focus-visible:outline-3',
              'has-focus-visible:outline-brand-600',
              value.calendar === calendar ? '' : 'text-slate-800',
            )}
          >
            <input
              type="radio"
              name={`${id}-calendar`}
              className="sr-only"
              checked={value.calendar === calendar}
              onChange={() => set({ calendar, month: '' })}
            />
            {t(calendar === 'hijri' ? 'apply.date.hijri' : 'apply.date.gregorian')}
          </label>
        ))}
      </div>
      <div className="grid grid-cols-[5rem_1fr_6.5rem] gap-2">
        <div className="space-y-1">
          <label htmlFor={id} className="block text-sm font-bold">
            {t('apply.date.day')}
          </label>
          <input
            id={id}
            inputMode="numeric"
            autoComplete="off"
            maxLength={2}
            dir="ltr"
            value={value.day}
            onChange={(event) => set({ day: event.target.value })}
            aria-invalid={error ? true : undefined}
            className={cx(inputClass, 'text-center')}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-month`} className="block text-sm font-bold">
            {t('apply.date.month')}
          </label>
          <select
            id={`${id}-month`}
            value={value.month}
            onChange={(event) => set({ month: event.target.value })}
            aria-invalid={error ? true : undefined}
            className={cx(inputClass, 'px-2')}
          >
            <option value="">{t('apply.date.chooseMonth')}</option>
            {months.map((month, index) => (
              <option key={month} value={String(index + 1)}>
                {num(index + 1)} - {month}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-year`} className="block text-sm font-bold">
            {t('apply.date.year')}
          </label>
          <input
            id={`${id}-year`}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            dir="ltr"
            placeholder={num(value.calendar === 'hijri' ? '1400' : '1980')}
            value={value.year}
            onChange={(event) => set({ year: event.target.value })}
            aria-invalid={error ? true : undefined}
            className={cx(inputClass, 'text-center')}
          />
        </div>
      </div>
      {iso ? (
        <p id={`${id}-equals`} className="text-sm text-slate-700">
          {t('apply.date.equals', { date: formatDual(iso, dateDisplay()) })}
        </p>
      ) : null}
      <FieldError name={name}>{error}</FieldError>
    </fieldset>
  );
}

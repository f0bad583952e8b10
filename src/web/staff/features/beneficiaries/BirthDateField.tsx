import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/display';
import { TextField } from '../../../ui/fields';
import { SegmentedControl } from '../../../ui/SegmentedControl';
import { birthDateIso, numberInputClass, parseWhole } from './form-values';

export type BirthDateValue = { calendar: 'gregorian' | 'hijri'; day: string; month: string; year: string };

/**
 * A birth date typed as day, month and year, in the Hijri (Umm al-Qura) or Gregorian calendar, with the same day
 * in the other calendar shown under it so the officer can check it against the ID card.
 */
export function BirthDateField({
  value,
  onChange,
  error,
}: {
  value: BirthDateValue;
  onChange: (value: BirthDateValue) => void;
  /** The server's or the form's message for the date as a whole. */
  error?: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const iso = birthDateIso(value.calendar, value.day, value.month, value.year);
  const complete = Boolean(value.day.trim() && value.month.trim() && value.year.trim());
  const part = (key: 'day' | 'month' | 'year') => (text: string) => onChange({ ...value, [key]: text });
  const range = (min: number, max: number) => (text: string) => {
    const n = parseWhole(text);
    if (!text.trim()) return t('app.required');
    return n === null || n < min || n > max ? t('registration.fields.dateInvalid') : null;
  };
  const yearRange: [number, number] = value.calendar === 'hijri' ? [1300, 1500] : [1880, 2100];

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={`${id}-equals ${id}-error`}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{t('registration.fields.birthDate')}</legend>
      <SegmentedControl
        label={t('registration.fields.calendar')}
        value={value.calendar}
        onChange={(calendar) => onChange({ ...value, calendar: calendar === 'gregorian' ? 'gregorian' : 'hijri' })}
        segments={[
          { id: 'hijri', label: t('registration.fields.hijri') },
          { id: 'gregorian', label: t('registration.fields.gregorian') },
        ]}
      />
      <div className="grid grid-cols-[1fr_1fr_1.4fr] gap-2 sm:max-w-sm">
        <TextField
          label={t('registration.fields.day')}
          name="birthDate.day"
          value={value.day}
          onChange={part('day')}
          ltr
          inputClassName={numberInputClass}
          isRequired
          validate={range(1, 31)}
          inputProps={{ inputMode: 'numeric', maxLength: 2, autoComplete: 'off' }}
        />
        <TextField
          label={t('registration.fields.month')}
          name="birthDate.month"
          value={value.month}
          onChange={part('month')}
          ltr
          inputClassName={numberInputClass}
          isRequired
          validate={range(1, 12)}
          inputProps={{ inputMode: 'numeric', maxLength: 2, autoComplete: 'off' }}
        />
        <TextField
          label={t('registration.fields.year')}
          name="birthDate.year"
          value={value.year}
          onChange={part('year')}
          ltr
          inputClassName={numberInputClass}
          isRequired
          validate={range(...yearRange)}
          inputProps={{ inputMode: 'numeric', maxLength: 4, autoComplete: 'off' }}
        />
      </div>
      <p id={`${id}-equals`} className="text-sm text-slate-700" aria-live="polite">
        {iso
          ? t('registration.fields.equals', {
              date: value.calendar === 'hijri' ? format.gregorian(iso) : format.hijri(iso),
            })
          : null}
      </p>
      <p id={`${id}-error`} className="text-xs font-medium text-red-700">
        {error ?? (complete && !iso ? t('registration.fields.dateInvalid') : null)}
      </p>
    </fieldset>
  );
}

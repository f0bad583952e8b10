import { HeartHandshake, MessageSquareText, Plus, X } from 'lucide-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { toLatinDigits } from '../../../common/arabic';
import { parseIsoDate } from '../../../common/dates';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Button, buttonClass } from '../../ui/Button';
import { Checkbox, TextField } from '../../ui/fields';
import { Loading, PageHeader } from '../../ui/Page';
import { useSaveSettings, useWorkSettings } from '../features/admin/queries';
import type { WorkSettings } from '../features/admin/types';

const WEEK = [0, 1, 2, 3, 4, 5, 6] as const;

const toTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
function toMinutes(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
function whole(text: string): number | null {
  const clean = toLatinDigits(text).trim();
  return /^\d{1,3}$/.test(clean) ? Number(clean) : null;
}

/**
 * إعدادات الجمعية: the settings staff feel every day — the committee's target days (told to every applicant), the
 * appeal window, and the working calendar the response and resolution clocks run on.
 */
export default function SettingsPage() {
  const { t } = useTranslation();
  const settings = useWorkSettings();
  const [notice, setNotice] = useState<ReactNode>(null);
  return (
    <>
      <PageHeader title={t('admin.settings.title')} subtitle={t('admin.settings.subtitle')} />
      <nav aria-label={t('admin.settings.more')} className="mb-5 flex flex-wrap gap-2">
        <Link href="/admin/templates" className={buttonClass('secondary')}>
          <MessageSquareText aria-hidden="true" className="size-4" />
          {t('admin.nav.templates')}
        </Link>
        <Link href="/admin/survey" className={buttonClass('secondary')}>
          <HeartHandshake aria-hidden="true" className="size-4" />
          {t('surveys.nav')}
        </Link>
      </nav>
      <SuccessNotice className="mb-4">{notice}</SuccessNotice>
      {settings.isPending ? <Loading label={t('app.loading')} /> : null}
      {settings.isError ? <ErrorAlert>{errorMessage(settings.error)}</ErrorAlert> : null}
      {settings.data ? (
        <SettingsForm
          initial={settings.data}
          onChange={() => setNotice(null)}
          onSaved={() => setNotice(t('admin.settings.saved'))}
        />
      ) : null}
    </>
  );
}

function SettingsForm({
  initial,
  onChange,
  onSaved,
}: {
  initial: WorkSettings;
  onChange: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSaveSettings();
  const [target, setTarget] = useState(String(initial.committeeTargetDays));
  const [appeal, setAppeal] = useState(String(initial.appealWindowDays));
  const [days, setDays] = useState<number[]>(initial.workDays);
  const [start, setStart] = useState(toTime(initial.workStartMinute));
  const [end, setEnd] = useState(toTime(initial.workEndMinute));
  const [holidays, setHolidays] = useState<string[]>([...initial.publicHolidays].sort());
  const [holiday, setHoliday] = useState('');
  const weekdays = t('admin.settings.weekdays', { returnObjects: true }) as unknown as Record<string, string>;
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      onChange();
      set(value);
    };

  const startMinute = toMinutes(start);
  const endMinute = toMinutes(end);
  const hoursInvalid = startMinute !== null && endMinute !== null && startMinute >= endMinute;
  const newHoliday = parseIsoDate(holiday);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const committeeTargetDays = whole(target);
    const appealWindowDays = whole(appeal);
    if (committeeTargetDays === null || appealWindowDays === null || startMinute === null || endMinute === null) return;
    if (hoursInvalid || days.length === 0) return;
    const next: WorkSettings = {
      committeeTargetDays,
      appealWindowDays,
      workDays: [...days].sort(),
      workStartMinute: startMinute,
      workEndMinute: endMinute,
      publicHolidays: holidays,
    };
    // Only what changed is sent, so two admins editing different settings do not undo each other.
    const patch = Object.fromEntries(
      Object.entries(next).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(initial[key as keyof WorkSettings]),
      ),
    ) as Partial<WorkSettings>;
    if (Object.keys(patch).length === 0) {
      onSaved();
      return;
    }
    save.mutate(patch, { onSuccess: onSaved });
  }

  const range = (min: number, max: number) => (v: string) => {
    const n = whole(v);
    return n !== null && n >= min && n <= max
      ? null
      : t('admin.settings.range', { min: format.number(min), max: format.number(max) });
  };

  return (
    <Form onSubmit={submit} className="flex max-w-3xl flex-col gap-6">
      <section aria-labelledby="settings-committee" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="settings-committee" className="mb-3 font-bold text-slate-900">
          {t('admin.settings.committee')}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('admin.settings.committeeTargetDays')}
            description={t('admin.settings.committeeTargetHelp')}
            value={target}
            onChange={changed(setTarget)}
            isRequired
            ltr
            inputClassName="rtl:text-right"
            validate={range(1, 120)}
            inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
          />
          <TextField
            label={t('admin.settings.appealWindowDays')}
            description={t('admin.settings.appealHelp')}
            value={appeal}
            onChange={changed(setAppeal)}
            isRequired
            ltr
            inputClassName="rtl:text-right"
            validate={range(0, 365)}
            inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
          />
        </div>
      </section>

      <section aria-labelledby="settings-work" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="settings-work" className="font-bold text-slate-900">
          {t('admin.settings.work')}
        </h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">{t('admin.settings.workHelp')}</p>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t('admin.settings.workDays')}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4">
            {WEEK.map((day) => (
              <Checkbox
                key={day}
                isSelected={days.includes(day)}
                onChange={(on) => changed(setDays)(on ? [...days, day] : days.filter((d) => d !== day))}
              >
                {weekdays[String(day)] ?? String(day)}
              </Checkbox>
            ))}
          </div>
          {days.length === 0 ? <p className="text-xs font-medium text-red-700">{t('admin.settings.noDays')}</p> : null}
        </fieldset>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('admin.settings.workStart')}
            type="time"
            ltr
            value={start}
            onChange={changed(setStart)}
            isRequired
          />
          <TextField
            label={t('admin.settings.workEnd')}
            type="time"
            ltr
            value={end}
            onChange={changed(setEnd)}
            isRequired
            isInvalid={hoursInvalid}
            errorMessage={hoursInvalid ? t('admin.settings.endBeforeStart') : undefined}
          />
        </div>
      </section>

      <section aria-labelledby="settings-holidays" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="settings-holidays" className="font-bold text-slate-900">
          {t('admin.settings.holidays')}
        </h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">{t('admin.settings.holidaysHelp')}</p>
        {holidays.length === 0 ? (
          <p className="mb-3 text-sm text-slate-700">{t('admin.settings.holidaysEmpty')}</p>
        ) : (
          <ul className="mb-3 flex flex-col divide-y divide-slate-100">
            {holidays.map((date) => (
              <li key={date} className="flex items-center justify-between gap-2 py-1.5">
                <time dateTime={date} className="text-sm text-slate-800">
                  {format.dual(date)}
                </time>
                <Button
                  variant="ghost"
                  className="min-h-9 px-2"
                  aria-label={t('admin.settings.holidayRemove', { date: format.dual(date) })}
                  onPress={() => changed(setHolidays)(holidays.filter((d) => d !== date))}
                >
                  <X aria-hidden="true" className="size-4" />
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-end gap-2">
          <TextField
            label={t('admin.settings.holidayDate')}
            type="date"
            ltr
            value={holiday}
            onChange={setHoliday}
            description={newHoliday ? format.hijri(newHoliday) : undefined}
          />
          <Button
            isDisabled={!newHoliday || holidays.includes(newHoliday)}
            className={newHoliday ? 'mb-5' : undefined}
            onPress={() => {
              if (!newHoliday) return;
              changed(setHolidays)([...holidays, newHoliday].sort());
              setHoliday('');
            }}
          >
            <Plus aria-hidden="true" className="size-4" />
            {t('admin.settings.holidayAdd')}
          </Button>
        </div>
      </section>

      {save.isError ? <ErrorAlert>{errorMessage(save.error)}</ErrorAlert> : null}
      <div>
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {save.isPending ? t('app.saving') : t('admin.settings.save')}
        </Button>
      </div>
    </Form>
  );
}

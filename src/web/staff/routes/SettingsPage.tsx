import { HeartHandshake, MessageSquareText } from 'lucide-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { toLatinDigits } from '../../../common/arabic';
import { riyadhDate } from '../../../common/dates';
import type { HolidayRange } from '../../../common/domain/settings';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Button, buttonClass } from '../../ui/Button';
import { Checkbox, TextField } from '../../ui/fields';
import { Loading, PageHeader } from '../../ui/Page';
import { HolidayRanges, initialRanges } from '../features/admin/HolidayRanges';
import { useSaveSettings, useWorkSettings } from '../features/admin/queries';
import type { WorkSettings } from '../features/admin/types';
import { useUnsavedGuard } from '../features/admin/useUnsavedGuard';

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
      {settings.isPending ? <Loading label={t('app.loading')} /> : null}
      {settings.isError ? <ErrorAlert>{errorMessage(settings.error)}</ErrorAlert> : null}
      {settings.data ? (
        <SettingsForm
          initial={settings.data}
          onChange={() => setNotice(null)}
          onSaved={() => setNotice(t('admin.settings.saved'))}
          notice={notice}
        />
      ) : null}
    </>
  );
}

function SettingsForm({
  initial,
  onChange,
  onSaved,
  notice,
}: {
  initial: WorkSettings;
  onChange: () => void;
  onSaved: () => void;
  /** Shown beside the save button, where the eye is when saving. */
  notice: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSaveSettings();
  const [target, setTarget] = useState(String(initial.committeeTargetDays));
  const [appeal, setAppeal] = useState(String(initial.appealWindowDays));
  const [surveyDays, setSurveyDays] = useState(String(initial.surveyIntervalDays));
  const [minutesNo, setMinutesNo] = useState(initial.boardApprovalMinutesNo);
  const [boardDate, setBoardDate] = useState(initial.boardApprovalDate);
  const [days, setDays] = useState<number[]>(initial.workDays);
  const [start, setStart] = useState(toTime(initial.workStartMinute));
  const [end, setEnd] = useState(toTime(initial.workEndMinute));
  const savedRanges = (initial as WorkSettings & { holidayRanges?: HolidayRange[] }).holidayRanges ?? [];
  const [base, setBase] = useState(() => ({
    ...initial,
    holidayRanges: initialRanges(savedRanges, initial.publicHolidays, t('setup.holidays.legacyName')),
  }));
  const [ranges, setRanges] = useState<HolidayRange[]>(base.holidayRanges);
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
  const minutesClean = toLatinDigits(minutesNo).trim();
  const minutesInvalid = !/^[0-9A-Za-z/ -]{1,20}$/.test(minutesClean);
  // The board met on a day that has come; the server refuses a later date too.
  const boardDateInvalid = !/^\d{4}-\d{2}-\d{2}$/.test(boardDate) || boardDate > riyadhDate(new Date());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const committeeTargetDays = whole(target);
    const appealWindowDays = whole(appeal);
    if (committeeTargetDays === null || appealWindowDays === null || startMinute === null || endMinute === null) return;
    const surveyIntervalDays = whole(surveyDays);
    if (surveyIntervalDays === null || surveyIntervalDays < 1 || surveyIntervalDays > 365) return;
    if (hoursInvalid || days.length === 0 || minutesInvalid || boardDateInvalid) return;
    const patch = changedFields();
    if (!patch) {
      onSaved();
      return;
    }
    save.mutate(patch, {
      onSuccess: (saved) => {
        const savedRanges = (saved as WorkSettings & { holidayRanges?: HolidayRange[] }).holidayRanges ?? ranges;
        setBase({
          ...saved,
          holidayRanges: initialRanges(savedRanges, saved.publicHolidays, t('setup.holidays.legacyName')),
        });
        onSaved();
      },
    });
  }

  // Only what changed is sent, so two admins editing different settings do not undo each other.
  function changedFields() {
    const committeeTargetDays = whole(target);
    const appealWindowDays = whole(appeal);
    const next = {
      committeeTargetDays,
      appealWindowDays,
      workDays: [...days].sort(),
      workStartMinute: startMinute,
      workEndMinute: endMinute,
      holidayRanges: ranges,
      surveyIntervalDays: whole(surveyDays),
      boardApprovalMinutesNo: minutesClean,
      boardApprovalDate: boardDate,
    };
    const patch = Object.fromEntries(
      Object.entries(next).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(base[key as keyof typeof base]),
      ),
    ) as Partial<WorkSettings>;
    return Object.keys(patch).length === 0 ? null : patch;
  }
  const dirty = changedFields() !== null;
  useUnsavedGuard(dirty);

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
        <HolidayRanges value={ranges} onChange={changed(setRanges)} />
      </section>

      <section aria-labelledby="settings-surveys" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="settings-surveys" className="mb-3 font-bold text-slate-900">
          {t('admin.settings.surveys')}
        </h2>
        <TextField
          label={t('admin.settings.surveyIntervalDays')}
          description={t('admin.settings.surveyIntervalHelp')}
          value={surveyDays}
          onChange={changed(setSurveyDays)}
          isRequired
          ltr
          inputClassName="rtl:text-right sm:max-w-40"
          validate={range(1, 365)}
          inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
        />
      </section>

      <section aria-labelledby="settings-board" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="settings-board" className="font-bold text-slate-900">
          {t('admin.settings.board')}
        </h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">{t('admin.settings.boardHelp')}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('admin.settings.boardMinutesNo')}
            description={t('admin.settings.boardMinutesHelp')}
            value={minutesNo}
            onChange={changed(setMinutesNo)}
            isRequired
            ltr
            inputClassName="rtl:text-right"
            isInvalid={minutesInvalid}
            errorMessage={minutesInvalid ? t('admin.settings.boardMinutesInvalid') : undefined}
            inputProps={{ autoComplete: 'off' }}
          />
          <TextField
            label={t('admin.settings.boardDate')}
            type="date"
            ltr
            value={boardDate}
            onChange={changed(setBoardDate)}
            isRequired
            isInvalid={boardDateInvalid}
            errorMessage={boardDateInvalid ? t('admin.settings.boardDateFuture') : undefined}
          />
        </div>
      </section>

      {save.isError ? <ErrorAlert>{errorMessage(save.error)}</ErrorAlert> : null}
      <SuccessNotice>{notice}</SuccessNotice>
      <div className="sticky bottom-0 -mx-1 flex flex-wrap items-center gap-3 bg-slate-50/95 px-1 py-3">
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {save.isPending ? t('app.saving') : t('admin.settings.save')}
        </Button>
        {dirty ? (
          <span role="status" className="text-sm font-medium text-amber-800">
            {t('setup.unsaved.some')}
          </span>
        ) : null}
      </div>
    </Form>
  );
}

import { CalendarCheck, CalendarPlus, CalendarX, ChevronLeft, ChevronRight, UserX } from 'lucide-react';
import { type ReactNode, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { addDays, parseIsoDate, riyadhDate } from '../../../common/dates';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { TextField } from '../../ui/fields';
import { Loading, PageHeader } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { NoteDialog } from '../features/applications/NoteDialog';
import { BookDialog, PublishSlotsDialog } from '../features/appointments/AppointmentDialogs';
import { type Slot, useAppointmentOutcome, useSlots } from '../features/appointments/queries';
import { useTimeFormat } from '../features/appointments/time';
import { useBranches, useBranchName } from '../queries';
import { useUser } from '../session';

type SlotState = 'free' | 'past' | 'booked' | 'held';
const STATE_TONE: Record<SlotState, BadgeTone> = { free: 'success', past: 'neutral', booked: 'info', held: 'success' };

function stateOf(slot: Slot, now: Date): SlotState {
  if (slot.appointment?.status === 'held') return 'held';
  if (slot.appointment) return 'booked';
  return new Date(slot.startsAt) < now ? 'past' : 'free';
}

type Outcome = { slot: Slot; outcome: 'held' | 'no_show' | 'cancelled' };

/**
 * In-person visits (المقابلة) at a branch, one day at a time: publish the day's slots, book one for a beneficiary
 * with the visit's purpose, then record what happened — held (with a summary, which becomes a meeting contact on
 * the file), no-show, or cancelled.
 */
export default function AppointmentsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const time = useTimeFormat();
  const branches = useBranches();
  const branchName = useBranchName();
  const [params, setParams] = useSearchParams();
  const today = riyadhDate(new Date());
  const date = parseIsoDate(params.get('date') ?? '') ?? today;
  const fixedBranch = user.role === 'branch_rep';
  const branchId =
    (fixedBranch ? user.branchId : params.get('branch')) ?? user.branchId ?? branches.data?.[0]?.id ?? null;
  const slots = useSlots({ branchId, from: date, to: date }, Boolean(branchId));
  const outcome = useAppointmentOutcome();

  const [publishing, setPublishing] = useState(false);
  const [booking, setBooking] = useState<Slot | null>(null);
  const [recording, setRecording] = useState<Outcome | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  // The date box follows the day shown (the arrows, "today", back and forward), except while a date is typed.
  const [dateText, setDateText] = useState(date);
  const shownDate = useRef(date);
  if (shownDate.current !== date) {
    shownDate.current = date;
    if (parseIsoDate(dateText) !== date) setDateText(date);
  }

  const go = (patch: { date?: string; branch?: string }) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (patch.date !== undefined) {
          if (patch.date === today) out.delete('date');
          else out.set('date', patch.date);
        }
        if (patch.branch !== undefined) out.set('branch', patch.branch);
        return out;
      },
      { replace: true },
    );

  const now = new Date();
  const items = slots.data ?? [];
  const bookedCount = items.filter((s) => s.appointment).length;
  const name = branchName(branchId) ?? '—';

  return (
    <>
      <PageHeader
        title={t('appointments.title')}
        subtitle={t('appointments.subtitle')}
        actions={
          branchId ? (
            <Button variant="primary" onPress={() => setPublishing(true)}>
              <CalendarPlus aria-hidden="true" className="size-4" />
              {t('appointments.publish.open')}
            </Button>
          ) : null
        }
      />

      <div className="mb-5 flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:flex-wrap sm:items-end">
        {fixedBranch ? (
          <p className="text-slate-700 sm:me-4">
            {t('appointments.branch')}: <span className="font-medium text-slate-900">{name}</span>
          </p>
        ) : (
          <SelectField
            label={t('appointments.branch')}
            options={(branches.data ?? []).map((b) => ({ id: b.id, label: branchName(b.id) ?? b.nameAr }))}
            value={branchId}
            onChange={(value) => value && go({ branch: value })}
            className="sm:w-64"
          />
        )}
        <TextField
          label={t('appointments.day')}
          type="date"
          value={dateText}
          onChange={(value) => {
            setDateText(value);
            const iso = parseIsoDate(value);
            if (iso) go({ date: iso });
          }}
          ltr
          className="sm:w-48"
        />
        <div className="flex flex-wrap gap-2">
          <Button onPress={() => go({ date: addDays(date, -1) })} aria-label={t('appointments.previousDay')}>
            <ChevronRight aria-hidden="true" className="size-4 ltr:-scale-x-100" />
            <span className="max-sm:sr-only">{t('appointments.previousDay')}</span>
          </Button>
          <Button onPress={() => go({ date: today })} isDisabled={date === today}>
            {t('appointments.today')}
          </Button>
          <Button onPress={() => go({ date: addDays(date, 1) })} aria-label={t('appointments.nextDay')}>
            <span className="max-sm:sr-only">{t('appointments.nextDay')}</span>
            <ChevronLeft aria-hidden="true" className="size-4 ltr:-scale-x-100" />
          </Button>
        </div>
      </div>

      <SuccessNotice className="mb-4">{notice}</SuccessNotice>

      <section aria-labelledby="day-title">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="day-title" className="text-base font-bold text-slate-900">
            <time dateTime={date}>{format.dual(date)}</time>
          </h2>
          {items.length > 0 ? (
            <p className="text-sm text-slate-700">
              {t('appointments.counts', {
                count: items.length,
                n: format.number(items.length),
                booked: format.number(bookedCount),
              })}
            </p>
          ) : null}
        </div>
        {!branchId ? <p className="text-slate-700">{t('appointments.noBranch')}</p> : null}
        {slots.isPending && branchId ? <Loading label={t('app.loading')} /> : null}
        {slots.isError ? <ErrorAlert>{errorMessage(slots.error)}</ErrorAlert> : null}
        {slots.data && items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
            {t('appointments.empty')}
          </p>
        ) : null}
        <ul className="flex flex-col gap-2">
          {items.map((slot) => {
            const state = stateOf(slot, now);
            const a = slot.appointment;
            return (
              <li
                key={slot.id}
                className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white p-3"
              >
                <div className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 sm:w-56">
                  <span className="font-bold text-slate-900">
                    <time dateTime={slot.startsAt}>{time(slot.startsAt)}</time> –{' '}
                    <time dateTime={slot.endsAt}>{time(slot.endsAt)}</time>
                  </span>
                  <Badge tone={STATE_TONE[state]}>{t(`appointments.states.${state}`)}</Badge>
                </div>
                <div className={a ? 'min-w-0 basis-full sm:flex-1 sm:basis-auto' : 'hidden sm:block sm:flex-1'}>
                  {a ? (
                    <>
                      <Link
                        href={`/beneficiaries/${a.beneficiaryId}?tab=timeline`}
                        className="font-medium text-brand-800 underline-offset-2 hover:underline"
                      >
                        {a.beneficiaryName}
                      </Link>
                      <p dir="auto" className="break-words text-sm text-slate-700">
                        {a.purpose}
                      </p>
                    </>
                  ) : null}
                </div>
                <div className={cx('flex flex-wrap gap-2', a ? 'max-sm:basis-full sm:ms-auto' : 'ms-auto')}>
                  {state === 'free' ? (
                    <Button
                      className="min-h-9 px-3"
                      aria-label={t('appointments.book.label', { time: time(slot.startsAt) })}
                      onPress={() => setBooking(slot)}
                    >
                      {t('appointments.book.open')}
                    </Button>
                  ) : null}
                  {state === 'booked' && a ? (
                    <>
                      <Button
                        variant="primary"
                        className="min-h-9 px-3"
                        onPress={() => {
                          outcome.reset();
                          setRecording({ slot, outcome: 'held' });
                        }}
                      >
                        <CalendarCheck aria-hidden="true" className="size-4" />
                        {t('appointments.outcome.held')}
                      </Button>
                      <Button
                        className="min-h-9 px-3"
                        onPress={() => {
                          outcome.reset();
                          setRecording({ slot, outcome: 'no_show' });
                        }}
                      >
                        <UserX aria-hidden="true" className="size-4" />
                        {t('appointments.outcome.no_show')}
                      </Button>
                      <Button
                        variant="dangerQuiet"
                        className="min-h-9 px-3"
                        onPress={() => {
                          outcome.reset();
                          setRecording({ slot, outcome: 'cancelled' });
                        }}
                      >
                        <CalendarX aria-hidden="true" className="size-4" />
                        {t('appointments.outcome.cancelled')}
                      </Button>
                    </>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      {branchId ? (
        <PublishSlotsDialog
          isOpen={publishing}
          onOpenChange={setPublishing}
          branchId={branchId}
          branchName={name}
          date={date}
          onDone={(count, day) => {
            setPublishing(false);
            setNotice(t('appointments.publish.done', { count, n: format.number(count) }));
            go({ date: day });
          }}
        />
      ) : null}
      <BookDialog
        slot={booking}
        onOpenChange={(open) => {
          if (!open) setBooking(null);
        }}
        onDone={(person) => {
          setBooking(null);
          setNotice(
            <Trans t={t} i18nKey="appointments.book.done" values={{ name: person }} components={{ bdi: <bdi /> }} />,
          );
        }}
      />
      <NoteDialog
        title={recording ? t(`appointments.outcome.titles.${recording.outcome}`) : ''}
        isOpen={recording !== null}
        onOpenChange={(open) => {
          if (!open) setRecording(null);
        }}
        body={
          recording?.slot.appointment
            ? t('appointments.outcome.body', {
                name: recording.slot.appointment.beneficiaryName,
                time: time(recording.slot.startsAt),
              })
            : undefined
        }
        noteLabel={recording?.outcome === 'held' ? t('appointments.outcome.summary') : undefined}
        noteRequired={recording?.outcome === 'held'}
        submitLabel={recording ? t(`appointments.outcome.submit.${recording.outcome}`) : ''}
        submitVariant={recording?.outcome === 'cancelled' ? 'danger' : 'primary'}
        isPending={outcome.isPending}
        error={outcome.error}
        onSubmit={(summary) => {
          const a = recording?.slot.appointment;
          if (!recording || !a) return;
          outcome.mutate(
            { id: a.id, outcome: recording.outcome, ...(summary ? { summary } : {}) },
            {
              onSuccess: () => {
                setNotice(t(`appointments.outcome.done.${recording.outcome}`));
                setRecording(null);
              },
            },
          );
        }}
      />
    </>
  );
}

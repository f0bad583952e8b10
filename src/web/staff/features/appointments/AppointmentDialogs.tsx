import { CalendarPlus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { parseIsoDate } from '../../../../common/dates';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TextField } from '../../../ui/fields';
import { Ltr } from '../../../ui/Ltr';
import { SelectField } from '../../../ui/SelectField';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ContactChooser, type ContactValue } from '../interactions/ContactChooser';
import { riyadhInstant, type Slot, slotTimes, useBookSlot, usePublishSlots } from './queries';
import { useTimeFormat } from './time';

const LENGTHS = [15, 20, 30, 45, 60, 90];

/** Publish a day's slots for a branch: a date, the first and last times, and each slot's length. */
export function PublishSlotsDialog({
  isOpen,
  onOpenChange,
  branchId,
  branchName,
  date,
  onDone,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  branchId: string;
  branchName: string;
  date: string;
  onDone: (count: number, date: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('appointments.publish.title')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      closeLabel={t('app.close')}
    >
      <PublishForm
        branchId={branchId}
        branchName={branchName}
        initialDate={date}
        onCancel={() => onOpenChange(false)}
        onDone={onDone}
      />
    </Dialog>
  );
}

function PublishForm({
  branchId,
  branchName,
  initialDate,
  onCancel,
  onDone,
}: {
  branchId: string;
  branchName: string;
  initialDate: string;
  onCancel: () => void;
  onDone: (count: number, date: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const publish = usePublishSlots();
  const fieldErrors = useFieldErrors(publish.error);
  const [date, setDate] = useState(initialDate);
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('12:00');
  const [length, setLength] = useState('30');
  const minutes = Number(length);
  const times = slotTimes(from, to, minutes);
  const iso = parseIsoDate(date);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!iso || times.length === 0) return;
    publish.mutate(
      { branchId, slots: times.map((time) => ({ startsAt: riyadhInstant(iso, time), minutes })) },
      { onSuccess: ({ created }) => onDone(created, iso) },
    );
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <p className="text-slate-700">{t('appointments.publish.branch', { branch: branchName })}</p>
      <TextField
        label={t('appointments.publish.date')}
        name="date"
        type="date"
        value={date}
        onChange={setDate}
        isRequired
        ltr
        description={iso ? format.dual(iso) : undefined}
        validate={(value) => (parseIsoDate(value) ? null : t('app.required'))}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={t('appointments.publish.from')}
          name="from"
          type="time"
          value={from}
          onChange={setFrom}
          isRequired
          ltr
        />
        <TextField
          label={t('appointments.publish.to')}
          name="to"
          type="time"
          value={to}
          onChange={setTo}
          isRequired
          ltr
        />
        <SelectField
          label={t('appointments.publish.length')}
          name="minutes"
          options={LENGTHS.map((m) => ({ id: String(m), label: t('appointments.minutes', { n: format.number(m) }) }))}
          value={length}
          onChange={(value) => setLength(value ?? '30')}
        />
      </div>
      <div aria-live="polite" className="rounded-md bg-slate-50 p-3 text-sm text-slate-800">
        {times.length === 0 ? (
          t('appointments.publish.none')
        ) : (
          <>
            <p className="mb-2 font-medium">
              {t('appointments.publish.preview', { count: times.length, n: format.number(times.length) })}
            </p>
            <p className="flex flex-wrap gap-1.5">
              {times.map((time) => (
                <span key={time} className="rounded bg-white px-2 py-0.5 ring-1 ring-slate-200">
                  <Ltr>{time}</Ltr>
                </span>
              ))}
            </p>
          </>
        )}
      </div>
      {publish.isError ? <ErrorAlert>{errorMessage(publish.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={publish.isPending} isDisabled={times.length === 0 || !iso}>
          <CalendarPlus aria-hidden="true" className="size-4" />
          {publish.isPending ? t('app.saving') : t('appointments.publish.submit')}
        </Button>
      </div>
    </Form>
  );
}

/** Book a free slot for a beneficiary (found with the one search box) with the visit's purpose. */
export function BookDialog({
  slot,
  onOpenChange,
  onDone,
}: {
  slot: Slot | null;
  onOpenChange: (open: boolean) => void;
  onDone: (name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('appointments.book.title')}
      isOpen={slot !== null}
      onOpenChange={onOpenChange}
      closeLabel={t('app.close')}
    >
      {slot ? <BookForm slot={slot} onCancel={() => onOpenChange(false)} onDone={onDone} /> : null}
    </Dialog>
  );
}

function BookForm({ slot, onCancel, onDone }: { slot: Slot; onCancel: () => void; onDone: (name: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const time = useTimeFormat();
  const book = useBookSlot();
  const fieldErrors = useFieldErrors(book.error);
  const [contact, setContact] = useState<ContactValue>({ mode: 'beneficiary', beneficiary: null });
  const [purpose, setPurpose] = useState('');
  const [tried, setTried] = useState(false);
  const chosen = contact.mode === 'beneficiary' ? contact.beneficiary : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (!chosen) return;
    book.mutate(
      { slotId: slot.id, beneficiaryId: chosen.id, purpose: purpose.trim() },
      { onSuccess: () => onDone(chosen.fullName) },
    );
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <p className="font-medium text-slate-900">
        {format.dual(slot.startsAt)} · {time(slot.startsAt)} – {time(slot.endsAt)}
      </p>
      <ContactChooser value={contact} onChange={setContact} modes={['beneficiary']} showMissing={tried} />
      <TextAreaField
        label={t('appointments.book.purpose')}
        name="purpose"
        value={purpose}
        onChange={setPurpose}
        isRequired
        rows={2}
        maxLength={500}
        validate={(value) => (value.trim().length >= 3 ? null : t('appointments.book.purposeRequired'))}
      />
      {book.isError ? <ErrorAlert>{errorMessage(book.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={book.isPending}>
          {book.isPending ? t('app.saving') : t('appointments.book.submit')}
        </Button>
      </div>
    </Form>
  );
}

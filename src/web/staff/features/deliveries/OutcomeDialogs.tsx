import { Camera, X } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { FileTrigger, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { addDays, parseIsoDate, riyadhDate } from '../../../../common/dates';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TextField } from '../../../ui/fields';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import type { Delivery, DeliveryOutcomeResponse } from '../../api-types';
import { useOrgSettings, useUploadDocument } from '../beneficiaries/queries';
import { CurrentPinField } from './CurrentPinField';
import { useRecordOutcome } from './queries';
import { useCurrentPin } from './useCurrentPin';

const PHOTO_TYPES = ['image/jpeg', 'image/png'];

type Done = (result: DeliveryOutcomeResponse, details: { rescheduleTo?: string }) => void;

/**
 * "تم التسليم" at the beneficiary's door: who received it, a note, an optional photo (taken with the phone's
 * camera and kept on the file) and the phone's current location as the pin.
 */
export function DeliveredDialog({
  delivery,
  isOpen,
  onOpenChange,
  onDone,
}: {
  delivery: Delivery;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: Done;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('deliveries.delivered.title')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      closeLabel={t('app.close')}
    >
      <DeliveredForm delivery={delivery} onCancel={() => onOpenChange(false)} onDone={onDone} />
    </Dialog>
  );
}

function DeliveredForm({ delivery, onCancel, onDone }: { delivery: Delivery; onCancel: () => void; onDone: Done }) {
  const { t } = useTranslation();
  const format = useFormat();
  const settings = useOrgSettings();
  const record = useRecordOutcome();
  const upload = useUploadDocument(delivery.beneficiaryId);
  const fieldErrors = useFieldErrors(record.error);
  const [recipient, setRecipient] = useState('');
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const pinState = useCurrentPin();
  const { pin } = pinState;
  // Recorded before its scheduled day: only with a confirmation and a reason (the server asks for it too).
  const early = delivery.status === 'scheduled' && delivery.scheduledDate > riyadhDate(new Date());
  const [earlyReason, setEarlyReason] = useState('');
  const maxMb = settings.data?.maxUploadMb ?? 5;
  const busy = upload.isPending || record.isPending;

  function choosePhoto(files: FileList | null) {
    const chosen = files?.[0] ?? null;
    upload.reset();
    if (!chosen) return;
    if (!PHOTO_TYPES.includes(chosen.type)) {
      setPhotoProblem(t('deliveries.delivered.photoType'));
      return;
    }
    if (chosen.size > maxMb * 1024 * 1024) {
      setPhotoProblem(t('file.documents.tooLarge', { mb: format.number(maxMb) }));
      return;
    }
    setPhotoProblem(null);
    setPhoto(chosen);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    try {
      // The photo is kept on the beneficiary's file first; the delivery then points to it.
      const photoDocumentId = photo
        ? (await upload.mutateAsync({ kind: 'delivery_photo', file: photo })).id
        : undefined;
      const trimmedNote = note.trim();
      const result = await record.mutateAsync({
        id: delivery.id,
        outcome: 'delivered',
        recipientName: recipient.trim(),
        ...(trimmedNote ? { note: trimmedNote } : {}),
        ...(pin ? { location: { lat: pin.lat, lng: pin.lng } } : {}),
        ...(photoDocumentId ? { photoDocumentId } : {}),
        ...(early ? { earlyReason: earlyReason.trim() } : {}),
      });
      onDone(result, {});
    } catch {
      // Shown under the form from the mutation's error.
    }
  }

  const problem = upload.error ?? record.error;
  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <p className="text-slate-700">
        <bdi className="font-medium text-slate-900">{delivery.beneficiaryName}</bdi> · {delivery.district}
      </p>
      <div className="flex flex-col gap-1">
        <TextField
          label={t('deliveries.delivered.recipient')}
          name="recipientName"
          value={recipient}
          onChange={setRecipient}
          isRequired
          autoFocus
          maxLength={120}
          inputProps={{ autoComplete: 'off' }}
          validate={(value) => (value.trim().length >= 2 ? null : t('deliveries.delivered.recipientRequired'))}
        />
        <div>
          <Button
            variant="ghost"
            className="min-h-9 px-2 text-brand-800"
            onPress={() => setRecipient(delivery.beneficiaryName)}
          >
            {t('deliveries.delivered.beneficiaryHimself')}
          </Button>
        </div>
      </div>
      <TextAreaField
        label={t('deliveries.delivered.note')}
        name="note"
        value={note}
        onChange={setNote}
        rows={2}
        maxLength={1000}
      />

      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium text-slate-800">{t('deliveries.delivered.photo')}</span>
        <div className="flex flex-wrap items-center gap-2">
          <FileTrigger acceptedFileTypes={PHOTO_TYPES} defaultCamera="environment" onSelect={choosePhoto}>
            <Button className="min-h-11">
              <Camera aria-hidden="true" className="size-5" />
              {photo ? t('deliveries.delivered.photoAgain') : t('deliveries.delivered.photoTake')}
            </Button>
          </FileTrigger>
          {photo ? (
            <span className="flex min-w-0 items-center gap-1 text-slate-700">
              <bdi className="break-all">{photo.name}</bdi>
              <Button
                variant="ghost"
                className="min-h-9 px-2"
                aria-label={t('deliveries.delivered.photoRemove')}
                onPress={() => setPhoto(null)}
              >
                <X aria-hidden="true" className="size-4" />
              </Button>
            </span>
          ) : null}
        </div>
        <span className="text-xs text-slate-600">
          {t('deliveries.delivered.photoHelp', { mb: format.number(maxMb) })}
        </span>
        {photoProblem ? <span className="text-xs font-medium text-red-700">{photoProblem}</span> : null}
      </div>

      <CurrentPinField label={t('deliveries.delivered.location')} state={pinState} />

      {early ? (
        <fieldset
          className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3"
          data-testid="early"
        >
          <legend className="px-1 font-bold text-amber-950">{t('work.early.title')}</legend>
          <p className="text-sm text-amber-950">
            {t('work.early.body', { date: format.dual(delivery.scheduledDate) })}
          </p>
          <TextAreaField
            label={t('work.early.reason')}
            name="earlyReason"
            value={earlyReason}
            onChange={setEarlyReason}
            isRequired
            rows={2}
            maxLength={500}
            validate={(value) => (value.trim().length >= 3 ? null : t('work.early.reason'))}
          />
          <label className="flex min-h-11 items-center gap-2 text-amber-950">
            <input type="checkbox" required name="earlyConfirm" className="size-5 accent-brand-700" />
            {t('work.early.confirm')}
          </label>
        </fieldset>
      ) : null}
      {problem ? <ErrorAlert>{errorMessage(problem)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={busy} className="min-h-11">
          {upload.isPending
            ? t('deliveries.delivered.uploading')
            : record.isPending
              ? t('app.saving')
              : t('deliveries.delivered.submit')}
        </Button>
      </div>
    </Form>
  );
}

/** "تعذّر التسليم": why (nobody home, road closed…) and, if agreed, another day for the visit. */
export function FailedDialog({
  delivery,
  isOpen,
  onOpenChange,
  onDone,
}: {
  delivery: Delivery;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: Done;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('deliveries.failed.title')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      closeLabel={t('app.close')}
    >
      <FailedForm delivery={delivery} onCancel={() => onOpenChange(false)} onDone={onDone} />
    </Dialog>
  );
}

function FailedForm({ delivery, onCancel, onDone }: { delivery: Delivery; onCancel: () => void; onDone: Done }) {
  const { t } = useTranslation();
  const format = useFormat();
  const record = useRecordOutcome();
  const fieldErrors = useFieldErrors(record.error);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const tomorrow = addDays(riyadhDate(new Date()), 1);
  const chosen = date ? parseIsoDate(date) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    record.mutate(
      { id: delivery.id, outcome: 'failed', reason: reason.trim(), ...(chosen ? { rescheduleTo: chosen } : {}) },
      { onSuccess: (result) => onDone(result, chosen ? { rescheduleTo: chosen } : {}) },
    );
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <p className="text-slate-700">
        <bdi className="font-medium text-slate-900">{delivery.beneficiaryName}</bdi> · {delivery.district}
      </p>
      <TextAreaField
        label={t('deliveries.failed.reason')}
        description={t('deliveries.failed.reasonHelp')}
        name="reason"
        value={reason}
        onChange={setReason}
        isRequired
        autoFocus
        rows={3}
        maxLength={500}
        validate={(value) => (value.trim().length >= 3 ? null : t('deliveries.failed.reasonRequired'))}
      />
      <TextField
        label={t('deliveries.failed.reschedule')}
        name="rescheduleTo"
        type="date"
        value={date}
        onChange={setDate}
        inputProps={{ min: tomorrow }}
        description={
          chosen ? t('committee.schedule.hijri', { date: format.hijri(chosen) }) : t('deliveries.failed.rescheduleHelp')
        }
      />
      {record.isError ? <ErrorAlert>{errorMessage(record.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button type="submit" variant="danger" isPending={record.isPending} className="min-h-11">
          {record.isPending ? t('app.saving') : t('deliveries.failed.submit')}
        </Button>
      </div>
    </Form>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { History, PencilLine } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { riyadhDate } from '../../../../common/dates';
import { api, errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TextField } from '../../../ui/fields';
import { RadioGroupField } from '../../../ui/RadioGroupField';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import type { Delivery } from '../../api-types';

type Correction = {
  id: string;
  subject: 'delivery' | 'registration';
  deliveryId: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  reason: string;
  correctedAt: string;
  correctedByName: string | null;
};

const historyKey = (applicationId: string) => ['corrections', applicationId] as const;

function useCorrect(applicationId: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<{ id: string }>(path, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: historyKey(applicationId) });
      void queryClient.invalidateQueries({ queryKey: ['deliveries'] });
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
    },
  });
}

const minReason = 5;

/** The reason field every correction needs. */
function ReasonField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      label={t('corrections.reason')}
      description={t('corrections.reasonHelp')}
      name="reason"
      value={value}
      onChange={onChange}
      isRequired
      validate={(v) => (v.trim().length >= minReason ? null : t('app.required'))}
    />
  );
}

/** "Delivered" or "could not deliver" corrected after the fact: the right outcome, day, recipient, and why. */
export function CorrectDeliveryButton({ delivery, applicationId }: { delivery: Delivery; applicationId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button className="min-h-11 px-3" onPress={() => setOpen(true)}>
        <PencilLine aria-hidden="true" className="size-4" />
        {t('corrections.correctDelivery')}
      </Button>
      <Dialog title={t('corrections.correctDelivery')} isOpen={open} onOpenChange={setOpen} closeLabel={t('app.close')}>
        <DeliveryCorrectionForm delivery={delivery} applicationId={applicationId} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function DeliveryCorrectionForm({
  delivery,
  applicationId,
  onDone,
}: {
  delivery: Delivery;
  applicationId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const correct = useCorrect(applicationId, `/api/deliveries/${encodeURIComponent(delivery.id)}/corrections`);
  const [outcome, setOutcome] = useState(delivery.status === 'failed' ? 'failed' : 'delivered');
  const [completedOn, setCompletedOn] = useState(delivery.completedAt ? riyadhDate(delivery.completedAt) : '');
  const [recipientName, setRecipientName] = useState(delivery.recipientName ?? '');
  const [failureReason, setFailureReason] = useState(delivery.failureReason ?? '');
  const [reason, setReason] = useState('');
  const fieldErrors = useFieldErrors(correct.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    correct.mutate(
      {
        reason: reason.trim(),
        outcome,
        ...(completedOn ? { completedOn } : {}),
        ...(outcome === 'delivered' && recipientName.trim() ? { recipientName: recipientName.trim() } : {}),
        ...(outcome === 'failed' && failureReason.trim() ? { failureReason: failureReason.trim() } : {}),
      },
      { onSuccess: onDone },
    );
  }
  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <RadioGroupField
        label={t('corrections.outcome')}
        name="outcome"
        value={outcome}
        onChange={setOutcome}
        options={[
          { id: 'delivered', label: t('corrections.outcomes.delivered') },
          { id: 'failed', label: t('corrections.outcomes.failed') },
        ]}
        isRequired
      />
      <TextField
        name="completedOn"
        label={t('corrections.completedOn')}
        type="date"
        ltr
        value={completedOn}
        onChange={setCompletedOn}
        isRequired
      />
      {outcome === 'delivered' ? (
        <TextField
          name="recipientName"
          label={t('corrections.recipientName')}
          value={recipientName}
          onChange={setRecipientName}
          isRequired
        />
      ) : (
        <TextField
          name="failureReason"
          label={t('corrections.failureReason')}
          value={failureReason}
          onChange={setFailureReason}
          isRequired
        />
      )}
      <ReasonField value={reason} onChange={setReason} />
      {correct.isError ? <ErrorAlert>{errorMessage(correct.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onDone}>{t('corrections.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={correct.isPending}>
          {t('corrections.save')}
        </Button>
      </div>
    </Form>
  );
}

function RegistrationCorrectionForm({
  applicationId,
  completedOn: current,
  onDone,
}: {
  applicationId: string;
  completedOn: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const correct = useCorrect(
    applicationId,
    `/api/applications/${encodeURIComponent(applicationId)}/completion/corrections`,
  );
  const [completedOn, setCompletedOn] = useState(current);
  const [reason, setReason] = useState('');
  const fieldErrors = useFieldErrors(correct.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    correct.mutate({ reason: reason.trim(), completedOn }, { onSuccess: onDone });
  }
  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <TextField
        name="completedOn"
        label={t('corrections.completedOn')}
        type="date"
        ltr
        value={completedOn}
        onChange={setCompletedOn}
        description={completedOn ? format.hijri(completedOn) : undefined}
        isRequired
      />
      <ReasonField value={reason} onChange={setReason} />
      {correct.isError ? <ErrorAlert>{errorMessage(correct.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onDone}>{t('corrections.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={correct.isPending}>
          {t('corrections.save')}
        </Button>
      </div>
    </Form>
  );
}

/**
 * The application's recorded corrections (its registration and its visits), newest first, and the correction of
 * the day registration was completed. Nothing recorded changes without a line here.
 */
export function CorrectionsCard({
  applicationId,
  enrolledAt,
  canCorrectRegistration,
}: {
  applicationId: string;
  enrolledAt: string | null;
  canCorrectRegistration: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: historyKey(applicationId),
    queryFn: ({ signal }) =>
      api.get<{ items: Correction[] }>(`/api/applications/${encodeURIComponent(applicationId)}/corrections`, {
        signal,
      }),
  });
  const shown = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('corrections.empty');
    if (field === 'outcome') return t(`corrections.outcomes.${value === 'failed' ? 'failed' : 'delivered'}`);
    if (field === 'completedOn') return format.dual(String(value));
    return String(value);
  };
  const fieldLabel = (field: string) =>
    field === 'outcome' || field === 'completedOn' || field === 'recipientName' || field === 'failureReason'
      ? t(`corrections.fields.${field}`)
      : field;
  return (
    <section
      aria-labelledby="corrections-title"
      className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5"
      data-testid="corrections"
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="corrections-title" className="flex items-center gap-2 text-base font-bold text-slate-900">
          <History aria-hidden="true" className="size-5 text-brand-700" />
          {t('corrections.title')}
        </h2>
        {canCorrectRegistration && enrolledAt ? (
          <Button className="min-h-11 px-3" onPress={() => setOpen(true)}>
            <PencilLine aria-hidden="true" className="size-4" />
            {t('corrections.correctRegistration')}
          </Button>
        ) : null}
      </div>
      <p className="mb-3 text-sm text-slate-700">{t('corrections.intro')}</p>
      {history.data && history.data.items.length === 0 ? (
        <p className="text-slate-700">{t('corrections.empty')}</p>
      ) : null}
      <ol className="flex flex-col gap-2">
        {(history.data?.items ?? []).map((c) => (
          <li key={c.id} className="rounded-md border border-slate-200 p-3 text-sm">
            <p className="font-medium text-slate-900">{t(`corrections.subjects.${c.subject}`)}</p>
            <ul className="my-1 list-disc ps-5 text-slate-800">
              {Object.keys(c.after).map((field) => (
                <li key={field}>
                  {t('corrections.change', {
                    field: fieldLabel(field),
                    before: shown(field, c.before[field]),
                    after: shown(field, c.after[field]),
                  })}
                </li>
              ))}
            </ul>
            <p className="text-slate-800">
              {t('corrections.reason')}: <bdi>{c.reason}</bdi>
            </p>
            <p className="text-xs text-slate-600">
              {t('corrections.by', { name: c.correctedByName ?? '—', when: format.dateTime(c.correctedAt) })}
            </p>
          </li>
        ))}
      </ol>
      {enrolledAt ? (
        <Dialog
          title={t('corrections.correctRegistration')}
          isOpen={open}
          onOpenChange={setOpen}
          closeLabel={t('app.close')}
        >
          <RegistrationCorrectionForm
            applicationId={applicationId}
            completedOn={riyadhDate(enrolledAt)}
            onDone={() => setOpen(false)}
          />
        </Dialog>
      ) : null}
    </section>
  );
}

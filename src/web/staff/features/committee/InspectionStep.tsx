import { ClipboardCheck, MapPin } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { Trans, useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { mapsHref } from '../../../lib/contact-links';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { Loading } from '../../../ui/Page';
import { RadioGroupField } from '../../../ui/RadioGroupField';
import { SelectField } from '../../../ui/SelectField';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import type { InspectionOutcome } from '../../api-types';
import { CurrentPinField } from '../deliveries/CurrentPinField';
import { useCurrentPin } from '../deliveries/useCurrentPin';
import { useAssignInspection, useInspection, useRecordInspection } from './queries';

/**
 * The home inspection step (معاينة موقع المنزل): the officer hands it to a representative of the file's branch; the
 * representative records what they found (outcome, note, pin); everyone sees the result. Nobody ticks it.
 */
export function InspectionStep({ applicationId, label }: { applicationId: string; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const view = useInspection(applicationId);
  const [recording, setRecording] = useState(false);
  const data = view.data;
  const inspection = data?.inspection ?? null;
  const recorded = Boolean(inspection?.recordedAt);

  return (
    <li className="flex flex-col gap-2 rounded-md border border-slate-200 px-3 py-2" data-testid="inspection-step">
      <div className="flex min-h-10 flex-wrap items-center justify-between gap-2">
        <span className="font-medium text-slate-900">{label}</span>
        <Badge tone={recorded ? 'success' : 'neutral'}>
          {recorded ? t(`committee.inspection.outcome.${inspection!.outcome!}`) : t('committee.completion.pending')}
        </Badge>
      </div>
      {view.isPending ? <Loading label={t('app.loading')} className="py-1" /> : null}
      {view.isError ? <ErrorAlert>{errorMessage(view.error)}</ErrorAlert> : null}
      {inspection && !recorded ? (
        <p className="text-sm text-slate-700">
          <Trans
            t={t}
            i18nKey="committee.inspection.assignedTo"
            values={{ name: inspection.assigneeName, when: format.relative(inspection.assignedAt) }}
            components={{ bdi: <bdi className="font-medium" /> }}
          />
        </p>
      ) : null}
      {data && !inspection && !data.canAssign ? (
        <p className="text-sm text-slate-700">{t('committee.inspection.notAssigned')}</p>
      ) : null}
      {inspection && recorded ? (
        <div className="flex flex-col gap-1 text-sm text-slate-800">
          <p>{inspection.note}</p>
          <p className="text-xs text-slate-600">
            <Trans
              t={t}
              i18nKey="committee.completion.doneBy"
              values={{ name: inspection.recordedByName ?? '—', when: format.relative(inspection.recordedAt!) }}
              components={{
                bdi: <bdi />,
                time: <time dateTime={inspection.recordedAt!} title={format.dateTime(inspection.recordedAt!)} />,
              }}
            />
          </p>
          {inspection.location ? (
            <a
              href={mapsHref(inspection.location.lat, inspection.location.lng)}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex min-h-11 items-center gap-1 font-medium text-brand-800 underline"
            >
              <MapPin aria-hidden="true" className="size-4" />
              {t('committee.inspection.map')}
            </a>
          ) : null}
        </div>
      ) : null}
      {data?.canAssign ? <AssignForm applicationId={applicationId} current={inspection?.assigneeUserId} /> : null}
      {data?.canRecord ? (
        <div>
          <Button variant="primary" className="min-h-11" onPress={() => setRecording(true)}>
            <ClipboardCheck aria-hidden="true" className="size-5" />
            {t('committee.inspection.record')}
          </Button>
          <Dialog
            title={t('committee.inspection.recordTitle')}
            isOpen={recording}
            onOpenChange={setRecording}
            closeLabel={t('app.close')}
          >
            <ResultForm applicationId={applicationId} onDone={() => setRecording(false)} />
          </Dialog>
        </div>
      ) : null}
    </li>
  );
}

function AssignForm({ applicationId, current }: { applicationId: string; current: string | undefined }) {
  const { t } = useTranslation();
  const view = useInspection(applicationId);
  const assign = useAssignInspection(applicationId);
  const [chosen, setChosen] = useState<string | null>(current ?? null);
  const options = (view.data?.inspectors ?? []).map((u) => ({
    id: u.id,
    label: u.role === 'branch_rep' ? u.name : t('committee.inspection.executionOfficer', { name: u.name }),
  }));
  return (
    <div className="flex flex-wrap items-end gap-2">
      <SelectField
        label={t('committee.inspection.assignee')}
        options={options}
        value={chosen}
        onChange={setChosen}
        className="min-w-56"
      />
      <Button
        className="min-h-11"
        isDisabled={!chosen || chosen === current}
        isPending={assign.isPending}
        onPress={() => chosen && assign.mutate(chosen)}
      >
        {current ? t('committee.inspection.reassign') : t('committee.inspection.assign')}
      </Button>
      {assign.isError ? <ErrorAlert>{errorMessage(assign.error)}</ErrorAlert> : null}
    </div>
  );
}

function ResultForm({ applicationId, onDone }: { applicationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordInspection(applicationId);
  const fieldErrors = useFieldErrors(record.error);
  const pinState = useCurrentPin();
  const [outcome, setOutcome] = useState<InspectionOutcome>('suitable');
  const [note, setNote] = useState('');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const pin = pinState.pin;
    record.mutate(
      { outcome, note: note.trim(), ...(pin ? { location: { lat: pin.lat, lng: pin.lng } } : {}) },
      { onSuccess: onDone },
    );
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <RadioGroupField
        label={t('committee.inspection.outcomeLabel')}
        name="outcome"
        value={outcome}
        onChange={(v) => setOutcome(v as InspectionOutcome)}
        options={[
          { id: 'suitable', label: t('committee.inspection.outcome.suitable') },
          { id: 'unsuitable', label: t('committee.inspection.outcome.unsuitable') },
        ]}
      />
      <TextAreaField
        label={t('committee.inspection.note')}
        description={t('committee.inspection.noteHelp')}
        name="note"
        value={note}
        onChange={setNote}
        isRequired
        rows={3}
        maxLength={1000}
        validate={(value) => (value.trim().length >= 3 ? null : t('committee.inspection.noteRequired'))}
      />
      <CurrentPinField label={t('deliveries.delivered.location')} state={pinState} />
      {record.isError ? <ErrorAlert>{errorMessage(record.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onDone}>{t('app.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={record.isPending} className="min-h-11">
          {record.isPending ? t('app.saving') : t('committee.inspection.save')}
        </Button>
      </div>
    </Form>
  );
}

import { CheckCircle2, PhoneCall } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { CASE_KINDS, CASE_PRIORITIES, LIMITS } from '../../../../common/domain/case';
import { CHANNELS } from '../../../../common/domain/channels';
import { errorMessage } from '../../../lib/api';
import { ErrorAlert } from '../../../ui/Alert';
import { Button, buttonClass } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { Checkbox, TextField } from '../../../ui/fields';
import { SegmentedControl } from '../../../ui/SegmentedControl';
import { SelectField } from '../../../ui/SelectField';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { hasPermission, useUser } from '../../session';
import { numberInputClass, parseWhole } from '../beneficiaries/form-values';
import { useEnumOptions } from '../beneficiaries/labels';
import { useCaseOptions } from '../cases/labels';
import { useCreateCase } from '../cases/queries';
import { ContactChooser, type ContactValue, contactComplete, contactFields } from './ContactChooser';
import type { LogRequest } from './log-store';
import { useLogInteraction } from './queries';
import type { Direction } from './types';

/** Channels where the length of the contact means something. */
const TIMED = new Set(['phone', 'meeting']);

/**
 * Log a contact on any of the policy's eight channels: with a beneficiary's file or with a caller not (yet)
 * registered (name and mobile). "Open a case" turns an inbound contact into a case at once: the server records the
 * contact with the case, so it is not logged twice.
 */
export default function LogInteractionDialog({ request, onClose }: { request: LogRequest; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('interactions.log.title')}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      closeLabel={t('app.close')}
    >
      <LogForm request={request} onClose={onClose} />
    </Dialog>
  );
}

function LogForm({ request, onClose }: { request: LogRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const [, navigate] = useLocation();
  const enumOptions = useEnumOptions();
  const caseOptions = useCaseOptions();
  const log = useLogInteraction();
  const createCase = useCreateCase();
  const canOpenCase = hasPermission(user, 'cases.create');

  const initialContact = (): ContactValue =>
    request.beneficiary
      ? { mode: 'beneficiary', beneficiary: request.beneficiary }
      : { mode: 'beneficiary', beneficiary: null };
  const [channel, setChannel] = useState('phone');
  const [direction, setDirection] = useState<Direction>('inbound');
  const [contact, setContact] = useState<ContactValue>(initialContact);
  const [summary, setSummary] = useState('');
  const [minutes, setMinutes] = useState('');
  const [openCase, setOpenCase] = useState(false);
  const [kind, setKind] = useState<string>('inquiry');
  const [priority, setPriority] = useState<string>('normal');
  const [subject, setSubject] = useState('');
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(false);

  const withCase = openCase && direction === 'inbound' && canOpenCase;
  const mutation = withCase ? createCase : log;
  const fieldErrors = useFieldErrors(mutation.error, (error) => {
    // The case's text is the contact's summary.
    const fields = error.fieldErrors();
    return fields.description ? { summary: fields.description } : undefined;
  });

  function reset() {
    setContact(initialContact());
    setSummary('');
    setMinutes('');
    setOpenCase(false);
    setSubject('');
    setTried(false);
    setDone(false);
    log.reset();
    createCase.reset();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (!contactComplete(contact)) return;
    const who = contactFields(contact);
    if (withCase) {
      createCase.mutate(
        { kind, channel, priority, subject: subject.trim(), description: summary.trim(), ...who },
        { onSuccess: ({ id }) => navigate(`/cases/${encodeURIComponent(id)}`) },
      );
      return;
    }
    const duration = parseWhole(minutes);
    log.mutate(
      {
        channel,
        direction,
        summary: summary.trim(),
        ...(duration !== null && TIMED.has(channel) ? { durationSeconds: Math.min(duration, 24 * 60) * 60 } : {}),
        ...who,
      },
      { onSuccess: () => setDone(true) },
    );
  }

  if (done) {
    const beneficiary = contact.mode === 'beneficiary' ? contact.beneficiary : null;
    return (
      <div className="flex flex-col gap-4">
        <p role="status" className="flex items-start gap-2 text-emerald-900">
          <CheckCircle2 aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-emerald-700" />
          {t('interactions.log.done')}
        </p>
        <div className="flex flex-wrap justify-end gap-2">
          {beneficiary ? (
            <Link href={`/beneficiaries/${beneficiary.id}?tab=timeline`} className={buttonClass('secondary')}>
              {t('interactions.log.openTimeline')}
            </Link>
          ) : null}
          <Button onPress={reset}>{t('interactions.log.another')}</Button>
          <Button variant="primary" autoFocus onPress={onClose}>
            {t('app.close')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t('interactions.fields.channel')}
          name="channel"
          options={enumOptions('channel', CHANNELS)}
          value={channel}
          onChange={(value) => setChannel(value ?? 'phone')}
          isRequired
        />
        <div className="flex flex-col gap-1">
          <span aria-hidden="true" className="text-sm font-medium text-slate-800">
            {t('interactions.fields.direction')}
          </span>
          <SegmentedControl
            label={t('interactions.fields.direction')}
            value={direction}
            onChange={(value) => setDirection(value === 'outbound' ? 'outbound' : 'inbound')}
            segments={[
              { id: 'inbound', label: t('interactions.directions.inbound') },
              { id: 'outbound', label: t('interactions.directions.outbound') },
            ]}
          />
        </div>
      </div>

      <ContactChooser value={contact} onChange={setContact} showMissing={tried} />

      <TextAreaField
        label={t('interactions.fields.summary')}
        description={t('interactions.fields.summaryHint')}
        name="summary"
        value={summary}
        onChange={setSummary}
        isRequired
        rows={3}
        maxLength={withCase ? LIMITS.body : 4000}
        validate={(value) => (value.trim().length >= (withCase ? 3 : 2) ? null : t('interactions.errors.summary'))}
      />

      {TIMED.has(channel) && !withCase ? (
        <TextField
          label={t('interactions.fields.minutes')}
          name="durationSeconds"
          value={minutes}
          onChange={setMinutes}
          ltr
          inputClassName={numberInputClass}
          className="sm:max-w-48"
          inputProps={{ inputMode: 'numeric', autoComplete: 'off', maxLength: 4 }}
          validate={(value) => (!value.trim() || parseWhole(value) !== null ? null : t('interactions.errors.minutes'))}
        />
      ) : null}

      {canOpenCase && direction === 'inbound' ? (
        <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3">
          <Checkbox isSelected={openCase} onChange={setOpenCase}>
            {t('interactions.log.openCase')}
          </Checkbox>
          {openCase ? (
            <>
              <p className="text-xs text-slate-600">{t('interactions.log.openCaseHint')}</p>
              <div className="grid gap-3 sm:grid-cols-2">
                <SelectField
                  label={t('cases.fields.kind')}
                  name="kind"
                  options={caseOptions('kinds', CASE_KINDS)}
                  value={kind}
                  onChange={(value) => setKind(value ?? 'inquiry')}
                />
                <SelectField
                  label={t('cases.fields.priority')}
                  name="priority"
                  options={caseOptions('priorities', CASE_PRIORITIES)}
                  value={priority}
                  onChange={(value) => setPriority(value ?? 'normal')}
                />
              </div>
              <TextField
                label={t('cases.fields.subject')}
                name="subject"
                value={subject}
                onChange={setSubject}
                isRequired
                inputProps={{ maxLength: LIMITS.subject, autoComplete: 'off' }}
                validate={(value) => (value.trim().length >= 3 ? null : t('cases.errors.subject'))}
              />
            </>
          ) : null}
        </div>
      ) : null}

      {mutation.isError ? <ErrorAlert>{errorMessage(mutation.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onClose}>{t('app.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={mutation.isPending}>
          <PhoneCall aria-hidden="true" className="size-4" />
          {mutation.isPending
            ? t('app.saving')
            : withCase
              ? t('interactions.log.submitWithCase')
              : t('interactions.log.submit')}
        </Button>
      </div>
    </Form>
  );
}

import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../common/domain/channels';
import { errorMessage } from '../../../lib/api';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { SelectField } from '../../../ui/SelectField';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { useEnumOptions } from '../beneficiaries/labels';
import { useAppeal } from './queries';

/**
 * An appeal (تظلم) against a rejection, recorded by the officer who received it: why, and how it came in. The
 * application goes back to the committee, marked as an appeal on the next agenda.
 */
export function AppealDialog({
  applicationId,
  isOpen,
  onOpenChange,
  onDone,
}: {
  applicationId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('committee.appeal.title')} isOpen={isOpen} onOpenChange={onOpenChange} closeLabel={t('app.close')}>
      <AppealForm applicationId={applicationId} onCancel={() => onOpenChange(false)} onDone={onDone} />
    </Dialog>
  );
}

function AppealForm({
  applicationId,
  onCancel,
  onDone,
}: {
  applicationId: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const options = useEnumOptions();
  const appeal = useAppeal(applicationId);
  const fieldErrors = useFieldErrors(appeal.error);
  const [reason, setReason] = useState('');
  const [channel, setChannel] = useState<string | null>('meeting');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!channel) return;
    appeal.mutate({ reason: reason.trim(), channel }, { onSuccess: onDone });
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <p className="text-slate-700">{t('committee.appeal.body')}</p>
      <TextAreaField
        label={t('committee.appeal.reason')}
        description={t('committee.appeal.reasonHelp')}
        name="reason"
        value={reason}
        onChange={setReason}
        isRequired
        autoFocus
        rows={4}
        maxLength={2000}
        validate={(value) => (value.trim().length >= 5 ? null : t('committee.appeal.reasonTooShort'))}
      />
      <SelectField
        label={t('committee.appeal.channel')}
        name="channel"
        options={options('channel', CHANNELS)}
        value={channel}
        onChange={setChannel}
        isRequired
      />
      {appeal.isError ? <ErrorAlert>{errorMessage(appeal.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={appeal.isPending}>
          {appeal.isPending ? t('app.saving') : t('committee.appeal.submit')}
        </Button>
      </div>
    </Form>
  );
}

import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { addDays, riyadhDate } from '../../../../common/dates';
import { errorMessage } from '../../../lib/api';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TextField } from '../../../ui/fields';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import type { StatusChangeRequest } from '../../api-types';
import { useChangeStatus } from './queries';

type Action = StatusChangeRequest['action'];

/** Which actions each status allows (the server's rule, so only possible buttons show). */
const ALLOWED: Record<Action, readonly string[]> = {
  suspend: ['applicant', 'active'],
  reinstate: ['suspended'],
  reverify: ['active'],
  close: ['applicant', 'active', 'suspended'],
};

const ORDER: readonly Action[] = ['reverify', 'reinstate', 'suspend', 'close'];

/** Suspend (with reason and an optional end date), reinstate, record re-verification, close — each confirmed. */
export function StatusActions({
  beneficiaryId,
  status,
  onDone,
}: {
  beneficiaryId: string;
  status: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const actions = ORDER.filter((a) => ALLOWED[a].includes(status));
  if (actions.length === 0) return null;
  const titles: Record<Action, string> = {
    suspend: t('file.status.suspend'),
    reinstate: t('file.status.reinstate'),
    reverify: t('file.status.reverify'),
    close: t('file.status.close'),
  };

  return (
    <fieldset className="flex min-w-0 flex-wrap gap-2">
      <legend className="sr-only">{t('file.status.actions')}</legend>
      {actions.map((action) => (
        <Button
          key={action}
          variant={action === 'suspend' || action === 'close' ? 'dangerQuiet' : 'secondary'}
          className="min-h-9 px-3"
          onPress={() => setOpen(action)}
        >
          {titles[action]}
        </Button>
      ))}
      <Dialog
        title={open ? titles[open] : ''}
        isOpen={open !== null}
        onOpenChange={(isOpen) => !isOpen && setOpen(null)}
        closeLabel={t('app.close')}
        size="sm"
      >
        {open ? (
          <StatusForm
            action={open}
            beneficiaryId={beneficiaryId}
            submitLabel={titles[open]}
            onCancel={() => setOpen(null)}
            onDone={() => {
              setOpen(null);
              onDone(t('file.status.done'));
            }}
          />
        ) : null}
      </Dialog>
    </fieldset>
  );
}

function StatusForm({
  action,
  beneficiaryId,
  submitLabel,
  onCancel,
  onDone,
}: {
  action: Action;
  beneficiaryId: string;
  submitLabel: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeStatus(beneficiaryId);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const tomorrow = addDays(riyadhDate(new Date()), 1);
  const fieldErrors = useFieldErrors(change.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: StatusChangeRequest =
      action === 'reverify'
        ? { action }
        : action === 'suspend'
          ? { action, reason: reason.trim(), ...(until ? { until } : {}) }
          : { action, reason: reason.trim() };
    change.mutate(body, { onSuccess: onDone });
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      {action === 'reverify' ? <p className="text-slate-700">{t('file.status.reverifyBody')}</p> : null}
      {action === 'close' ? <p className="text-slate-700">{t('file.status.closeBody')}</p> : null}
      {action !== 'reverify' ? (
        <TextAreaField
          label={t('file.status.reason')}
          description={t('file.status.reasonHelp')}
          name="reason"
          value={reason}
          onChange={setReason}
          isRequired
          autoFocus
          maxLength={500}
          validate={(value) => (value.trim().length >= 3 ? null : t('file.status.reasonTooShort'))}
        />
      ) : null}
      {action === 'suspend' ? (
        <TextField
          label={t('file.status.until')}
          description={t('file.status.untilHelp')}
          name="until"
          type="date"
          value={until}
          onChange={setUntil}
          inputProps={{ min: tomorrow }}
        />
      ) : null}
      {change.isError ? <ErrorAlert>{errorMessage(change.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button
          type="submit"
          variant={action === 'suspend' || action === 'close' ? 'danger' : 'primary'}
          isPending={change.isPending}
        >
          {change.isPending ? t('app.saving') : submitLabel}
        </Button>
      </div>
    </Form>
  );
}

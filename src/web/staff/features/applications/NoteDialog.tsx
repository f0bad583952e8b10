import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { ErrorAlert } from '../../../ui/Alert';
import { Button, type ButtonVariant } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TextAreaField } from '../../../ui/TextAreaField';

/**
 * A confirmation for one move of an application, with a note: required (why it is referred, the referral's
 * answer, why it is withdrawn) or optional. The server's refusal is shown inside the dialog.
 */
export function NoteDialog({
  title,
  isOpen,
  onOpenChange,
  body,
  noteLabel,
  noteRequired,
  submitLabel,
  submitVariant = 'primary',
  isPending,
  error,
  onSubmit,
}: {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  body?: ReactNode;
  /** No note field when absent. */
  noteLabel?: string;
  noteRequired?: boolean;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  isPending: boolean;
  error: unknown;
  onSubmit: (note: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} isOpen={isOpen} onOpenChange={onOpenChange} closeLabel={t('app.close')}>
      <NoteForm
        body={body}
        noteLabel={noteLabel}
        noteRequired={noteRequired}
        submitLabel={submitLabel}
        submitVariant={submitVariant}
        isPending={isPending}
        error={error}
        onCancel={() => onOpenChange(false)}
        onSubmit={onSubmit}
      />
    </Dialog>
  );
}

function NoteForm({
  body,
  noteLabel,
  noteRequired,
  submitLabel,
  submitVariant,
  isPending,
  error,
  onCancel,
  onSubmit,
}: {
  body?: ReactNode;
  noteLabel?: string;
  noteRequired?: boolean;
  submitLabel: string;
  submitVariant: ButtonVariant;
  isPending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (note: string) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(note.trim());
  }
  return (
    <Form onSubmit={submit} className="flex flex-col gap-4">
      {body ? <div className="text-slate-700">{body}</div> : null}
      {noteLabel ? (
        <TextAreaField
          label={noteLabel}
          name="note"
          value={note}
          onChange={setNote}
          isRequired={noteRequired}
          autoFocus
          rows={4}
          maxLength={2000}
          validate={(value) => (noteRequired && !value.trim() ? t('application.dialogs.noteRequired') : null)}
        />
      ) : null}
      {error ? <ErrorAlert>{errorMessage(error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button type="submit" variant={submitVariant} isPending={isPending} autoFocus={!noteLabel}>
          {isPending ? t('app.saving') : submitLabel}
        </Button>
      </div>
    </Form>
  );
}

import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { normalizeArabicCompact } from '../../../../common/arabic';
import { ApiError, errorMessage } from '../../../lib/api';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TextField } from '../../../ui/fields';
import { RadioGroupField } from '../../../ui/RadioGroupField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { useUser } from '../../session';
import { useOrgSettings } from '../beneficiaries/queries';

export type DeclarationInput = { typedName: string; method: 'signature' | 'checkbox' };

/**
 * Policy step 4: the applicant confirms the data is correct and signs. The declaration text is the association's;
 * the applicant writes their four-part name (it must match the file, ignoring Arabic spelling variants), the
 * method is recorded, and the signed-in employee is the witness.
 */
export function DeclarationDialog({
  isOpen,
  onOpenChange,
  fullName,
  isPending,
  error,
  onSubmit,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  fullName: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (declaration: DeclarationInput) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('application.declaration.title')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      closeLabel={t('app.close')}
    >
      <DeclarationForm
        fullName={fullName}
        isPending={isPending}
        error={error}
        onCancel={() => onOpenChange(false)}
        onSubmit={onSubmit}
      />
    </Dialog>
  );
}

function DeclarationForm({
  fullName,
  isPending,
  error,
  onCancel,
  onSubmit,
}: {
  fullName: string;
  isPending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (declaration: DeclarationInput) => void;
}) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const settings = useOrgSettings();
  const [typedName, setTypedName] = useState('');
  const [method, setMethod] = useState<'signature' | 'checkbox'>('signature');
  const [checked, setChecked] = useState(false);
  const mismatch = error instanceof ApiError && error.code === 'application.declaration_name_mismatch';
  const fieldErrors = useFieldErrors(error, (e) =>
    e.code === 'application.declaration_name_mismatch' ? { typedName: e.message } : undefined,
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (normalizeArabicCompact(typedName) !== normalizeArabicCompact(fullName)) return;
    onSubmit({ typedName: typedName.trim(), method });
  }

  const nameError =
    checked && typedName.trim() && normalizeArabicCompact(typedName) !== normalizeArabicCompact(fullName)
      ? t('application.declaration.nameMismatch')
      : null;

  return (
    <Form onSubmit={submit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <p className="text-slate-700">{t('application.declaration.intro')}</p>
      <div>
        <h3 className="text-sm font-medium text-slate-800">{t('application.declaration.text')}</h3>
        <blockquote
          lang="ar"
          dir="rtl"
          className="mt-1 rounded-md border border-slate-200 bg-slate-50 p-3 leading-loose text-slate-900"
        >
          {settings.data?.declarationTextAr}
        </blockquote>
        {i18n.language === 'en' && settings.data?.declarationTextEn ? (
          <p lang="en" className="mt-1 text-xs text-slate-600">
            {settings.data.declarationTextEn}
          </p>
        ) : null}
      </div>
      <TextField
        label={t('application.declaration.typedName')}
        description={t('application.declaration.typedNameHelp')}
        name="typedName"
        value={typedName}
        onChange={(value) => {
          setChecked(false);
          setTypedName(value);
        }}
        isRequired
        autoFocus
        isInvalid={nameError ? true : undefined}
        errorMessage={nameError ?? undefined}
        validate={(value) => (value.trim().length >= 5 ? null : t('application.declaration.typedNameShort'))}
        inputProps={{ autoComplete: 'off', lang: 'ar' }}
      />
      <RadioGroupField
        label={t('application.declaration.method')}
        name="method"
        value={method}
        onChange={(value) => setMethod(value === 'checkbox' ? 'checkbox' : 'signature')}
        options={[
          { id: 'signature', label: t('application.declaration.methodSignature') },
          { id: 'checkbox', label: t('application.declaration.methodCheckbox') },
        ]}
      />
      <p className="text-slate-700">
        {t('application.declaration.witness')}: <span className="font-medium text-slate-900">{user.displayName}</span>
      </p>
      {error && !mismatch ? <ErrorAlert>{errorMessage(error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={isPending}>
          {isPending ? t('app.saving') : t('application.declaration.submit')}
        </Button>
      </div>
    </Form>
  );
}

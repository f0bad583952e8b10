import uploadStrings from 'virtual:portal-strings/upload';
import { useId, useState } from 'react';
import { api, type PortalError } from './api';
import { addStrings, t } from './i18n';
import { CircleCheck } from './icons';
import { Upload } from './page-icons';
import { buttonClass, cx, FieldError, fieldId, Ltr } from './ui';

addStrings({ upload: uploadStrings });

const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/**
 * One document to attach to an application, uploaded as soon as it is chosen (one tap less for the person).
 * The permission (`token`) comes from the one-time code and lasts a short while; when it has run out the server
 * says so in words, shown here.
 */
export function DocumentUpload({
  reference,
  token,
  kind,
  label,
}: {
  reference: string;
  token: string;
  kind: string;
  label: string;
}) {
  const name = `upload-${useId()}`;
  const [state, setState] = useState<{ busy: boolean; error?: string; done: { id: number; name: string }[] }>({
    busy: false,
    done: [],
  });
  const upload = async (file: File | undefined, input: HTMLInputElement) => {
    if (!file) return;
    if (file.size > MAX_BYTES) return setState((s) => ({ ...s, error: t('errors.fileTooLarge') }));
    if (file.type && !TYPES.includes(file.type)) return setState((s) => ({ ...s, error: t('errors.fileType') }));
    setState((s) => ({ ...s, busy: true, error: undefined }));
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file);
    try {
      await api('POST', `/api/portal/applications/${encodeURIComponent(reference)}/documents`, {
        form,
        headers: { 'x-portal-token': token },
      });
      setState((s) => ({ busy: false, done: [...s.done, { id: s.done.length + 1, name: file.name }] }));
      input.value = '';
    } catch (error) {
      setState((s) => ({ ...s, busy: false, error: (error as PortalError).message }));
    }
  };
  const id = fieldId(name);
  return (
    <li className="space-y-2 rounded-lg border border-slate-300 bg-white p-4">
      <p lang="ar" className="font-bold">
        {label}
      </p>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {t('upload.hint')}
      </p>
      {/* The browser's own file button speaks the browser's language; this label is the button people see. */}
      <input
        id={id}
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        disabled={state.busy}
        aria-describedby={cx(`${id}-hint`, state.error && `${id}-error`) || undefined}
        aria-invalid={state.error ? true : undefined}
        onChange={(event) => upload(event.target.files?.[0], event.target)}
        className="peer sr-only"
      />
      <label
        htmlFor={id}
        className={buttonClass(
          'secondary',
          'peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600',
        )}
      >
        <Upload aria-hidden="true" className="size-5" />
        <span aria-hidden="true">{t('upload.button')}</span>
        <span className="sr-only">{t('upload.choose', { what: label })}</span>
      </label>
      <div role="status" className="space-y-1">
        {state.busy ? <p className="text-sm font-bold text-slate-700">{t('upload.sending')}</p> : null}
        {state.done.map((file) => (
          <p key={file.id} className="flex items-center gap-1.5 font-bold text-green-800">
            <CircleCheck aria-hidden="true" className="size-5 shrink-0" />
            {t('upload.done', { name: '' })}
            <Ltr className="truncate">{file.name}</Ltr>
          </p>
        ))}
      </div>
      <FieldError name={name}>{state.error}</FieldError>
    </li>
  );
}

import { Paperclip, Upload } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { FileTrigger, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { SelectField } from '../../../ui/SelectField';
import type { BeneficiaryDocument } from '../../api-types';
import { useOrgSettings, useUploadDocument } from './queries';

const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'];

/**
 * Upload one document to the beneficiary's file: its kind (a checklist item such as the ID copy) and a PDF, JPEG
 * or PNG within the association's size limit. The server checks the file's real type from its bytes.
 */
export function DocumentUpload({
  beneficiaryId,
  kinds,
  fixedKind,
  applicationId,
  onUploaded,
  label,
}: {
  beneficiaryId: string;
  /** The kinds to choose from; omitted when `fixedKind` names it. */
  kinds?: readonly { id: string; label: string }[];
  fixedKind?: string;
  applicationId?: string;
  onUploaded?: (document: Omit<BeneficiaryDocument, 'applicationId'>) => void;
  /** A name for the form, e.g. the checklist item it belongs to. */
  label?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const settings = useOrgSettings();
  const upload = useUploadDocument(beneficiaryId);
  const [kind, setKind] = useState<string | null>(fixedKind ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const maxMb = settings.data?.maxUploadMb ?? 5;
  const mb = format.number(maxMb);

  function choose(files: FileList | null) {
    const chosen = files?.[0] ?? null;
    setDone(false);
    upload.reset();
    if (!chosen) return;
    if (!ACCEPTED.includes(chosen.type)) {
      setProblem(t('file.documents.badType'));
      setFile(null);
      return;
    }
    if (chosen.size > maxMb * 1024 * 1024) {
      setProblem(t('file.documents.tooLarge', { mb }));
      setFile(null);
      return;
    }
    setProblem(null);
    setFile(chosen);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setProblem(t('file.documents.noFile'));
      return;
    }
    if (!kind) return;
    upload.mutate(
      { kind, file, ...(applicationId ? { applicationId } : {}) },
      {
        onSuccess: (document) => {
          setFile(null);
          setDone(true);
          onUploaded?.(document);
        },
      },
    );
  }

  return (
    <Form onSubmit={onSubmit} aria-label={label ?? t('file.documents.upload')} className="flex flex-col gap-3">
      {fixedKind ? null : (
        <SelectField
          label={t('file.documents.kind')}
          name="kind"
          options={kinds ?? []}
          value={kind}
          onChange={setKind}
          isRequired
          errorMessage={kind ? undefined : t('app.required')}
          className="sm:max-w-sm"
        />
      )}
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium text-slate-800">{t('file.documents.file')}</span>
        <div className="flex flex-wrap items-center gap-2">
          <FileTrigger acceptedFileTypes={ACCEPTED} onSelect={choose}>
            <Button className="min-h-10">
              <Paperclip aria-hidden="true" className="size-4" />
              {t('file.documents.choose')}
            </Button>
          </FileTrigger>
          <span className="min-w-0 break-all text-slate-700">
            {file ? (
              <>
                {t('file.documents.chosen')} <bdi>{file.name}</bdi>
              </>
            ) : (
              t('file.documents.noFile')
            )}
          </span>
        </div>
        <span className="text-xs text-slate-600">{t('file.documents.help', { mb })}</span>
        {problem ? <span className="text-xs font-medium text-red-700">{problem}</span> : null}
      </div>
      {upload.isError ? <ErrorAlert>{errorMessage(upload.error)}</ErrorAlert> : null}
      <SuccessNotice>{done ? t('file.documents.uploaded') : null}</SuccessNotice>
      <div>
        <Button type="submit" variant="secondary" isPending={upload.isPending} isDisabled={!file}>
          <Upload aria-hidden="true" className="size-4" />
          {upload.isPending ? t('file.documents.uploading') : t('file.documents.submit')}
        </Button>
      </div>
    </Form>
  );
}

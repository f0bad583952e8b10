import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { ImportField } from '../../../common/domain/registry-import';
import { ApiError, api, errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { Ltr } from '../../ui/Ltr';
import { Card, Loading, PageHeader } from '../../ui/Page';

type Correction = {
  id: string;
  fileName: string;
  row: number;
  nationalId: string | null;
  name: string | null;
  values: Record<string, string>;
  issues: { field: string; column: string | null; message: string }[];
  correctedAt: string | null;
};
type CorrectionList = { total: number; items: Correction[] };
/** Fields typed left to right even in the Arabic interface. */
const LTR_FIELDS = new Set(['nationalId', 'mobile', 'mobile2', 'birthDate', 'birthDateHijri', 'birthDateGregorian']);

/**
 * Rows of imports kept as files that need correction (manager, admin): the list, and one row's values as read
 * from the sheet with the reasons, to correct; once they pass the registration rules the file is created.
 */
export default function ImportCorrectionsPage() {
  const { id } = useParams<{ id?: string }>();
  return id ? <CorrectRow id={id} /> : <CorrectionsList />;
}

function CorrectionsList() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useQuery({
    queryKey: ['import-corrections'],
    queryFn: () => api.get<CorrectionList>('/api/import-corrections'),
  });
  return (
    <>
      <PageHeader title={t('importCorrections.title')} subtitle={t('importCorrections.subtitle')} />
      <Link href="/beneficiaries/quality" className="text-teal-800 underline">
        {t('dataQuality.back')}
      </Link>
      {list.error ? <ErrorAlert>{errorMessage(list.error)}</ErrorAlert> : null}
      {!list.data ? (
        <Loading label={t('importCorrections.title')} />
      ) : (
        <Card className="mt-4 flex flex-col gap-2">
          <p>{t('importCorrections.total', { n: format.number(list.data.total) })}</p>
          {list.data.items.length === 0 ? <p>{t('importCorrections.empty')}</p> : null}
          <ul className="flex flex-col divide-y divide-stone-200">
            {list.data.items.map((item) => (
              <li key={item.id} className="flex flex-col gap-1 py-3">
                <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
                  <Link
                    href={`/beneficiaries/quality/corrections/${item.id}`}
                    className="font-medium text-teal-800 underline"
                  >
                    {item.name || t('importCorrections.noName')}
                  </Link>
                  <span>{t('importCorrections.source', { file: item.fileName, row: format.number(item.row) })}</span>
                  {item.nationalId ? <Ltr>{item.nationalId}</Ltr> : null}
                </div>
                <ul className="list-inside list-disc text-sm text-red-800">
                  {item.issues.map((issue) => (
                    <li key={`${issue.field}-${issue.message}`}>{issue.message}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}

function CorrectRow({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const row = useQuery({
    queryKey: ['import-corrections', id],
    queryFn: () => api.get<Correction>(`/api/import-corrections/${id}`),
  });
  const [edited, setEdited] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      api.post<{ beneficiaryId: string; fileNumber: string }>(`/api/import-corrections/${id}`, { values: edited }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['import-corrections'] });
      void queryClient.invalidateQueries({ queryKey: ['data-quality'] });
    },
  });
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <>
      <PageHeader title={t('importCorrections.correctTitle')} subtitle={t('importCorrections.correctHelp')} />
      <Link href="/beneficiaries/quality/corrections" className="text-teal-800 underline">
        {t('importCorrections.back')}
      </Link>
      {row.error ? <ErrorAlert>{errorMessage(row.error)}</ErrorAlert> : null}
      {!row.data ? (
        <Loading label={t('importCorrections.correctTitle')} />
      ) : save.data ? (
        <SuccessNotice className="mt-4">
          {t('importCorrections.created', { file: save.data.fileNumber })}{' '}
          <Link href={`/beneficiaries/${save.data.beneficiaryId}`} className="font-medium underline">
            {t('importCorrections.openFile')}
          </Link>
        </SuccessNotice>
      ) : (
        <Card className="mt-4 max-w-2xl">
          <p className="mb-2 text-sm text-slate-700">
            {t('importCorrections.source', { file: row.data.fileName, row: format.number(row.data.row) })}
          </p>
          {row.data.correctedAt ? <p>{t('importCorrections.alreadyCorrected')}</p> : null}
          <h2 className="font-bold text-slate-900">{t('importCorrections.reasons')}</h2>
          <ul className="mb-4 list-inside list-disc text-sm text-red-800">
            {row.data.issues.map((issue) => (
              <li key={`${issue.field}-${issue.message}`}>{issue.message}</li>
            ))}
          </ul>
          {/* The server's reasons are shown under their fields without blocking the next submit (aria, not native). */}
          <Form onSubmit={onSubmit} validationBehavior="aria" className="flex flex-col gap-3">
            {Object.entries(row.data.values).map(([field, value]) => (
              <TextField
                key={field}
                name={field}
                label={t(`registryImport.fields.${field as ImportField}`)}
                ltr={LTR_FIELDS.has(field)}
                value={edited[field] ?? value}
                onChange={(next) => setEdited((v) => ({ ...v, [field]: next }))}
                isInvalid={Boolean(fieldErrors[field])}
                errorMessage={fieldErrors[field]}
              />
            ))}
            {save.error ? <ErrorAlert>{errorMessage(save.error)}</ErrorAlert> : null}
            <Button type="submit" variant="primary" isPending={save.isPending} className="self-start">
              {t('importCorrections.save')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}

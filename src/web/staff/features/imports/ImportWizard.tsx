import type { TFunction } from 'i18next';
import { Download, FileSpreadsheet, Paperclip, Play, SearchCheck, Upload } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { FileTrigger, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  type RowReport,
} from '../../../../common/domain/registry-import';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Badge, type BadgeTone } from '../../../ui/Badge';
import { Button, buttonClass } from '../../../ui/Button';
import { Checkbox, TextField } from '../../../ui/fields';
import { Card } from '../../../ui/Page';
import { SelectField } from '../../../ui/SelectField';
import {
  tableClass,
  tableWrapClass,
  tbodyClass,
  tdClass,
  tdLabelClass,
  thClass,
  theadClass,
  trClass,
} from '../../../ui/table';
import { useBranches } from '../../queries';
import {
  type PreviewResult,
  type UploadResult,
  useImportStatus,
  usePreviewImport,
  useRunImport,
  useUploadImport,
} from './queries';

const REQUIRED: ImportField[] = ['nationalId', 'mobile', 'district'];
const NONE = '__none__';
const TONE: Record<RowReport['status'], BadgeTone> = {
  valid: 'success',
  invalid: 'danger',
  duplicate: 'neutral',
  suspected: 'warning',
};

/**
 * Bringing an association's existing registry in: upload a sheet, correct the proposed mapping, read the dry run's
 * row-by-row report, then import (in batches, with progress). Nothing is written before the last step.
 */
export function ImportWizard() {
  const [uploaded, setUploaded] = useState<UploadResult | null>(null);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [started, setStarted] = useState(false);
  const reset = () => {
    setUploaded(null);
    setPreview(null);
    setStarted(false);
  };
  return (
    <div className="flex flex-col gap-6">
      {uploaded ? null : <UploadStep onUploaded={setUploaded} />}
      {uploaded && !started ? (
        <MappingStep
          uploaded={uploaded}
          onPreview={(p) => {
            setPreview(p);
          }}
        />
      ) : null}
      {uploaded && preview && !started ? (
        <DryRunStep id={uploaded.id} preview={preview} onStarted={() => setStarted(true)} />
      ) : null}
      {uploaded && started ? <ApplyStep id={uploaded.id} onStartOver={reset} /> : null}
    </div>
  );
}

function UploadStep({ onUploaded }: { onUploaded: (u: UploadResult) => void }) {
  const { t, i18n } = useTranslation();
  const branches = useBranches();
  const uploadFile = useUploadImport();
  const [file, setFile] = useState<File | null>(null);
  const [branchId, setBranchId] = useState<string | null>(null);
  const options = (branches.data ?? []).map((b) => ({
    id: b.id,
    label: (i18n.language === 'en' ? b.nameEn : b.nameAr) || b.nameAr,
  }));
  const chosenBranch = branchId ?? options[0]?.id ?? null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file || !chosenBranch) return;
    uploadFile.mutate({ file, branchId: chosenBranch }, { onSuccess: onUploaded });
  }

  return (
    <Card>
      <h2 className="mb-3 text-lg font-bold text-slate-900">{t('registryImport.steps.upload')}</h2>
      <Form onSubmit={submit} className="flex flex-col gap-4" aria-label={t('registryImport.steps.upload')}>
        <SelectField
          label={t('registryImport.branch')}
          options={options}
          value={chosenBranch}
          onChange={setBranchId}
          className="sm:max-w-sm"
        />
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium text-slate-800">{t('registryImport.file')}</span>
          <div className="flex flex-wrap items-center gap-2">
            <FileTrigger
              acceptedFileTypes={[
                '.xlsx',
                '.csv',
                'text/csv',
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              ]}
              onSelect={(files) => {
                uploadFile.reset();
                setFile(files?.[0] ?? null);
              }}
            >
              <Button className="min-h-10">
                <Paperclip aria-hidden="true" className="size-4" />
                {t('registryImport.choose')}
              </Button>
            </FileTrigger>
            <span className="min-w-0 break-all text-slate-700">
              {file ? (
                <>
                  {t('registryImport.chosen')} <bdi>{file.name}</bdi>
                </>
              ) : (
                t('registryImport.noFile')
              )}
            </span>
          </div>
          <span className="text-xs text-slate-600">{t('registryImport.fileHelp')}</span>
        </div>
        {uploadFile.isError ? <ErrorAlert>{errorMessage(uploadFile.error)}</ErrorAlert> : null}
        <div>
          <Button type="submit" variant="primary" isDisabled={!file || !chosenBranch} isPending={uploadFile.isPending}>
            <Upload aria-hidden="true" className="size-4" />
            {uploadFile.isPending ? t('registryImport.uploading') : t('registryImport.upload')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function MappingStep({ uploaded, onPreview }: { uploaded: UploadResult; onPreview: (p: PreviewResult) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [mapping, setMapping] = useState<ImportMapping>(uploaded.mapping);
  const [gender, setGender] = useState<string>(NONE);
  const [saveAs, setSaveAs] = useState('');
  const preview = usePreviewImport(uploaded.id);
  const headerOptions = [
    { id: NONE, label: t('registryImport.notInSheet') },
    ...uploaded.headers.map((h) => ({ id: h, label: h })),
  ];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    preview.mutate(
      {
        mapping,
        defaults: { gender: gender === NONE ? null : (gender as 'male' | 'female') },
        ...(saveAs.trim() ? { saveMappingAs: saveAs.trim() } : {}),
      },
      { onSuccess: onPreview },
    );
  }

  return (
    <Card>
      <h2 className="mb-1 text-lg font-bold text-slate-900">{t('registryImport.mappingTitle')}</h2>
      <p className="mb-1 text-sm text-slate-700">
        <FileSpreadsheet aria-hidden="true" className="me-1 inline size-4" />
        {t('registryImport.read', { rows: format.number(uploaded.counts.rows), file: uploaded.fileName })}
      </p>
      {uploaded.savedMapping ? (
        <p className="mb-1 text-sm text-slate-700">
          {t('registryImport.savedMappingUsed', { name: uploaded.savedMapping.name })}
        </p>
      ) : null}
      <p className="mb-4 text-sm text-slate-600">{t('registryImport.mappingHelp')}</p>

      <Form onSubmit={submit} className="flex flex-col gap-4" aria-label={t('registryImport.mappingTitle')}>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {IMPORT_FIELDS.map((field) => (
            <SelectField
              key={field}
              label={`${t(`registryImport.fields.${field}`)}${REQUIRED.includes(field) ? ' *' : ''}`}
              options={headerOptions}
              value={mapping[field] ?? NONE}
              onChange={(value) =>
                setMapping((m) => {
                  const next = { ...m };
                  if (!value || value === NONE) delete next[field];
                  else next[field] = value;
                  return next;
                })
              }
            />
          ))}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label={t('registryImport.defaultGender')}
            options={[
              { id: NONE, label: t('registryImport.noDefault') },
              { id: 'male', label: t('enums.gender.male') },
              { id: 'female', label: t('enums.gender.female') },
            ]}
            value={gender}
            onChange={(v) => setGender(v ?? NONE)}
          />
          <TextField label={t('registryImport.saveAs')} value={saveAs} onChange={setSaveAs} maxLength={80} />
        </div>

        <section aria-labelledby="import-sample">
          <h3 id="import-sample" className="mb-2 text-sm font-bold text-slate-800">
            {t('registryImport.sample')}
          </h3>
          {/* A focusable region, so the sheet's wide rows can be scrolled from the keyboard. */}
          <section
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1)
            tabIndex={0}
            aria-label={t('registryImport.sample')}
            className="overflow-x-auto rounded-lg border border-slate-200"
          >
            <table className="w-full text-xs">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  {uploaded.headers.map((h) => (
                    <th key={h} scope="col" className="px-2 py-1.5 text-start font-medium whitespace-nowrap">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {uploaded.sample.map((row, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity of their own
                  <tr key={i}>
                    {row.map((cell, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                      <td key={j} className="px-2 py-1.5 whitespace-nowrap text-slate-800">
                        <bdi>{cell}</bdi>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </section>

        {preview.isError ? <ErrorAlert>{errorMessage(preview.error)}</ErrorAlert> : null}
        <div>
          <Button type="submit" variant="primary" isPending={preview.isPending}>
            <SearchCheck aria-hidden="true" className="size-4" />
            {preview.isPending ? t('registryImport.dryRunning') : t('registryImport.dryRun')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function Counts({ items }: { items: { label: string; value: number; tone?: string }[] }) {
  const format = useFormat();
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {items.map((item) => (
        <div key={item.label} className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-600">{item.label}</dt>
          <dd className={`text-2xl font-bold ${item.tone ?? 'text-slate-900'}`}>{format.number(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function reasonOf(t: TFunction, r: RowReport, number: (n: number) => string): string[] {
  if (r.issues.length > 0) return r.issues.map((i) => (i.column ? `${i.column}: ${i.message}` : i.message));
  if (r.status === 'duplicate' && r.duplicateOf?.row)
    return [t('registryImport.repeatsRow', { row: number(r.duplicateOf.row) })];
  if (r.status === 'duplicate') return [t('registryImport.existsAs', { file: r.duplicateOf?.fileNumber ?? '' })];
  if (r.status === 'suspected')
    return [
      t('registryImport.resembles', {
        file: r.duplicateOf?.fileNumber ?? '',
        score: number(r.duplicateOf?.score ?? 0),
      }),
    ];
  return [];
}

function DryRunStep({ id, preview, onStarted }: { id: string; preview: PreviewResult; onStarted: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useRunImport(id);
  const [keepInvalid, setKeepInvalid] = useState(false);
  const c = preview.import.counts;
  const toCreate =
    preview.import.progress.total -
    (c.duplicates - preview.rows.filter((r) => r.status === 'duplicate' && r.duplicateOf?.row).length);
  return (
    <Card>
      <h2 className="mb-3 text-lg font-bold text-slate-900">{t('registryImport.steps.dryRun')}</h2>
      <Counts
        items={[
          { label: t('registryImport.counts.rows'), value: c.rows },
          { label: t('registryImport.counts.valid'), value: c.valid, tone: 'text-emerald-800' },
          { label: t('registryImport.counts.invalid'), value: c.invalid, tone: 'text-red-800' },
          { label: t('registryImport.counts.duplicates'), value: c.duplicates },
          { label: t('registryImport.counts.suspected'), value: preview.suspected, tone: 'text-amber-800' },
        ]}
      />
      <p className="mt-3 text-sm text-slate-700">
        {t('registryImport.dryRunNote', { files: format.number(toCreate) })}
      </p>

      <section aria-labelledby="import-problems" className="mt-4">
        <h3 id="import-problems" className="mb-2 font-bold text-slate-900">
          {t('registryImport.problems')}
        </h3>
        {preview.rows.length === 0 ? (
          <p className="text-slate-700">{t('registryImport.noProblems')}</p>
        ) : (
          <div className={tableWrapClass}>
            <table className={tableClass}>
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className={thClass}>
                    {t('registryImport.row')}
                  </th>
                  <th scope="col" className={thClass}>
                    {t('registryImport.status')}
                  </th>
                  <th scope="col" className={thClass}>
                    {t('registryImport.name')}
                  </th>
                  <th scope="col" className={thClass}>
                    {t('registryImport.reason')}
                  </th>
                </tr>
              </thead>
              <tbody className={tbodyClass}>
                {preview.rows.map((r) => (
                  <tr key={r.row} className={trClass}>
                    <td className={`${tdClass} ${tdLabelClass}`} data-label={t('registryImport.row')}>
                      {format.number(r.row)}
                    </td>
                    <td className={`${tdClass} ${tdLabelClass}`} data-label={t('registryImport.status')}>
                      <Badge tone={TONE[r.status]}>{t(`registryImport.rowStatus.${r.status}`)}</Badge>
                    </td>
                    <td className={`${tdClass} ${tdLabelClass}`} data-label={t('registryImport.name')}>
                      <bdi>{r.name ?? '—'}</bdi>
                    </td>
                    <td className={`${tdClass} ${tdLabelClass}`} data-label={t('registryImport.reason')}>
                      <ul className="flex flex-col gap-0.5">
                        {reasonOf(t, r, format.number).map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {c.invalid > 0 ? (
        <div className="mt-4">
          <Checkbox isSelected={keepInvalid} onChange={setKeepInvalid}>
            {t('registryImport.keepInvalid')}
          </Checkbox>
          <p className="text-xs text-slate-600">{t('registryImport.keepInvalidHelp')}</p>
        </div>
      ) : null}
      {run.isError ? <ErrorAlert className="mt-3">{errorMessage(run.error)}</ErrorAlert> : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button
          variant="primary"
          isPending={run.isPending}
          isDisabled={toCreate === 0}
          onPress={() => run.mutate({ keepInvalid }, { onSuccess: onStarted })}
        >
          <Play aria-hidden="true" className="size-4 rtl:-scale-x-100" />
          {t('registryImport.apply', { files: format.number(toCreate) })}
        </Button>
        <a href={`/api/imports/${id}/report`} className={buttonClass('secondary')} download>
          <Download aria-hidden="true" className="size-4" />
          {t('registryImport.downloadReport')}
        </a>
      </div>
    </Card>
  );
}

function ApplyStep({ id, onStartOver }: { id: string; onStartOver: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useImportStatus(id, true);
  const data = status.data;
  const done = data?.status === 'done';
  const total = Math.max(1, data?.progress.total ?? 1);
  const value = data?.progress.done ?? 0;
  return (
    <Card>
      <h2 className="mb-3 text-lg font-bold text-slate-900">{t('registryImport.steps.apply')}</h2>
      <div
        role="progressbar"
        aria-label={t('registryImport.progress')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={value}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className="h-full rounded-full bg-brand-700 transition-all"
          style={{ width: `${(100 * value) / total}%` }}
        />
      </div>
      {done ? null : (
        <p className="mt-2 text-sm text-slate-700">
          {t('registryImport.applying', {
            done: format.number(value),
            total: format.number(data?.progress.total ?? 0),
          })}
        </p>
      )}
      {status.isError ? <ErrorAlert className="mt-3">{errorMessage(status.error)}</ErrorAlert> : null}
      {done && data ? (
        <>
          <SuccessNotice className="mt-3">
            {t('registryImport.done', { created: format.number(data.counts.created) })}
          </SuccessNotice>
          <div className="mt-4 flex flex-wrap gap-2">
            <Link href="/beneficiaries/duplicates" className={buttonClass('primary')}>
              {t('registryImport.reviewDuplicates')}
            </Link>
            <a href={`/api/imports/${id}/report`} className={buttonClass('secondary')} download>
              <Download aria-hidden="true" className="size-4" />
              {t('registryImport.downloadReport')}
            </a>
            <Button onPress={onStartOver}>{t('registryImport.startOver')}</Button>
          </div>
        </>
      ) : null}
    </Card>
  );
}

import { Download, Upload } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { CHECKLIST_STATES } from '../../../../common/domain/application';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { SegmentedControl } from '../../../ui/SegmentedControl';
import { SelectField } from '../../../ui/SelectField';
import type { ApplicationDetail, BeneficiaryDocument, ChecklistItem } from '../../api-types';
import { DocumentUpload } from '../beneficiaries/DocumentUpload';
import { useEnumLabel } from '../beneficiaries/labels';
import { CHECKLIST_TONE, isSettled } from './labels';
import { useLocalized, useUpdateChecklistItem } from './queries';

const NO_DOCUMENT = 'none';

/**
 * Policy step 2: each required item is matched against the beneficiary's data and documents at submission — its
 * state, a note, the document it rests on — and who recorded it, when. Read-only for roles that do not verify
 * and once the declaration is recorded.
 */
export function Checklist({
  application,
  editable,
  documents,
}: {
  application: ApplicationDetail;
  editable: boolean;
  /** The beneficiary's documents, to attach one to an item (absent while loading or when not allowed). */
  documents: BeneficiaryDocument[] | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const items = application.checklist;
  const done = items.filter((i) => isSettled(i.state)).length;
  const closed = !editable && !['draft', 'submitted', 'verifying', 'referred', 'returned'].includes(application.stage);

  return (
    <section aria-labelledby="checklist-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
        <h2 id="checklist-title" className="text-base font-bold text-slate-900">
          {t('application.checklist.title')}
        </h2>
        {items.length > 0 ? (
          <Badge tone={done === items.length ? 'success' : 'neutral'}>
            {t('application.checklist.progress', { done: format.number(done), total: format.number(items.length) })}
          </Badge>
        ) : null}
      </div>
      <p className="mb-4 text-slate-600">
        {closed
          ? application.stage === 'withdrawn'
            ? t('application.checklist.closedWithdrawn')
            : t('application.checklist.closed')
          : t('application.checklist.hint')}
      </p>
      {items.length === 0 ? <p className="text-slate-700">{t('application.checklist.empty')}</p> : null}
      <ul className="flex flex-col gap-3">
        {items.map((item) => (
          <ChecklistRow
            key={item.itemKey}
            item={item}
            application={application}
            editable={editable}
            documents={documents}
          />
        ))}
      </ul>
    </section>
  );
}

function ChecklistRow({
  item,
  application,
  editable,
  documents,
}: {
  item: ChecklistItem;
  application: ApplicationDetail;
  editable: boolean;
  documents: BeneficiaryDocument[] | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  const localized = useLocalized();
  const update = useUpdateChecklistItem(application.id);
  const headingId = useId();
  const label = localized(item.labelAr, item.labelEn);

  // What the person chose shows at once; the server's answer replaces it when it arrives.
  const [state, setState] = useState(item.state);
  const [note, setNote] = useState(item.note ?? '');
  const [uploading, setUploading] = useState(false);
  const synced = useRef(`${item.updatedAt}|${item.state}`);
  useEffect(() => {
    const version = `${item.updatedAt}|${item.state}`;
    if (version === synced.current) return;
    synced.current = version;
    setState(item.state);
    setNote(item.note ?? '');
  }, [item.updatedAt, item.state, item.note]);

  function save(change: { state?: string; note?: string; documentId?: string | null }) {
    const next = { state: change.state ?? state, note: (change.note ?? note).trim() };
    update.mutate(
      {
        itemKey: item.itemKey,
        state: next.state,
        ...(next.note ? { note: next.note } : {}),
        ...(change.documentId !== undefined ? { documentId: change.documentId } : {}),
      },
      {
        onError: () => {
          setState(item.state);
        },
      },
    );
  }

  const attached = item.documentId ? documents?.find((d) => d.id === item.documentId) : undefined;
  const documentOptions = [
    { id: NO_DOCUMENT, label: t('application.checklist.noDocument') },
    ...(documents ?? []).map((d) => ({ id: d.id, label: d.originalName })),
  ];
  const noteDirty = note.trim() !== (item.note ?? '');

  return (
    <li className="rounded-md border border-slate-200 p-3 sm:p-4">
      <fieldset aria-labelledby={headingId} className="min-w-0">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3 id={headingId} className="font-medium text-slate-900">
            {label}
          </h3>
          {editable ? null : (
            <Badge tone={CHECKLIST_TONE[item.state] ?? 'neutral'}>{enumLabel('checklistState', item.state)}</Badge>
          )}
        </div>

        {editable ? (
          <SegmentedControl
            className="mt-2"
            label={t('application.checklist.state', { item: label })}
            value={state}
            onChange={(value) => {
              setState(value);
              save({ state: value });
            }}
            segments={CHECKLIST_STATES.map((s) => ({
              id: s,
              label: enumLabel('checklistState', s),
              tone: s === 'verified' ? 'success' : s === 'missing' ? 'danger' : s === 'provided' ? 'info' : 'neutral',
            }))}
          />
        ) : null}

        {editable ? (
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            <div className="flex items-end gap-2">
              <TextField
                label={t('application.checklist.note')}
                value={note}
                onChange={setNote}
                onBlur={() => {
                  if (noteDirty) save({});
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && noteDirty) save({});
                }}
                maxLength={500}
                className="min-w-0 flex-1"
              />
              {noteDirty ? (
                <Button className="min-h-10 shrink-0 px-3" onPress={() => save({})}>
                  {t('application.checklist.saveNote')}
                </Button>
              ) : null}
            </div>
            <SelectField
              label={t('application.checklist.document')}
              options={documentOptions}
              value={item.documentId ?? NO_DOCUMENT}
              onChange={(value) =>
                save({
                  documentId: value === NO_DOCUMENT || value === null ? null : value,
                  ...(value && value !== NO_DOCUMENT && state === 'pending' ? { state: 'provided' } : {}),
                })
              }
            />
          </div>
        ) : (
          <div className="mt-1 flex flex-col gap-1 text-slate-700">{item.note ? <p>{item.note}</p> : null}</div>
        )}

        {attached || (!editable && item.documentId) ? (
          <p className="mt-2">
            <a
              href={`/api/documents/${item.documentId}`}
              download
              className="inline-flex items-center gap-1 text-brand-800 underline underline-offset-2"
            >
              <Download aria-hidden="true" className="size-4" />
              <bdi>{attached?.originalName ?? t('application.checklist.document')}</bdi>
            </a>
          </p>
        ) : null}

        {editable ? (
          <div className="mt-2">
            {uploading ? (
              <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
                <DocumentUpload
                  beneficiaryId={application.beneficiary.id}
                  fixedKind={item.itemKey}
                  applicationId={application.id}
                  label={t('application.checklist.upload')}
                  onUploaded={(document) => {
                    setUploading(false);
                    const nextState = state === 'pending' || state === 'missing' ? 'provided' : state;
                    setState(nextState);
                    save({ documentId: document.id, state: nextState });
                  }}
                />
                <Button variant="ghost" className="mt-2 min-h-9 px-3" onPress={() => setUploading(false)}>
                  {t('app.cancel')}
                </Button>
              </div>
            ) : (
              <Button variant="ghost" className="min-h-9 px-2 text-brand-800" onPress={() => setUploading(true)}>
                <Upload aria-hidden="true" className="size-4" />
                {t('application.checklist.upload')}
              </Button>
            )}
          </div>
        ) : null}

        <p className="mt-2 text-xs text-slate-600">
          {item.updatedByName && item.updatedAt ? (
            <Trans
              t={t}
              i18nKey="application.checklist.updatedBy"
              values={{ name: item.updatedByName, when: format.relative(item.updatedAt) }}
              components={{
                bdi: <bdi />,
                time: <time dateTime={item.updatedAt} title={format.dateTime(item.updatedAt)} />,
              }}
            />
          ) : (
            t('application.checklist.notYet')
          )}
        </p>
        {update.isError ? (
          <p role="alert" className="mt-1 text-xs font-medium text-red-700">
            {errorMessage(update.error)}
          </p>
        ) : null}
      </fieldset>
    </li>
  );
}

import { Camera, FileCheck2, FileX2 } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Fact, Facts } from '../../ui/Facts';
import { Ltr, localMobile } from '../../ui/Ltr';
import { Loading, PageHeader } from '../../ui/Page';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { Tabs } from '../../ui/Tabs';
import { TextAreaField } from '../../ui/TextAreaField';
import {
  type DraftStatus,
  type FieldInspection,
  type FieldPhoto,
  photoUrl,
  type RegistrationDraft,
  useFieldInspections,
  useRegistrationDrafts,
  useRejectDraft,
} from '../features/field/queries';
import { hasPermission, useUser } from '../session';

const STATUSES: readonly DraftStatus[] = ['open', 'completed', 'rejected'];
const STATUS_TONE: Record<DraftStatus, BadgeTone> = { open: 'warning', completed: 'success', rejected: 'neutral' };

/**
 * What branch representatives sent from the field (issue 18): registration drafts, which an officer opens — the
 * typed details, the consent and the document photos — and completes into a registration or rejects with a
 * reason; and the home inspections recorded on the phone.
 */
export default function FieldDraftsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('fieldDrafts.title')} subtitle={t('fieldDrafts.subtitle')} />
      <Tabs
        label={t('fieldDrafts.title')}
        items={[
          { id: 'drafts', label: t('fieldDrafts.tabs.drafts'), content: <Drafts /> },
          { id: 'inspections', label: t('fieldDrafts.tabs.inspections'), content: <Inspections /> },
        ]}
      />
    </>
  );
}

const draftName = (draft: RegistrationDraft) => [draft.data.firstName, draft.data.familyName].filter(Boolean).join(' ');

function Drafts() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<DraftStatus>('open');
  const drafts = useRegistrationDrafts(status);
  const [opened, setOpened] = useState<RegistrationDraft | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  return (
    <div className="flex flex-col gap-4 pt-4">
      <SegmentedControl
        label={t('fieldDrafts.statusLabel')}
        value={status}
        onChange={(value) => {
          setStatus(value as DraftStatus);
          setNotice(null);
        }}
        segments={STATUSES.map((s) => ({ id: s, label: t(`fieldDrafts.status.${s}`) }))}
      />
      <SuccessNotice>{notice}</SuccessNotice>
      {drafts.isPending ? <Loading label={t('app.loading')} /> : null}
      {drafts.isError ? <ErrorAlert>{errorMessage(drafts.error)}</ErrorAlert> : null}
      {drafts.data?.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
          {t('fieldDrafts.empty')}
        </p>
      ) : null}
      <ul className="grid gap-3 lg:grid-cols-2">
        {drafts.data?.map((draft) => (
          <li
            key={draft.id}
            data-testid="field-draft"
            className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
          >
            <div className="flex items-start justify-between gap-2">
              <h2 className="text-base font-bold text-slate-900">{draftName(draft)}</h2>
              <Badge tone={STATUS_TONE[draft.status]}>{t(`fieldDrafts.status.${draft.status}`)}</Badge>
            </div>
            <p className="text-sm text-slate-700">
              {draft.data.district} · <Ltr>{localMobile(draft.data.mobile ?? '')}</Ltr>
            </p>
            <p className="text-sm text-slate-600">
              {t('fieldDrafts.recordedBy', {
                name: draft.createdByName ?? '',
                date: format.dateTime(draft.recordedAt),
              })}
            </p>
            <p className="text-sm text-slate-600">
              {t('fieldDrafts.photoCount', { n: format.number(draft.photos.length) })}
            </p>
            <div>
              <Button onPress={() => setOpened(draft)}>{t('fieldDrafts.open')}</Button>
            </div>
          </li>
        ))}
      </ul>
      {opened ? (
        <DraftDialog
          draft={opened}
          onClose={() => setOpened(null)}
          onRejected={(draft) => {
            setOpened(null);
            setNotice(t('fieldDrafts.rejectedNotice', { name: draftName(draft) }));
          }}
        />
      ) : null}
    </div>
  );
}

/** A draft opened: everything typed on the phone, the consent, the photos, and what the officer can do with it. */
function DraftDialog({
  draft,
  onClose,
  onRejected,
}: {
  draft: RegistrationDraft;
  onClose: () => void;
  onRejected: (draft: RegistrationDraft) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const [, navigate] = useLocation();
  const canComplete = hasPermission(user, 'field.complete_drafts');
  const reject = useRejectDraft();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const d = draft.data;
  const none = <span className="text-slate-500">{t('fieldDrafts.notGiven')}</span>;
  return (
    <Dialog
      title={draftName(draft)}
      isOpen
      onOpenChange={(open) => (open ? null : onClose())}
      closeLabel={t('app.close')}
    >
      <div className="flex flex-col gap-4" data-testid="draft-detail">
        <Facts layout="narrow" className="sm:grid-cols-2 lg:grid-cols-2">
          <Fact label={t('fieldDrafts.fields.name')}>{draftName(draft)}</Fact>
          <Fact label={t('fieldDrafts.fields.nationalId')}>{d.nationalId ? <Ltr>{d.nationalId}</Ltr> : none}</Fact>
          <Fact label={t('fieldDrafts.fields.mobile')}>
            <Ltr>{localMobile(d.mobile ?? '')}</Ltr>
          </Fact>
          <Fact label={t('fieldDrafts.fields.district')}>{d.district}</Fact>
          <Fact label={t('fieldDrafts.fields.peopleAtHome')}>
            {d.peopleAtHome !== undefined ? format.number(d.peopleAtHome) : none}
          </Fact>
          <Fact label={t('fieldDrafts.fields.location')}>
            {d.location ? (
              <a
                className="text-brand-700 underline"
                href={`https://www.openstreetmap.org/?mlat=${d.location.lat}&mlon=${d.location.lng}#map=17/${d.location.lat}/${d.location.lng}`}
                target="_blank"
                rel="noreferrer"
              >
                {t('fieldDrafts.mapLink')}
              </a>
            ) : (
              none
            )}
          </Fact>
          {d.note ? (
            <Fact label={t('fieldDrafts.fields.note')} className="sm:col-span-2">
              {d.note}
            </Fact>
          ) : null}
          <Fact label={t('fieldDrafts.fields.consent')} className="sm:col-span-2">
            {d.consent ? (
              <span data-testid="draft-consent">
                {t('fieldDrafts.consentGiven', { date: format.dateTime(d.consentAt ?? draft.recordedAt) })}
              </span>
            ) : (
              t('fieldDrafts.noConsent')
            )}
          </Fact>
          {draft.rejectionReason ? (
            <Fact label={t('fieldDrafts.fields.rejectionReason')} className="sm:col-span-2">
              {draft.rejectionReason}
            </Fact>
          ) : null}
          {draft.beneficiaryId ? (
            <Fact label={t('fieldDrafts.fields.file')}>
              <Link className="text-brand-700 underline" href={`/beneficiaries/${draft.beneficiaryId}`}>
                {t('fieldDrafts.openFile')}
              </Link>
            </Fact>
          ) : null}
        </Facts>
        <Photos photos={draft.photos} canView={canComplete} />
        {reject.isError ? <ErrorAlert>{errorMessage(reject.error)}</ErrorAlert> : null}
        {canComplete && draft.status === 'open' && !rejecting ? (
          <div className="flex flex-wrap gap-2">
            <Button
              variant="primary"
              onPress={() => navigate(`/beneficiaries/new?fromDraft=${encodeURIComponent(draft.id)}`)}
            >
              <FileCheck2 aria-hidden="true" className="size-4" />
              {t('fieldDrafts.complete')}
            </Button>
            <Button variant="dangerQuiet" onPress={() => setRejecting(true)}>
              <FileX2 aria-hidden="true" className="size-4" />
              {t('fieldDrafts.reject')}
            </Button>
          </div>
        ) : null}
        {rejecting ? (
          <form
            className="flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3"
            onSubmit={(event) => {
              event.preventDefault();
              reject.mutate({ id: draft.id, reason }, { onSuccess: () => onRejected(draft) });
            }}
          >
            <TextAreaField
              label={t('fieldDrafts.rejectReason')}
              description={t('fieldDrafts.rejectHelp')}
              name="reason"
              value={reason}
              onChange={setReason}
              rows={3}
              isRequired
            />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" variant="danger" isPending={reject.isPending}>
                {t('fieldDrafts.reject')}
              </Button>
              <Button onPress={() => setRejecting(false)}>{t('app.cancel')}</Button>
            </div>
          </form>
        ) : null}
      </div>
    </Dialog>
  );
}

/** The photos taken on the phone, each under what it shows; only the service officer loads them. */
function Photos({ photos, canView }: { photos: FieldPhoto[]; canView: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="flex flex-col gap-2">
      <h3 className="flex items-center gap-1 text-sm font-bold text-slate-800">
        <Camera aria-hidden="true" className="size-4" />
        {t('fieldDrafts.photos')}
      </h3>
      {photos.length === 0 ? <p className="text-sm text-slate-600">{t('fieldDrafts.noPhotos')}</p> : null}
      {photos.length > 0 && !canView ? (
        <p className="text-sm text-slate-600">{t('fieldDrafts.photosOfficerOnly')}</p>
      ) : null}
      {photos.length > 0 && canView ? (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {photos.map((photo) => {
            const purpose = t(`fieldDrafts.photoPurpose.${photo.purpose}`, { defaultValue: photo.purpose });
            return (
              <li key={photo.id} className="flex flex-col gap-1">
                <a href={photoUrl(photo.id)} target="_blank" rel="noreferrer">
                  <img
                    src={photoUrl(photo.id)}
                    alt={purpose}
                    loading="lazy"
                    className="aspect-[4/3] w-full rounded-md border border-slate-200 bg-slate-100 object-cover"
                  />
                </a>
                <span className="text-xs text-slate-700">{purpose}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

function Inspections() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const inspections = useFieldInspections();
  const canView = hasPermission(user, 'field.complete_drafts');
  const label = (group: 'housing' | 'recommendation', value: string | undefined) =>
    value ? t(`fieldDrafts.${group}.${value}`, { defaultValue: value }) : '';
  return (
    <div className="flex flex-col gap-3 pt-4">
      {inspections.isPending ? <Loading label={t('app.loading')} /> : null}
      {inspections.isError ? <ErrorAlert>{errorMessage(inspections.error)}</ErrorAlert> : null}
      {inspections.data?.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
          {t('fieldDrafts.emptyInspections')}
        </p>
      ) : null}
      <ul className="grid gap-3 lg:grid-cols-2">
        {inspections.data?.map((row: FieldInspection) => (
          <li
            key={row.id}
            data-testid="field-inspection"
            className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
          >
            <div className="flex items-start justify-between gap-2">
              <h2 className="text-base font-bold text-slate-900">
                {row.beneficiaryId ? (
                  <Link className="text-brand-700 underline" href={`/beneficiaries/${row.beneficiaryId}`}>
                    {row.beneficiaryName}
                  </Link>
                ) : (
                  t('fieldDrafts.inspection.noFile')
                )}
              </h2>
              {row.data.recommendation ? (
                <Badge tone={row.data.recommendation === 'urgent' ? 'danger' : 'info'}>
                  {label('recommendation', row.data.recommendation)}
                </Badge>
              ) : null}
            </div>
            <p className="text-sm text-slate-600">
              {t('fieldDrafts.recordedBy', { name: row.createdByName ?? '', date: format.dateTime(row.recordedAt) })}
            </p>
            <Facts layout="narrow" className="sm:grid-cols-2 lg:grid-cols-2">
              <Fact label={t('fieldDrafts.inspection.housing')}>{label('housing', row.data.housingCondition)}</Fact>
              <Fact label={t('fieldDrafts.inspection.peopleAtHome')}>
                {row.data.peopleAtHome !== undefined ? format.number(row.data.peopleAtHome) : ''}
              </Fact>
              <Fact label={t('fieldDrafts.inspection.findings')} className="sm:col-span-2">
                {row.data.findings}
              </Fact>
            </Facts>
            <Photos photos={row.photos} canView={canView} />
          </li>
        ))}
      </ul>
    </div>
  );
}

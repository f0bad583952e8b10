import { Download, ExternalLink, FilePlus2, Pencil, PhoneCall } from 'lucide-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'wouter';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button, buttonClass } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Fact, Facts } from '../../ui/Facts';
import { Kbd } from '../../ui/Kbd';
import { Ltr, localMobile } from '../../ui/Ltr';
import { Card, Loading, PageHeader } from '../../ui/Page';
import { useKeyboardShortcut } from '../../ui/shortcut';
import { Tabs } from '../../ui/Tabs';
import {
  tableClass,
  tableWrapClass,
  tbodyClass,
  tdClass,
  tdLabelClass,
  thClass,
  theadClass,
  trClass,
} from '../../ui/table';
import type { BeneficiaryFile } from '../api-types';
import { PrivacyPanel } from '../features/admin/PrivacyPanel';
import { ApplicationsTable } from '../features/applications/ApplicationsTable';
import { useApplications, useDocumentKinds } from '../features/applications/queries';
import { DocumentUpload } from '../features/beneficiaries/DocumentUpload';
import { EditContactDialog, EditWaterDialog } from '../features/beneficiaries/EditDialogs';
import { HouseholdCheckNotice } from '../features/beneficiaries/HouseholdCheckNotice';
import { isClosedOrSuspended, useEnumLabel } from '../features/beneficiaries/labels';
import { PortalDevices } from '../features/beneficiaries/PortalDevices';
import { useBeneficiary } from '../features/beneficiaries/queries';
import { StatusActions } from '../features/beneficiaries/StatusActions';
import { BeneficiaryStatusBadge } from '../features/beneficiaries/StatusBadge';
import { BeneficiaryTimeline } from '../features/interactions/BeneficiaryTimeline';
import { openLogInteraction } from '../features/interactions/log-store';
import { useBranchName } from '../queries';
import { hasPermission, useUser } from '../session';

const TABS = ['data', 'timeline', 'household', 'water', 'documents', 'applications', 'history', 'privacy'] as const;
type TabId = (typeof TABS)[number];

/** A beneficiary's file: who they are, their household and water, documents, applications and history. */
export default function BeneficiaryFilePage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const file = useBeneficiary(id);

  if (file.isPending) return <Loading label={t('app.loading')} />;
  if (file.isError) {
    return (
      <div className="flex max-w-xl flex-col items-start gap-3">
        <PageHeader title={t('file.title')} />
        <ErrorAlert>{errorMessage(file.error)}</ErrorAlert>
        <Link href="/beneficiaries" className={buttonClass('secondary')}>
          {t('nav.beneficiaries')}
        </Link>
      </div>
    );
  }
  return <FileView file={file.data} />;
}

function FileView({ file }: { file: BeneficiaryFile }) {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  const branchName = useBranchName();
  const [, navigate] = useLocation();
  const [params, setParams] = useSearchParams();
  const [notice, setNotice] = useState<string | null>(params.get('registered') ? t('file.registered') : null);
  const [editing, setEditing] = useState<'contact' | 'water' | null>(null);
  // "Registered" is said once: the address loses the flag so a reload does not repeat it.
  useEffect(() => {
    if (params.get('registered')) {
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          out.delete('registered');
          return out;
        },
        { replace: true },
      );
    }
  }, [params, setParams]);

  const canWrite = hasPermission(user, 'beneficiaries.write');
  const canApply = hasPermission(user, 'applications.create') && !isClosedOrSuspended(file.status);
  // Logging a contact needs the right to write to the file (the server checks the branch too).
  const canLog = hasPermission(user, 'interactions.create') && hasPermission(user, 'beneficiaries.write');
  const chosen = { id: file.id, fullName: file.fullName, fileNumber: file.fileNumber };
  const newApplication = `/applications/new?beneficiaryId=${encodeURIComponent(file.id)}`;
  useKeyboardShortcut('KeyA', () => navigate(newApplication), canApply);

  const tabParam = params.get('tab');
  const tab: TabId = TABS.find((x) => x === tabParam) ?? 'data';
  const selectTab = (next: string) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        out.delete('registered');
        if (next === 'data') out.delete('tab');
        else out.set('tab', next);
        return out;
      },
      { replace: true },
    );

  const saved = () => {
    setEditing(null);
    setNotice(t('app.saved'));
  };

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>{file.fullName}</span>
            <BeneficiaryStatusBadge status={file.status} />
          </span>
        }
        documentTitle={file.fullName}
        subtitle={
          <span className="flex flex-wrap gap-x-4 gap-y-1">
            <span>
              {t('file.fileNumber')}: <Ltr className="font-medium text-slate-900">{file.fileNumber}</Ltr>
            </span>
            <span>
              {t('file.nationalId')}: <Ltr className="font-medium text-slate-900">{file.nationalId}</Ltr>
            </span>
            <span>
              {t('file.mobile')}: <Ltr className="font-medium text-slate-900">{localMobile(file.mobile)}</Ltr>
            </span>
            <span>
              {t('file.branch')}: <span className="font-medium text-slate-900">{branchName(file.branchId) ?? '—'}</span>
            </span>
          </span>
        }
        actions={
          canLog || canApply ? (
            <>
              {canLog ? (
                <Button onPress={() => openLogInteraction({ beneficiary: chosen })}>
                  <PhoneCall aria-hidden="true" className="size-4" />
                  {t('interactions.log.open')}
                </Button>
              ) : null}
              {canApply ? (
                <Link
                  href={newApplication}
                  className={buttonClass('primary')}
                  aria-keyshortcuts="Alt+A"
                  title={t('app.shortcut', { key: 'Alt+A' })}
                >
                  <FilePlus2 aria-hidden="true" className="size-4" />
                  {t('file.newApplication')}
                  <Kbd>Alt+A</Kbd>
                </Link>
              ) : null}
            </>
          ) : null
        }
      />

      <SuccessNotice className="mb-4">{notice}</SuccessNotice>

      <Card className="mb-5">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <Facts className="min-w-60 flex-1">
            <Fact label={t('file.statusLabel')}>
              <BeneficiaryStatusBadge status={file.status} />
            </Fact>
            {file.statusReason ? (
              <Fact label={t('file.statusReason')}>{enumLabel('statusReason', file.statusReason)}</Fact>
            ) : null}
            {file.suspendedUntil ? (
              <Fact label={t('file.suspendedUntil')}>{format.dual(file.suspendedUntil)}</Fact>
            ) : null}
            {file.reverifyDue ? <Fact label={t('file.reverifyDue')}>{format.dual(file.reverifyDue)}</Fact> : null}
          </Facts>
          {hasPermission(user, 'beneficiaries.change_status') ? (
            <StatusActions beneficiaryId={file.id} status={file.status} onDone={(message) => setNotice(message)} />
          ) : null}
        </div>
      </Card>

      <Tabs
        label={t('file.sectionsLabel')}
        selectedKey={tab}
        onSelectionChange={selectTab}
        items={[
          {
            id: 'data',
            label: t('file.tabs.data'),
            content: (
              <DataTab file={file} onEdit={canWrite ? () => setEditing('contact') : undefined} canWrite={canWrite} />
            ),
          },
          {
            id: 'timeline',
            label: t('interactions.timeline.tab'),
            content: <BeneficiaryTimeline beneficiary={chosen} mobile={file.mobile} canLog={canLog} />,
          },
          { id: 'household', label: t('file.tabs.household'), content: <HouseholdTab file={file} /> },
          {
            id: 'water',
            label: t('file.tabs.water'),
            content: <WaterTab file={file} onEdit={canWrite ? () => setEditing('water') : undefined} />,
          },
          {
            id: 'documents',
            label: t('file.tabs.documents'),
            content: <DocumentsTab file={file} canUpload={canWrite} />,
          },
          {
            id: 'applications',
            label: t('file.tabs.applications'),
            content: <ApplicationsTab file={file} newHref={canApply ? newApplication : null} />,
          },
          { id: 'history', label: t('file.tabs.history'), content: <HistoryTab file={file} /> },
          { id: 'privacy', label: t('privacyAdmin.file.tab'), content: <PrivacyPanel beneficiaryId={file.id} /> },
        ]}
      />

      {canWrite ? (
        <>
          <EditContactDialog
            file={file}
            isOpen={editing === 'contact'}
            onOpenChange={(open) => !open && setEditing(null)}
            onDone={saved}
          />
          <EditWaterDialog
            file={file}
            isOpen={editing === 'water'}
            onOpenChange={(open) => !open && setEditing(null)}
            onDone={saved}
          />
        </>
      ) : null}
    </>
  );
}

function SectionTitle({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
      <h2 className="text-base font-bold text-slate-900">{children}</h2>
      {action}
    </div>
  );
}

function EditButton({ label, onPress }: { label: string; onPress: () => void }) {
  return (
    <Button className="min-h-9 px-3" onPress={onPress}>
      <Pencil aria-hidden="true" className="size-4" />
      {label}
    </Button>
  );
}

function DataTab({ file, onEdit, canWrite }: { file: BeneficiaryFile; onEdit?: () => void; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  const branchName = useBranchName();
  const hidden = <span className="font-normal text-slate-600">{t('file.hidden')}</span>;
  return (
    <div className="flex flex-col gap-5">
      <Card>
        <SectionTitle>{t('registration.sections.personal')}</SectionTitle>
        <Facts>
          <Fact label={t('registration.fields.firstName')}>{file.firstName}</Fact>
          <Fact label={t('registration.fields.fatherName')}>{file.fatherName}</Fact>
          <Fact label={t('registration.fields.grandfatherName')}>{file.grandfatherName}</Fact>
          <Fact label={t('registration.fields.familyName')}>{file.familyName}</Fact>
          <Fact label={t('file.nationalId')}>
            <Ltr>{file.nationalId}</Ltr>
          </Fact>
          <Fact label={t('file.gender')}>{enumLabel('gender', file.gender)}</Fact>
          <Fact label={t('file.birthDate')}>
            <time dateTime={file.birthDate}>{format.dual(file.birthDate)}</time>
          </Fact>
          <Fact label={t('file.registeredAt')}>
            <time dateTime={file.createdAt}>{format.dual(file.createdAt)}</time>
          </Fact>
        </Facts>
      </Card>
      <Card>
        <SectionTitle action={onEdit ? <EditButton label={t('file.editContact')} onPress={onEdit} /> : null}>
          {t('registration.sections.contact')}
        </SectionTitle>
        <Facts>
          <Fact label={t('file.mobile')}>
            <Ltr>{localMobile(file.mobile)}</Ltr>
          </Fact>
          <Fact label={t('file.mobile2')}>{file.mobile2 ? <Ltr>{localMobile(file.mobile2)}</Ltr> : '—'}</Fact>
          <Fact label={t('file.district')}>{file.district}</Fact>
          <Fact label={t('file.branch')}>{branchName(file.branchId) ?? '—'}</Fact>
          <Fact label={t('file.location')}>
            {file.location ? (
              <span className="flex flex-wrap items-center gap-x-3">
                <Ltr>{`${file.location.lat}, ${file.location.lng}`}</Ltr>
                <a
                  href={`https://www.openstreetmap.org/?mlat=${file.location.lat}&mlon=${file.location.lng}#map=17/${file.location.lat}/${file.location.lng}`}
                  target="_blank"
                  rel="noreferrer noopener"
                  className="inline-flex items-center gap-1 text-sm font-normal text-brand-800 underline underline-offset-2"
                >
                  {t('file.openMap')}
                  <ExternalLink aria-hidden="true" className="size-3.5" />
                </a>
              </span>
            ) : (
              <span className="font-normal text-slate-600">{t('file.noLocation')}</span>
            )}
          </Fact>
        </Facts>
      </Card>
      <PortalDevices beneficiaryId={file.id} canRevoke={canWrite} />
      <Card>
        <SectionTitle>{t('registration.sections.income')}</SectionTitle>
        <Facts>
          <Fact label={t('registration.fields.housing')}>{enumLabel('housing', file.housing)}</Fact>
          <Fact label={t('registration.fields.monthlyIncome')}>
            {file.sensitiveShown && file.monthlyIncome !== undefined ? format.number(file.monthlyIncome) : hidden}
          </Fact>
          <Fact label={t('registration.fields.familyStatus')}>
            {file.sensitiveShown ? enumLabel('familyStatus', file.familyStatus) : hidden}
          </Fact>
          <Fact label={t('registration.fields.disability')}>
            {file.sensitiveShown ? (file.disability ? t('app.yes') : t('app.no')) : hidden}
          </Fact>
          <Fact label={t('registration.fields.healthNotes')} className="sm:col-span-2">
            {file.sensitiveShown ? file.healthNotes || '—' : hidden}
          </Fact>
        </Facts>
      </Card>
    </div>
  );
}

function HouseholdTab({ file }: { file: BeneficiaryFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  if (file.household.length === 0) {
    return (
      <div className="flex flex-col gap-3">
        <p className="text-slate-700">{t('file.householdEmpty')}</p>
        <HouseholdCheckNotice file={file} canConfirm={false} />
      </div>
    );
  }
  const columns = {
    name: t('file.householdColumns.name'),
    relation: t('file.householdColumns.relation'),
    birthDate: t('file.householdColumns.birthDate'),
    disability: t('file.householdColumns.disability'),
  };
  return (
    <div className={tableWrapClass}>
      <table className={tableClass}>
        <caption className="sr-only">{t('file.tabs.household')}</caption>
        <thead className={theadClass}>
          <tr>
            <th scope="col" className={thClass}>
              {columns.name}
            </th>
            <th scope="col" className={thClass}>
              {columns.relation}
            </th>
            <th scope="col" className={thClass}>
              {columns.birthDate}
            </th>
            <th scope="col" className={thClass}>
              {columns.disability}
            </th>
          </tr>
        </thead>
        <tbody className={tbodyClass}>
          {file.household.map((m) => (
            <tr key={m.id} className={trClass}>
              <td className={cx(tdClass, 'font-medium max-sm:mb-1')}>{m.name}</td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.relation}>
                {enumLabel('relation', m.relation)}
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.birthDate}>
                <time dateTime={m.birthDate}>{format.dual(m.birthDate)}</time>
              </td>
              <td className={cx(tdClass, tdLabelClass)} data-label={columns.disability}>
                {m.disability === undefined
                  ? t('file.hidden')
                  : m.disability
                    ? [t('app.yes'), m.disabilityNote].filter(Boolean).join(' — ')
                    : t('app.no')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WaterTab({ file, onEdit }: { file: BeneficiaryFile; onEdit?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  return (
    <Card>
      <SectionTitle action={onEdit ? <EditButton label={t('file.editWater')} onPress={onEdit} /> : null}>
        {t('registration.sections.water')}
      </SectionTitle>
      <Facts>
        <Fact label={t('registration.fields.waterSource')}>{enumLabel('waterSource', file.water.source)}</Fact>
        <Fact label={t('registration.fields.storageLitres')}>{format.number(file.water.storageLitres)}</Fact>
        <Fact label={t('registration.fields.peopleAtHome')}>{format.number(file.water.peopleAtHome)}</Fact>
      </Facts>
      <div className="mt-3">
        <HouseholdCheckNotice file={file} canConfirm={onEdit !== undefined} />
      </div>
    </Card>
  );
}

function DocumentsTab({ file, canUpload }: { file: BeneficiaryFile; canUpload: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kinds = useDocumentKinds();
  const columns = {
    kind: t('file.documents.columns.kind'),
    name: t('file.documents.columns.name'),
    size: t('file.documents.columns.size'),
    at: t('file.documents.columns.at'),
  };
  return (
    <div className="flex flex-col gap-5">
      <section aria-labelledby="documents-title">
        <SectionTitle>
          <span id="documents-title">{t('file.documents.title')}</span>
        </SectionTitle>
        {file.documents.length === 0 ? (
          <p className="text-slate-700">{t('file.documents.empty')}</p>
        ) : (
          <div className={tableWrapClass}>
            <table className={tableClass}>
              <caption className="sr-only">{t('file.documents.title')}</caption>
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className={thClass}>
                    {columns.kind}
                  </th>
                  <th scope="col" className={thClass}>
                    {columns.name}
                  </th>
                  <th scope="col" className={thClass}>
                    {columns.size}
                  </th>
                  <th scope="col" className={thClass}>
                    {columns.at}
                  </th>
                </tr>
              </thead>
              <tbody className={tbodyClass}>
                {file.documents.map((d) => (
                  <tr key={d.id} className={trClass}>
                    <td className={cx(tdClass, 'font-medium max-sm:mb-1')}>{kinds.label(d.kind)}</td>
                    <td className={cx(tdClass, tdLabelClass)} data-label={columns.name}>
                      <a
                        href={`/api/documents/${d.id}`}
                        download
                        aria-label={t('file.documents.downloadLabel', { name: d.originalName })}
                        className="inline-flex items-center gap-1 break-all text-brand-800 underline underline-offset-2"
                      >
                        <Download aria-hidden="true" className="size-4 shrink-0" />
                        <bdi>{d.originalName}</bdi>
                      </a>
                    </td>
                    <td className={cx(tdClass, tdLabelClass, 'whitespace-nowrap')} data-label={columns.size}>
                      {t('file.documents.size', { size: format.number(Math.max(1, Math.round(d.size / 1024))) })}
                    </td>
                    <td className={cx(tdClass, tdLabelClass, 'whitespace-nowrap')} data-label={columns.at}>
                      <time dateTime={d.at} title={format.dateTime(d.at)}>
                        {format.relative(d.at)}
                      </time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canUpload ? (
        <Card>
          <SectionTitle>{t('file.documents.upload')}</SectionTitle>
          <DocumentUpload beneficiaryId={file.id} kinds={kinds.options} />
        </Card>
      ) : null}
    </div>
  );
}

function ApplicationsTab({ file, newHref }: { file: BeneficiaryFile; newHref: string | null }) {
  const { t } = useTranslation();
  const applications = useApplications({ beneficiaryId: file.id, pageSize: 50 });
  return (
    <div className="flex flex-col gap-3">
      <SectionTitle
        action={
          newHref ? (
            <Link href={newHref} className={buttonClass('secondary', 'min-h-9 px-3')}>
              <FilePlus2 aria-hidden="true" className="size-4" />
              {t('file.newApplication')}
            </Link>
          ) : null
        }
      >
        {t('file.tabs.applications')}
      </SectionTitle>
      {applications.isPending ? <Loading label={t('app.loading')} /> : null}
      {applications.isError ? <ErrorAlert>{errorMessage(applications.error)}</ErrorAlert> : null}
      {applications.data ? (
        applications.data.items.length === 0 ? (
          <p className="text-slate-700">{t('file.applicationsEmpty')}</p>
        ) : (
          <ApplicationsTable
            items={applications.data.items}
            caption={t('file.tabs.applications')}
            showBeneficiary={false}
          />
        )
      ) : null}
    </div>
  );
}

function HistoryTab({ file }: { file: BeneficiaryFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <Card>
        <SectionTitle>{t('file.history.status')}</SectionTitle>
        {file.statusHistory.length === 0 ? (
          <p className="text-slate-700">{t('file.history.statusEmpty')}</p>
        ) : (
          <ol className="flex flex-col gap-3">
            {[...file.statusHistory].reverse().map((event) => (
              <li key={`${event.at}-${event.kind}`} className="border-s-2 border-slate-200 ps-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={event.kind === 'reverify' || event.kind === 'reinstate' ? 'success' : 'warning'}>
                    {enumLabel('statusEvent', event.kind)}
                  </Badge>
                  <span className="text-slate-700">
                    {t('file.history.change', {
                      from: enumLabel('beneficiaryStatus', event.fromStatus),
                      to: enumLabel('beneficiaryStatus', event.toStatus),
                    })}
                  </span>
                </div>
                {event.reason ? <p className="mt-1 text-slate-800">{enumLabel('statusReason', event.reason)}</p> : null}
                <p className="text-xs text-slate-600">
                  <time dateTime={event.at}>{format.dateTime(event.at)}</time>
                  {event.until ? ` · ${t('file.history.until', { date: format.dual(event.until) })}` : null}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card>
        <SectionTitle>{t('file.history.consents')}</SectionTitle>
        {file.consents.length === 0 ? (
          <p className="text-slate-700">{t('file.history.consentsEmpty')}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {file.consents.map((consent) => (
              <li key={consent.id} className="border-s-2 border-emerald-300 ps-3">
                <p lang="ar" className="text-slate-900">
                  {consent.purpose}
                </p>
                <p className="text-xs text-slate-600">
                  <time dateTime={consent.at}>{format.dateTime(consent.at)}</time> · {t('file.history.channel')}:{' '}
                  {enumLabel('channel', consent.channel)} · {t('file.history.noticeVersion')}:{' '}
                  <Ltr>{consent.noticeVersion}</Ltr>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

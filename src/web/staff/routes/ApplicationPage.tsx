import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { type ApplicationStage, OPEN_STAGES } from '../../../common/domain/application';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { buttonClass } from '../../ui/Button';
import { Fact, Facts } from '../../ui/Facts';
import { Ltr, localMobile } from '../../ui/Ltr';
import { Card, Loading, PageHeader } from '../../ui/Page';
import type { ApplicationDetail } from '../api-types';
import { ApplicationActions } from '../features/applications/ApplicationActions';
import { Checklist } from '../features/applications/Checklist';
import { CommitteeSummary } from '../features/applications/CommitteeSummary';
import { PolicyStepper } from '../features/applications/PolicyStepper';
import { useApplication, useLocalized, useServiceName } from '../features/applications/queries';
import { StageBadge } from '../features/applications/StageBadge';
import { Timeline } from '../features/applications/Timeline';
import { useEnumLabel } from '../features/beneficiaries/labels';
import { useBeneficiary } from '../features/beneficiaries/queries';
import { CommitteeOutcome, DECIDED_STAGES } from '../features/committee/CommitteeOutcome';
import { ReferralQuestion } from '../features/work/ReferralQuestion';
import { hasPermission, useUser } from '../session';

/**
 * One application (طلب التحاق) through the policy's steps: where it is, the verification checklist, the moves this
 * user may make, the declaration, the committee's expected decision date and score, and its history.
 */
export default function ApplicationPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const application = useApplication(id);

  if (application.isPending) return <Loading label={t('app.loading')} />;
  if (application.isError) {
    return (
      <div className="flex max-w-xl flex-col items-start gap-3">
        <PageHeader title={t('application.title')} />
        <ErrorAlert>{errorMessage(application.error)}</ErrorAlert>
        <Link href="/applications" className={buttonClass('secondary')}>
          {t('nav.applications')}
        </Link>
      </div>
    );
  }
  return <ApplicationView application={application.data} />;
}

function ApplicationView({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  const serviceName = useServiceName();
  const [notice, setNotice] = useState<string | null>(null);

  const open = OPEN_STAGES.includes(application.stage as ApplicationStage);
  const editable = open && hasPermission(user, 'applications.verify');
  // The beneficiary's documents: to attach one to a checklist item, or to name the ones attached.
  const needsDocuments =
    hasPermission(user, 'beneficiaries.read') && (editable || application.checklist.some((c) => c.documentId));
  const file = useBeneficiary(needsDocuments ? application.beneficiary.id : null);
  const canAct = hasPermission(user, 'applications.transition');
  const raised = application.expectedDecisionDate !== null || application.score !== null;
  // After the committee's decision its own section (decision, letter, appeal, completion) replaces the moves.
  const decided = DECIDED_STAGES.includes(application.stage);

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>
              {t('application.title')} <Ltr>{application.reference}</Ltr>
            </span>
            <StageBadge stage={application.stage} />
          </span>
        }
        documentTitle={`${t('application.title')} ${application.reference}`}
        subtitle={
          <Link
            href={`/beneficiaries/${application.beneficiary.id}`}
            className="font-medium text-brand-800 underline-offset-2 hover:underline"
          >
            {application.beneficiary.fullName}
          </Link>
        }
      />

      <ReferralQuestion application={application} />

      <Card className="mb-5">
        <PolicyStepper application={application} />
      </Card>

      <SuccessNotice className="mb-4">{notice}</SuccessNotice>

      <div className="grid gap-5 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-5 lg:col-span-2">
          {decided ? <CommitteeOutcome application={application} onDone={setNotice} /> : null}
          {raised ? <CommitteeSummary application={application} /> : null}
          {decided ? null : canAct ? (
            <ApplicationActions application={application} onDone={setNotice} />
          ) : (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
              {t('application.readOnly')}
            </p>
          )}
          {application.missingItems && application.missingItems.length > 0 && application.stage === 'returned' ? (
            <MissingItems application={application} />
          ) : null}
          <Checklist application={application} editable={editable} documents={file.data?.documents} />
          <Timeline application={application} />
        </div>
        <aside className="flex min-w-0 flex-col gap-5" aria-label={t('application.title')}>
          <Card>
            <Facts layout="narrow">
              <Fact label={t('application.facts.beneficiary')}>
                <Link
                  href={`/beneficiaries/${application.beneficiary.id}`}
                  className="text-brand-800 underline-offset-2 hover:underline"
                >
                  {application.beneficiary.fullName}
                </Link>
              </Fact>
              <Fact label={t('application.facts.fileNumber')}>
                <Ltr>{application.beneficiary.fileNumber}</Ltr>
              </Fact>
              <Fact label={t('application.facts.mobile')}>
                <Ltr>{localMobile(application.beneficiary.mobile)}</Ltr>
              </Fact>
              <Fact label={t('application.facts.services')}>
                {application.services.map(serviceName).join(t('app.listSeparator'))}
              </Fact>
              <Fact label={t('application.facts.channel')}>{enumLabel('channel', application.channel)}</Fact>
              <Fact label={t('application.facts.created')}>
                <time dateTime={application.createdAt}>{format.dual(application.createdAt)}</time>
              </Fact>
              {application.note ? <Fact label={t('application.facts.note')}>{application.note}</Fact> : null}
              {application.waterProblem ? (
                <Fact label={t('application.facts.waterProblem')}>
                  <span className="whitespace-pre-line">{application.waterProblem}</span>
                </Fact>
              ) : null}
            </Facts>
          </Card>
          {application.declaration ? <DeclarationCard application={application} /> : null}
        </aside>
      </div>
    </>
  );
}

function MissingItems({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const labels = new Map(application.checklist.map((c) => [c.itemKey, localized(c.labelAr, c.labelEn)]));
  return (
    <section
      aria-labelledby="missing-title"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="missing-title" className="font-bold">
        {t('application.checklist.missingTitle')}
      </h2>
      <ul className="mt-1 list-disc ps-5">
        {(application.missingItems ?? []).map((key) => (
          <li key={key}>{labels.get(key) ?? key}</li>
        ))}
      </ul>
    </section>
  );
}

function DeclarationCard({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumLabel = useEnumLabel();
  const declaration = application.declaration;
  if (!declaration) return null;
  return (
    <Card>
      <h2 className="mb-2 text-base font-bold text-slate-900">{t('application.declaration.recorded')}</h2>
      <blockquote lang="ar" dir="rtl" className="rounded-md bg-slate-50 p-3 leading-loose text-slate-900">
        {declaration.text}
      </blockquote>
      <Facts layout="narrow" className="mt-3">
        <Fact label={t('application.declaration.signedBy')}>{declaration.typedName}</Fact>
        <Fact label={t('application.declaration.method')}>{enumLabel('declarationMethod', declaration.method)}</Fact>
        <Fact label={t('application.declaration.witness')}>{declaration.witnessName ?? '—'}</Fact>
        <Fact label={t('application.declaration.at')}>
          <time dateTime={declaration.at}>{format.dateTime(declaration.at)}</time>
        </Fact>
      </Facts>
    </Card>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { errorMessage } from '../../lib/api';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { buttonClass } from '../../ui/Button';
import { Ltr, localMobile } from '../../ui/Ltr';
import { Loading, PageHeader } from '../../ui/Page';
import { useEnumLabel } from '../features/beneficiaries/labels';
import { PersonCard } from '../features/beneficiaries/PersonCard';
import { CaseStatusBadge, PriorityBadge } from '../features/cases/Badges';
import { CaseActions } from '../features/cases/CaseActions';
import { AssignCard, AttachmentsCard, CaseFacts, OutcomeCard } from '../features/cases/CaseSide';
import { Composer } from '../features/cases/Composer';
import { Conversation } from '../features/cases/Conversation';
import { useCaseLabel } from '../features/cases/labels';
import { useCase } from '../features/cases/queries';
import { SlaBadge } from '../features/cases/SlaBadge';
import type { CaseDetail } from '../features/cases/types';
import { hasPermission, useUser } from '../session';

/**
 * One case: who it is from, its status and SLA, the conversation with internal notes, the reply box with ready
 * answers, the status moves (refer to the execution officer, wait, resolve, close, reopen), owner and priority,
 * a suggestion's outcome, and attachments.
 */
export default function CasePage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const item = useCase(id);

  if (item.isPending) return <Loading label={t('app.loading')} />;
  if (item.isError) {
    return (
      <div className="flex max-w-xl flex-col items-start gap-3">
        <PageHeader title={t('cases.caseTitle')} />
        <ErrorAlert>{errorMessage(item.error)}</ErrorAlert>
        <Link href="/cases" className={buttonClass('secondary')}>
          {t('cases.title')}
        </Link>
      </div>
    );
  }
  return <CaseView item={item.data} />;
}

function CaseView({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const user = useUser();
  const label = useCaseLabel();
  const enumLabel = useEnumLabel();
  const [notice, setNotice] = useState<string | null>(null);
  const canWork = hasPermission(user, 'cases.work');

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>
              {label('kinds', item.kind)} <Ltr>{item.reference}</Ltr>
            </span>
            <CaseStatusBadge status={item.status} />
            <SlaBadge sla={item.sla} resolutionDueAt={item.resolutionDueAt} status={item.status} />
            {item.priority !== 'normal' ? <PriorityBadge priority={item.priority} /> : null}
          </span>
        }
        documentTitle={`${label('kinds', item.kind)} ${item.reference}`}
        subtitle={
          <span className="flex flex-col gap-1">
            <span dir="auto" className="font-medium break-words text-slate-900">
              {item.subject}
            </span>
            <span className="flex flex-wrap gap-x-3 gap-y-1">
              <span>{t('cases.via', { channel: enumLabel('channel', item.channel) })}</span>
              {item.anonymous ? (
                <span>{t('cases.anonymousLong')}</span>
              ) : (
                <>
                  {item.contactName ? (
                    <span>
                      {t('cases.facts.contact')}: <bdi className="text-slate-900">{item.contactName}</bdi>
                    </span>
                  ) : null}
                  {item.contactMobile ? <Ltr className="text-slate-900">{localMobile(item.contactMobile)}</Ltr> : null}
                  {item.beneficiaryId ? (
                    <Link
                      href={`/beneficiaries/${item.beneficiaryId}?tab=timeline`}
                      className="text-brand-800 underline-offset-2 hover:underline"
                    >
                      {t('cases.facts.openFile')}
                    </Link>
                  ) : null}
                </>
              )}
            </span>
          </span>
        }
      />

      <SuccessNotice className="mb-4">{notice}</SuccessNotice>

      <div className="grid gap-5 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-5 lg:col-span-2">
          {canWork ? (
            <CaseActions item={item} onDone={setNotice} />
          ) : (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t('cases.readOnly')}</p>
          )}
          <Conversation item={item} />
          {canWork ? <Composer key={item.id} item={item} /> : null}
        </div>
        <aside className="flex min-w-0 flex-col gap-5" aria-label={t('cases.facts.title')}>
          {item.beneficiaryId ? <PersonCard beneficiaryId={item.beneficiaryId} /> : null}
          <CaseFacts item={item} />
          {item.kind === 'suggestion' ? (
            <OutcomeCard item={item} canRecord={hasPermission(user, 'cases.outcome')} />
          ) : null}
          {canWork ? <AssignCard item={item} /> : null}
          <AttachmentsCard item={item} canUpload={canWork} />
        </aside>
      </div>
    </>
  );
}

import { FileText, MessageSquareWarning, Truck } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { addDays, riyadhDate } from '../../../../common/dates';
import { useFormat } from '../../../lib/display';
import { Button } from '../../../ui/Button';
import type { ApplicationDetail, Decision } from '../../api-types';
import { hasPermission, useUser } from '../../session';
import { useOrgSettings } from '../beneficiaries/queries';
import { CorrectDeliveryButton, CorrectionsCard } from '../deliveries/Corrections';
import { DeliveryStatusBadge, useDeliveryService, useDeliveryWindow } from '../deliveries/labels';
import { useDeliveries } from '../deliveries/queries';
import { AppealDialog } from './AppealDialog';
import { CompletionPanel } from './CompletionPanel';
import { DecisionBadge } from './labels';
import { letterUrl } from './queries';

/** Stages after the committee's decision, which this section covers on the application page. */
export const DECIDED_STAGES = ['accepted', 'rejected', 'deferred', 'completing', 'enrolled'];

const DECISION_OF_STAGE: Record<string, Decision> = {
  accepted: 'accepted',
  completing: 'accepted',
  enrolled: 'accepted',
  rejected: 'rejected',
  deferred: 'deferred',
};

/**
 * After the committee (policy steps 5–7): its decision with the letter to print; for a rejection, the appeal
 * while its window is open; for an acceptance, completing the registration and then the service's visits.
 */
export function CommitteeOutcome({
  application,
  onDone,
}: {
  application: ApplicationDetail;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const decision = DECISION_OF_STAGE[application.stage];
  if (!decision) return null;
  const completing = application.stage === 'completing' || application.stage === 'enrolled';
  return (
    <>
      <DecisionCard application={application} decision={decision} onDone={onDone} />
      {completing ? (
        <CompletionPanel
          application={application}
          editable={hasPermission(user, 'applications.complete')}
          onEnrolled={(count) =>
            onDone(count > 0 ? t('committee.completion.enrolledWithVisits') : t('committee.completion.enrolledDone'))
          }
        />
      ) : null}
      {application.stage === 'enrolled' && hasPermission(user, 'deliveries.read') ? (
        <ServiceVisits application={application} canCorrect={hasPermission(user, 'deliveries.correct')} />
      ) : null}
      {application.stage === 'enrolled' ? (
        <CorrectionsCard
          applicationId={application.id}
          enrolledAt={[...application.transitions].reverse().find((tr) => tr.toStage === 'enrolled')?.at ?? null}
          canCorrectRegistration={hasPermission(user, 'applications.correct_completion')}
        />
      ) : null}
    </>
  );
}

function DecisionCard({
  application,
  decision,
  onDone,
}: {
  application: ApplicationDetail;
  decision: Decision;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const settings = useOrgSettings();
  const [appealing, setAppealing] = useState(false);
  const decidedMove = [...application.transitions].reverse().find((x) => x.toStage === decision);
  const decidedOn = decidedMove ? riyadhDate(decidedMove.at) : null;
  const appealedBefore = application.transitions.some(
    (x) => x.fromStage === 'rejected' && x.toStage === 'in_committee',
  );
  const windowDays = settings.data?.appealWindowDays;
  const appealUntil = decidedOn && windowDays !== undefined ? addDays(decidedOn, windowDays) : null;
  const appealOpen = appealUntil !== null && riyadhDate(new Date()) <= appealUntil;
  const canAppeal = decision === 'rejected' && hasPermission(user, 'applications.appeal');

  return (
    <section aria-labelledby="decision-title" className="rounded-lg border border-brand-200 bg-brand-50/50 p-4 sm:p-5">
      <h2 id="decision-title" className="mb-3 flex flex-wrap items-center gap-2 text-base font-bold text-slate-900">
        {t('committee.outcome.title')}
        <DecisionBadge decision={decision} />
      </h2>
      <p className="text-slate-800">{t(`committee.outcome.body.${decision}`)}</p>
      {decidedMove ? (
        <p className="mt-1 text-sm text-slate-700">
          {t('committee.outcome.decidedOn')}{' '}
          <time dateTime={decidedMove.at}>{format.dual(riyadhDate(decidedMove.at))}</time>
        </p>
      ) : null}
      {decision === 'deferred' && decidedMove?.note ? (
        <p dir="auto" className="mt-2 rounded-md bg-white p-2 whitespace-pre-line text-slate-800">
          {decidedMove.note}
        </p>
      ) : null}

      <div className="mt-4 flex flex-wrap items-center gap-3">
        {decision !== 'deferred' ? (
          <a
            href={letterUrl(application.id)}
            target="_blank"
            rel="noopener"
            className="inline-flex min-h-10 items-center gap-2 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-brand-800 hover:bg-slate-50"
          >
            <FileText aria-hidden="true" className="size-4" />
            {t('committee.outcome.letter')}
            <span className="sr-only">{t('committee.newTab')}</span>
          </a>
        ) : null}
        {canAppeal && !appealedBefore && appealOpen ? (
          <Button variant="primary" onPress={() => setAppealing(true)}>
            <MessageSquareWarning aria-hidden="true" className="size-4" />
            {t('committee.appeal.open')}
          </Button>
        ) : null}
      </div>
      {decision === 'rejected' ? (
        <p className="mt-3 text-sm text-slate-700">
          {appealedBefore
            ? t('committee.appeal.already')
            : appealOpen && appealUntil
              ? t('committee.appeal.until', { date: format.dual(appealUntil) })
              : appealUntil
                ? t('committee.appeal.closed')
                : null}
        </p>
      ) : null}
      {canAppeal ? (
        <AppealDialog
          applicationId={application.id}
          isOpen={appealing}
          onOpenChange={setAppealing}
          onDone={() => {
            setAppealing(false);
            onDone(t('committee.appeal.done'));
          }}
        />
      ) : null}
    </section>
  );
}

/** Policy step 7: the visits that provide the service, for this application, soonest first. */
function ServiceVisits({ application, canCorrect }: { application: ApplicationDetail; canCorrect: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const serviceName = useDeliveryService();
  const windowOf = useDeliveryWindow();
  const list = useDeliveries({ beneficiaryId: application.beneficiary.id });
  const visits = (list.data ?? []).filter((d) => d.applicationId === application.id);
  return (
    <section aria-labelledby="visits-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="visits-title" className="flex items-center gap-2 text-base font-bold text-slate-900">
          <Truck aria-hidden="true" className="size-5 text-brand-700" />
          {t('deliveries.visits.title')}
        </h2>
        <Link href="/deliveries" className="text-sm font-medium text-brand-800 underline underline-offset-2">
          {t('deliveries.visits.all')}
        </Link>
      </div>
      {list.data && visits.length === 0 ? <p className="text-slate-700">{t('deliveries.visits.none')}</p> : null}
      <ul className="flex flex-col gap-2">
        {visits.map((d) => (
          <li
            key={d.id}
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2"
          >
            <span className="flex flex-col">
              <time dateTime={d.scheduledDate} className="font-medium text-slate-900">
                {format.dual(d.scheduledDate)}
              </time>
              {windowOf(d) ? <span className="text-sm text-slate-800">{windowOf(d)}</span> : null}
              <span className="text-xs text-slate-600">
                {serviceName(d)}
                {d.assigneeName ? (
                  <>
                    {' · '}
                    <bdi>{d.assigneeName}</bdi>
                  </>
                ) : null}
              </span>
            </span>
            <span className="flex flex-wrap items-center gap-2">
              <DeliveryStatusBadge status={d.status} />
              {canCorrect && (d.status === 'delivered' || d.status === 'failed') ? (
                <CorrectDeliveryButton delivery={d} applicationId={application.id} />
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

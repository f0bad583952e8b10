import { BadgeCheck } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { APPOINTMENT_STEP, INSPECTION_STEP } from '../../../../common/domain/committee';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Checkbox } from '../../../ui/fields';
import { Loading } from '../../../ui/Page';
import type { ApplicationDetail, CompletionStep } from '../../api-types';
import { useLocalized } from '../applications/queries';
import { AppointmentStep } from './AppointmentStep';
import { InspectionStep } from './InspectionStep';
import { useCompletion, useEnrol, useMarkCompletionStep } from './queries';

/**
 * Policy step 6, completing the registration (استكمال إجراءات التسجيل) after acceptance: the accepted services'
 * remaining steps, ticked as they are done (who and when), then "إتمام التسجيل" enrols the beneficiary and
 * schedules the first delivery.
 */
export function CompletionPanel({
  application,
  editable,
  onEnrolled,
}: {
  application: ApplicationDetail;
  editable: boolean;
  onEnrolled: (deliveries: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const steps = useCompletion(application.id);
  const enrol = useEnrol(application.id);
  const localized = useLocalized();
  const completing = application.stage === 'completing';
  const items = steps.data ?? [];
  const done = items.filter((s) => s.done).length;
  const allDone = done === items.length;

  return (
    <section aria-labelledby="completion-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
        <h2 id="completion-title" className="text-base font-bold text-slate-900">
          {t('committee.completion.title')}
        </h2>
        {steps.data ? (
          <Badge tone={allDone ? 'success' : 'neutral'}>
            {t('application.checklist.progress', { done: format.number(done), total: format.number(items.length) })}
          </Badge>
        ) : null}
      </div>
      <p className="mb-4 text-slate-600">
        {completing ? t('committee.completion.hint') : t('committee.completion.enrolled')}
      </p>
      {steps.isPending ? <Loading label={t('app.loading')} className="py-2" /> : null}
      {steps.isError ? <ErrorAlert>{errorMessage(steps.error)}</ErrorAlert> : null}
      {steps.data && items.length === 0 ? <p className="text-slate-700">{t('committee.completion.empty')}</p> : null}
      <ul className="flex flex-col gap-2">
        {items.map((step) =>
          step.stepKey === INSPECTION_STEP ? (
            <InspectionStep
              key={step.stepKey}
              applicationId={application.id}
              label={localized(step.labelAr, step.labelEn)}
            />
          ) : step.stepKey === APPOINTMENT_STEP ? (
            <AppointmentStep
              key={step.stepKey}
              application={application}
              label={localized(step.labelAr, step.labelEn)}
              editable={editable && completing}
            />
          ) : (
            <StepRow key={step.stepKey} step={step} applicationId={application.id} editable={editable && completing} />
          ),
        )}
      </ul>
      {editable && completing && steps.data ? (
        <div className="mt-4 flex flex-col items-start gap-2 border-t border-slate-200 pt-4">
          <Button
            variant="primary"
            isDisabled={!allDone}
            isPending={enrol.isPending}
            onPress={() => enrol.mutate(undefined, { onSuccess: (result) => onEnrolled(result.deliveryIds.length) })}
          >
            <BadgeCheck aria-hidden="true" className="size-4" />
            {enrol.isPending ? t('app.saving') : t('committee.completion.enrol')}
          </Button>
          {allDone ? null : <p className="text-sm text-slate-700">{t('committee.completion.needsAll')}</p>}
          {enrol.isError ? <ErrorAlert>{errorMessage(enrol.error)}</ErrorAlert> : null}
        </div>
      ) : null}
    </section>
  );
}

function StepRow({
  step,
  applicationId,
  editable,
}: {
  step: CompletionStep;
  applicationId: string;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalized();
  const mark = useMarkCompletionStep(applicationId);
  const label = localized(step.labelAr, step.labelEn);
  // The tick shows at once; the server's answer replaces it.
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer from the server ends the optimistic tick
  useEffect(() => setOptimistic(null), [step.done, step.doneAt]);
  const checked = optimistic ?? step.done;

  return (
    <li className="rounded-md border border-slate-200 px-3 py-2">
      {editable ? (
        <Checkbox
          isSelected={checked}
          onChange={(value) => {
            setOptimistic(value);
            mark.mutate({ stepKey: step.stepKey, done: value }, { onError: () => setOptimistic(null) });
          }}
        >
          <span className="font-medium text-slate-900">{label}</span>
        </Checkbox>
      ) : (
        <div className="flex min-h-10 flex-wrap items-center justify-between gap-2">
          <span className="font-medium text-slate-900">{label}</span>
          <Badge tone={step.done ? 'success' : 'neutral'}>
            {step.done ? t('committee.completion.done') : t('committee.completion.pending')}
          </Badge>
        </div>
      )}
      <p className="text-xs text-slate-600">
        {step.done && step.doneAt ? (
          <Trans
            t={t}
            i18nKey="committee.completion.doneBy"
            values={{ name: step.doneByName ?? '—', when: format.relative(step.doneAt) }}
            components={{ bdi: <bdi />, time: <time dateTime={step.doneAt} title={format.dateTime(step.doneAt)} /> }}
          />
        ) : (
          t('committee.completion.notYet')
        )}
      </p>
      {mark.isError ? (
        <p role="alert" className="mt-1 text-xs font-medium text-red-700">
          {errorMessage(mark.error)}
        </p>
      ) : null}
    </li>
  );
}

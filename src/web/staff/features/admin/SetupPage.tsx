import { CheckCircle2, Circle, PartyPopper } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button, buttonClass } from '../../../ui/Button';
import { Loading, PageHeader } from '../../../ui/Page';
import { type SetupStep, useConfirmStep, useSetupChecklist } from './setup-api';

/** قائمة الإعداد الأولي: what a new association still has to set up, step by step, each with its state and a link. */
export default function SetupPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const checklist = useSetupChecklist();
  const confirm = useConfirmStep();
  const data = checklist.data;
  return (
    <>
      <PageHeader title={t('setup.title')} subtitle={t('setup.subtitle')} />
      {checklist.isPending ? <Loading label={t('app.loading')} /> : null}
      {checklist.isError ? <ErrorAlert>{errorMessage(checklist.error)}</ErrorAlert> : null}
      {confirm.isError ? <ErrorAlert className="mb-4">{errorMessage(confirm.error)}</ErrorAlert> : null}
      {data ? (
        <>
          <div className="mb-5 rounded-lg border border-slate-200 bg-white p-4">
            <p className="font-medium text-slate-900" id="setup-progress-label">
              {data.complete
                ? t('setup.complete')
                : t('setup.progress', { done: format.number(data.done), total: format.number(data.total) })}
            </p>
            <div
              role="progressbar"
              aria-labelledby="setup-progress-label"
              aria-valuemin={0}
              aria-valuemax={data.total}
              aria-valuenow={data.done}
              className="mt-2 h-2.5 overflow-hidden rounded-full bg-slate-200"
            >
              <div
                className="h-full rounded-full bg-brand-700"
                style={{ width: `${(100 * data.done) / data.total}%` }}
              />
            </div>
            {data.complete ? (
              <p className="mt-3 flex items-center gap-2 text-sm text-emerald-800">
                <PartyPopper aria-hidden="true" className="size-4" />
                {t('setup.completeHelp')}
              </p>
            ) : null}
          </div>
          <ol className="flex flex-col gap-3" aria-label={t('setup.stepsLabel')}>
            {data.steps.map((step, i) => (
              <StepCard
                key={step.key}
                step={step}
                index={i + 1}
                busy={confirm.isPending && confirm.variables?.step === step.key}
                onConfirm={(confirmed) => confirm.mutate({ step: step.key as 'calendar' | 'texts', confirmed })}
              />
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

function StepCard({
  step,
  index,
  busy,
  onConfirm,
}: {
  step: SetupStep;
  index: number;
  busy: boolean;
  onConfirm: (confirmed: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const f = step.facts;
  const n = (key: string) => format.number(Number(f[key] ?? 0));
  const state = (() => {
    switch (step.key) {
      case 'organisation':
        return f.hasLogo ? t('setup.state.organisationDone') : t('setup.state.organisationNoLogo');
      case 'branches':
        return Number(f.withoutAreas) > 0
          ? t('setup.state.branchesNoAreas', { n: n('branches'), missing: n('withoutAreas') })
          : t('setup.state.branches', { n: n('branches') });
      case 'calendar':
        return Number(f.upcomingHolidays) > 0
          ? t('setup.state.calendarHolidays', { n: n('upcomingHolidays') })
          : f.confirmed
            ? t('setup.state.confirmed')
            : t('setup.state.calendarNone');
      case 'services':
        return t('setup.state.services', { n: n('services') });
      case 'criteria':
        return f.boardReference
          ? t('setup.state.criteriaDone', { version: n('version'), reference: String(f.boardReference) })
          : t('setup.state.criteriaNoBoard', { version: n('version') });
      case 'texts':
        return f.confirmed ? t('setup.state.confirmed') : t('setup.state.textsReview');
      case 'providers':
        return f.mode === 'live'
          ? t('setup.state.providersLive', {
              list:
                [f.sms && 'SMS', f.whatsapp && t('setup.whatsapp'), f.email && t('setup.email')]
                  .filter(Boolean)
                  .join('، ') || t('setup.none'),
            })
          : t('setup.state.providersDemo');
      case 'users':
        return t('setup.state.users', { n: n('staff') });
    }
  })();
  const headingId = `setup-step-${step.key}`;
  return (
    <li
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:items-center"
    >
      <div className="flex min-w-0 flex-1 items-start gap-3">
        {step.done ? (
          <CheckCircle2 aria-hidden="true" className="mt-0.5 size-6 shrink-0 text-emerald-700" />
        ) : (
          <Circle aria-hidden="true" className="mt-0.5 size-6 shrink-0 text-slate-400" />
        )}
        <div className="min-w-0">
          <h2 id={headingId} className="flex flex-wrap items-center gap-2 font-bold text-slate-900">
            <span>
              {format.number(index)}. {t(`setup.steps.${step.key}.title`)}
            </span>
            <Badge tone={step.done ? 'success' : 'warning'}>{step.done ? t('setup.done') : t('setup.todo')}</Badge>
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t(`setup.steps.${step.key}.help`)}</p>
          <p className="mt-1 text-sm font-medium text-slate-800">{state}</p>
        </div>
      </div>
      <div className="flex shrink-0 flex-wrap gap-2">
        <Link href={step.href} className={buttonClass(step.done ? 'secondary' : 'primary')}>
          {step.done ? t('setup.review') : t('setup.open')}
        </Link>
        {step.confirmable ? (
          <Button isPending={busy} onPress={() => onConfirm(!f.confirmed)}>
            {f.confirmed ? t('setup.unconfirm') : t('setup.confirm')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

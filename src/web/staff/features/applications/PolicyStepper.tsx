import { useTranslation } from 'react-i18next';
import { type Step, Stepper, type StepState } from '../../../ui/Stepper';
import type { ApplicationDetail } from '../../api-types';

type StepId = 'receive' | 'verify' | 'referral' | 'declaration' | 'committee';

/** Which policy step each stage belongs to (the step in progress while the application is in that stage). */
const STEP_OF_STAGE: Record<string, StepId> = {
  draft: 'receive',
  submitted: 'receive',
  verifying: 'verify',
  returned: 'verify',
  referred: 'referral',
  declared: 'committee',
};
const DECIDED = ['in_committee', 'accepted', 'rejected', 'deferred', 'completing', 'enrolled'];

/**
 * The policy's handling steps as a stepper: reception, verification, referral (only when there was one),
 * declaration, raising to the committee. A withdrawn application shows the steps it never reached as skipped.
 */
export function PolicyStepper({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const wasReferred = application.stage === 'referred' || application.transitions.some((x) => x.toStage === 'referred');
  const ids: StepId[] = [
    'receive',
    'verify',
    ...(wasReferred ? (['referral'] as const) : []),
    'declaration',
    'committee',
  ];

  // The stage the application was in before it was withdrawn tells how far it got.
  const withdrawn = application.stage === 'withdrawn';
  const reachedStage = withdrawn
    ? ([...application.transitions].reverse().find((x) => x.toStage === 'withdrawn')?.fromStage ?? 'draft')
    : application.stage;

  let current: StepId | 'all_done';
  if (DECIDED.includes(reachedStage)) current = 'all_done';
  else current = STEP_OF_STAGE[reachedStage] ?? 'receive';
  // After a referral is answered the application is back in verification, which sits before the referral step:
  // the referral then counts as done.
  const currentIndex = current === 'all_done' ? ids.length : ids.indexOf(current);

  const steps: Step[] = ids.map((id, index) => {
    let state: StepState;
    if (index < currentIndex || (id === 'referral' && current === 'verify' && wasReferred)) state = 'done';
    else if (index === currentIndex) state = withdrawn ? 'skipped' : 'current';
    else state = withdrawn ? 'skipped' : 'upcoming';
    return { id, label: t(`application.steps.${id}`), state };
  });
  return <Stepper label={t('application.stepsLabel')} steps={steps} />;
}

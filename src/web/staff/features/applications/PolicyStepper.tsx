import { useTranslation } from 'react-i18next';
import { type Step, Stepper, type StepState } from '../../../ui/Stepper';
import type { ApplicationDetail } from '../../api-types';

type StepId = 'receive' | 'verify' | 'referral' | 'declaration' | 'committee' | 'decision' | 'completing' | 'delivery';

/** Which policy step each stage belongs to (the step in progress while the application is in that stage). */
const STEP_OF_STAGE: Record<string, StepId> = {
  draft: 'receive',
  submitted: 'receive',
  verifying: 'verify',
  returned: 'verify',
  referred: 'referral',
  declared: 'committee',
  in_committee: 'decision',
  deferred: 'decision',
  accepted: 'completing',
  completing: 'completing',
  enrolled: 'delivery',
};

/**
 * The policy's handling steps as a stepper, the whole journey: reception, verification, referral (only when
 * there was one), declaration, raising to the committee, its decision, completing the registration and the
 * service delivered. A withdrawn application shows the steps it never reached as skipped; a rejected one skips
 * the steps after the decision.
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
    'decision',
    'completing',
    'delivery',
  ];

  // The stage the application was in before it was withdrawn tells how far it got.
  const withdrawn = application.stage === 'withdrawn';
  const rejected = application.stage === 'rejected';
  const reachedStage = withdrawn
    ? ([...application.transitions].reverse().find((x) => x.toStage === 'withdrawn')?.fromStage ?? 'draft')
    : application.stage;
  const delivered = application.deliveries.some((d) => d.status === 'delivered');

  let currentIndex: number;
  if (rejected) currentIndex = ids.indexOf('completing');
  else if (reachedStage === 'enrolled' && delivered) currentIndex = ids.length;
  else currentIndex = ids.indexOf(STEP_OF_STAGE[reachedStage] ?? 'receive');
  const current = ids[currentIndex];
  const stopped = withdrawn || rejected;

  const steps: Step[] = ids.map((id, index) => {
    let state: StepState;
    // After a referral is answered the application is back in verification, which sits before the referral step:
    // the referral then counts as done.
    if (index < currentIndex || (id === 'referral' && current === 'verify' && wasReferred)) state = 'done';
    else if (index === currentIndex) state = stopped ? 'skipped' : 'current';
    else state = stopped ? 'skipped' : 'upcoming';
    return { id, label: t(`application.steps.${id}`), state };
  });
  return <Stepper label={t('application.stepsLabel')} steps={steps} />;
}

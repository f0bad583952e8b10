import { MessageCircleQuestion } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/display';
import type { ApplicationDetail } from '../../api-types';

/**
 * While an application is referred to the execution officer, the question asked sits at the top of its page:
 * whoever opens it (the execution officer to answer, the officer to follow) sees what is being waited for.
 */
export function ReferralQuestion({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (application.stage !== 'referred') return null;
  const referral = [...application.transitions].reverse().find((x) => x.toStage === 'referred');
  if (!referral) return null;
  return (
    <section
      aria-labelledby="referral-question"
      className="mb-5 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950"
      data-testid="referral-question"
    >
      <h2 id="referral-question" className="flex items-center gap-2 font-bold">
        <MessageCircleQuestion aria-hidden="true" className="size-5" />
        {t('work.referral.title')}
      </h2>
      <p className="mt-2 text-sm text-amber-900">{t('work.referral.question')}</p>
      <blockquote className="mt-1 text-lg leading-relaxed">{referral.note}</blockquote>
      <p className="mt-2 text-sm">
        {t('work.referral.by', {
          name: referral.byName ?? t('work.notice.someone'),
          when: format.relative(referral.at),
        })}
      </p>
      <p className="mt-1 text-sm text-amber-900">{t('work.referral.answerHint')}</p>
    </section>
  );
}

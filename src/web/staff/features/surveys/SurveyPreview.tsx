import { useTranslation } from 'react-i18next';
import { RATING_FACES, RATING_LABELS_AR } from '../../../../common/domain/survey';
import type { SurveyQuestion } from './types';

/**
 * The survey roughly as the beneficiary sees it on the portal: the rating as five faces, yes/no as two choices, a
 * box for a remark. A picture only (nothing to press), in Arabic like the portal.
 */
export function SurveyPreview({ questions }: { questions: SurveyQuestion[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="survey-preview" className="rounded-lg border border-slate-200 bg-slate-50 p-3 sm:p-4">
      <h2 id="survey-preview" className="font-bold text-slate-900">
        {t('surveys.preview')}
      </h2>
      <p className="mt-1 text-xs text-slate-600">{t('surveys.previewHint')}</p>
      <div
        lang="ar"
        dir="rtl"
        className="mx-auto mt-3 flex max-w-sm flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
      >
        {questions.map((q) => (
          <div key={q.key}>
            <p className="font-medium text-slate-900">
              {q.labelAr || '…'}
              {q.required || q.kind === 'rating' ? <span className="text-red-700"> *</span> : null}
            </p>
            {q.kind === 'rating' ? (
              <ul className="mt-2 grid grid-cols-5 gap-1 text-center">
                {RATING_FACES.map((face, i) => (
                  <li key={face} className="rounded-md border border-slate-200 px-0.5 py-1">
                    <span aria-hidden="true" className="block text-xl">
                      {face}
                    </span>
                    <span className="block text-[0.65rem] leading-tight text-slate-700">{RATING_LABELS_AR[i]}</span>
                  </li>
                ))}
              </ul>
            ) : q.kind === 'yes_no' ? (
              <div className="mt-2 flex gap-2">
                <span className="rounded-full border border-slate-300 px-4 py-1 text-sm text-slate-800">
                  {t('app.yes', { lng: 'ar' })}
                </span>
                <span className="rounded-full border border-slate-300 px-4 py-1 text-sm text-slate-800">
                  {t('app.no', { lng: 'ar' })}
                </span>
              </div>
            ) : (
              <div className="mt-2 h-14 rounded-md border border-slate-300" />
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

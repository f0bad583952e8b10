import { HeartHandshake } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading, PageHeader } from '../../ui/Page';
import { QuestionsEditor } from '../features/surveys/QuestionsEditor';
import { useSurveyQuestions } from '../features/surveys/queries';
import { SurveyPreview } from '../features/surveys/SurveyPreview';
import type { SurveyQuestion } from '../features/surveys/types';

/**
 * أسئلة قياس رضا المستفيد: what the beneficiary is asked after a resolved request, a delivered service or a
 * decision. Rating is the beneficiary's right and a tool to improve, never to punish (policy goal 6).
 */
export default function SurveyQuestionsPage() {
  const { t } = useTranslation();
  const questions = useSurveyQuestions();
  const [draft, setDraft] = useState<SurveyQuestion[] | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const shown = draft ?? questions.data ?? [];

  return (
    <>
      <PageHeader title={t('surveys.title')} subtitle={t('surveys.subtitle')} />
      <p className="mb-4 flex items-start gap-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-950">
        <HeartHandshake aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-emerald-700" />
        {t('surveys.policy')}
      </p>
      <SuccessNotice className="mb-4">{notice}</SuccessNotice>

      {questions.isPending ? <Loading label={t('app.loading')} /> : null}
      {questions.isError ? (
        <div className="flex flex-col items-start gap-3">
          <ErrorAlert>{errorMessage(questions.error)}</ErrorAlert>
          <Button onPress={() => void questions.refetch()}>{t('app.retry')}</Button>
        </div>
      ) : null}

      {questions.data ? (
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <QuestionsEditor
            initial={questions.data}
            onChange={(next) => {
              setNotice(null);
              setDraft(next);
            }}
            onSaved={() => setNotice(t('surveys.saved'))}
          />
          <div className="lg:sticky lg:top-20">
            <SurveyPreview questions={shown} />
          </div>
        </div>
      ) : null}
    </>
  );
}

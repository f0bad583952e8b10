import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Checkbox, TextField } from '../../../ui/fields';
import { useSaveSurveyQuestions } from './queries';
import { MAX_QUESTIONS, type QuestionKind, type SurveyQuestion } from './types';

/** A key for a new question, unique in the list: yes_no_1, text_2 … */
function newKey(kind: QuestionKind, questions: SurveyQuestion[]): string {
  for (let n = 1; ; n++) {
    const key = `${kind}_${n}`;
    if (!questions.some((q) => q.key === key)) return key;
  }
}

/**
 * The survey's questions, in order: the one rating question (1–5, always asked, the satisfaction figures come from
 * it) and any yes/no or free-text questions. The admin edits the words, marks answers required, reorders, adds
 * and removes; the whole list is saved at once.
 */
export function QuestionsEditor({
  initial,
  onSaved,
  onChange,
}: {
  initial: SurveyQuestion[];
  onSaved: () => void;
  onChange: (questions: SurveyQuestion[]) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSaveSurveyQuestions();
  const [questions, setQuestionsState] = useState(initial);
  const setQuestions = (next: SurveyQuestion[]) => {
    setQuestionsState(next);
    onChange(next);
  };
  const full = questions.length >= MAX_QUESTIONS;

  const update = (index: number, patch: Partial<SurveyQuestion>) =>
    setQuestions(questions.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...questions];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    setQuestions(next);
  };
  const add = (kind: QuestionKind) =>
    setQuestions([...questions, { key: newKey(kind, questions), kind, labelAr: '', labelEn: '', required: false }]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(
      questions.map((q) => ({
        ...q,
        labelAr: q.labelAr.trim(),
        labelEn: q.labelEn.trim(),
        // The rating is what the satisfaction figures are made of: it is always asked.
        required: q.kind === 'rating' ? true : q.required,
      })),
      { onSuccess: onSaved },
    );
  }

  return (
    <Form onSubmit={submit} className="flex flex-col gap-4">
      <ol className="flex flex-col gap-3">
        {questions.map((q, index) => {
          const n = format.number(index + 1);
          const isRating = q.kind === 'rating';
          return (
            <li key={q.key}>
              <fieldset className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
                <legend className="sr-only">{t('surveys.question', { n })}</legend>
                <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                  <p aria-hidden="true" className="flex items-center gap-2 font-bold text-slate-900">
                    {t('surveys.question', { n })}
                    <Badge tone={isRating ? 'info' : 'neutral'}>{t(`surveys.kinds.${q.kind}`)}</Badge>
                  </p>
                  <div className="flex gap-1">
                    <Button
                      variant="ghost"
                      className="min-h-9 px-2"
                      isDisabled={index === 0}
                      aria-label={t('surveys.moveUp', { n })}
                      onPress={() => move(index, -1)}
                    >
                      <ArrowUp aria-hidden="true" className="size-4" />
                    </Button>
                    <Button
                      variant="ghost"
                      className="min-h-9 px-2"
                      isDisabled={index === questions.length - 1}
                      aria-label={t('surveys.moveDown', { n })}
                      onPress={() => move(index, 1)}
                    >
                      <ArrowDown aria-hidden="true" className="size-4" />
                    </Button>
                    {isRating ? null : (
                      <Button
                        variant="dangerQuiet"
                        className="min-h-9 px-2"
                        aria-label={t('surveys.removeLabel', { n })}
                        onPress={() => setQuestions(questions.filter((_, i) => i !== index))}
                      >
                        <Trash2 aria-hidden="true" className="size-4" />
                      </Button>
                    )}
                  </div>
                </div>
                <div className="grid gap-3 md:grid-cols-2">
                  <TextField
                    label={t('surveys.labelAr')}
                    value={q.labelAr}
                    onChange={(labelAr) => update(index, { labelAr })}
                    isRequired
                    maxLength={300}
                    validate={(v) => (v.trim().length >= 3 ? null : t('surveys.tooShort'))}
                  />
                  <TextField
                    label={t('surveys.labelEn')}
                    value={q.labelEn}
                    onChange={(labelEn) => update(index, { labelEn })}
                    ltr
                    maxLength={300}
                  />
                </div>
                {isRating ? (
                  <p className="mt-2 text-xs text-slate-600">{t('surveys.ratingFixed')}</p>
                ) : (
                  <Checkbox isSelected={q.required} onChange={(required) => update(index, { required })}>
                    {t('surveys.required')}
                  </Checkbox>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>

      <div className="flex flex-wrap items-center gap-2">
        <Button isDisabled={full} onPress={() => add('yes_no')}>
          <Plus aria-hidden="true" className="size-4" />
          {t('surveys.addYesNo')}
        </Button>
        <Button isDisabled={full} onPress={() => add('text')}>
          <Plus aria-hidden="true" className="size-4" />
          {t('surveys.addText')}
        </Button>
        {full ? <span className="text-sm text-slate-600">{t('surveys.max')}</span> : null}
      </div>

      {save.isError ? <ErrorAlert>{errorMessage(save.error)}</ErrorAlert> : null}
      <div>
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {save.isPending ? t('app.saving') : t('surveys.save')}
        </Button>
      </div>
    </Form>
  );
}

import surveyStrings from 'virtual:portal-strings/survey';
import { type ReactNode, useEffect, useState } from 'react';
import { RATING_FACES, RATING_LABELS_AR } from '../../../common/domain/survey';
import { api, PortalError } from '../api';
import { addStrings, currentLang, list, t } from '../i18n';
import { Link, usePath } from '../router';
import {
  Alert,
  Button,
  buttonClass,
  Checkbox,
  cx,
  FieldError,
  fieldId,
  focusFirstError,
  Heading,
  Hint,
  inputClass,
  LoadFailed,
  Loading,
} from '../ui';
import type { Errors } from '../validate';

addStrings({ survey: surveyStrings });

type Question = {
  key: string;
  kind: 'rating' | 'yes_no' | 'text';
  labelAr: string;
  labelEn: string;
  required: boolean;
};
type Survey = { trigger: string; questions: Question[] };
type Answer = number | boolean | string;

const TEXT_MAX = 2000;

const optionClass = (error?: string) =>
  cx(
    'flex min-h-14 cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border bg-white px-1 py-2',
    'text-center has-checked:border-2 has-checked:border-brand-700 has-checked:bg-brand-50',
    'has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-700',
    error ? 'border-red-700' : 'border-slate-400',
  );

/** The question's words in the reader's language (the Arabic when no English was written). */
const labelOf = (q: Question) => (currentLang() === 'en' && q.labelEn ? q.labelEn : q.labelAr);

function Required() {
  return <span className="ms-1 text-sm font-normal text-red-800">({t('survey.required')})</span>;
}

/** A question answered by choosing: a fieldset whose legend is the question, its error under the choices. */
function Choices({ q, error, children }: { q: Question; error?: string; children: ReactNode }) {
  return (
    <fieldset aria-describedby={error ? `${fieldId(q.key)}-error` : undefined} className="space-y-2">
      <legend className="mb-2 text-lg font-bold text-slate-900">
        {labelOf(q)}
        {q.required ? <Required /> : null}
      </legend>
      {children}
      <FieldError name={q.key}>{error}</FieldError>
    </fieldset>
  );
}

function RatingQuestion(p: { q: Question; value?: Answer; error?: string; onChange: (value: number) => void }) {
  const labels = currentLang() === 'en' ? list('survey.ratingLabels') : [...RATING_LABELS_AR];
  return (
    <Choices q={p.q} error={p.error}>
      <div className="grid grid-cols-5 gap-1.5 sm:gap-2">
        {RATING_FACES.map((face, index) => {
          const score = index + 1;
          const id = index === 0 ? fieldId(p.q.key) : `${fieldId(p.q.key)}-${score}`;
          return (
            <label key={face} htmlFor={id} className={optionClass(p.error)}>
              <input
                id={id}
                type="radio"
                name={p.q.key}
                value={score}
                checked={p.value === score}
                onChange={() => p.onChange(score)}
                required={p.q.required}
                className="sr-only"
              />
              <span aria-hidden="true" className="text-3xl leading-none">
                {face}
              </span>
              <span className="text-sm leading-tight font-bold text-slate-900">{labels[index]}</span>
            </label>
          );
        })}
      </div>
    </Choices>
  );
}

function YesNoQuestion(p: { q: Question; value?: Answer; error?: string; onChange: (value: boolean) => void }) {
  const options = [
    { value: true, label: t('app.yes') },
    { value: false, label: t('app.no') },
  ];
  return (
    <Choices q={p.q} error={p.error}>
      <div className="grid grid-cols-2 gap-2">
        {options.map((option, index) => {
          const id = index === 0 ? fieldId(p.q.key) : `${fieldId(p.q.key)}-no`;
          return (
            <label
              key={String(option.value)}
              htmlFor={id}
              className={cx(optionClass(p.error), 'flex-row gap-3 text-lg')}
            >
              <input
                id={id}
                type="radio"
                name={p.q.key}
                checked={p.value === option.value}
                onChange={() => p.onChange(option.value)}
                required={p.q.required}
                className="size-5 shrink-0 accent-brand-700"
              />
              <span className="font-bold">{option.label}</span>
            </label>
          );
        })}
      </div>
    </Choices>
  );
}

function TextQuestion(p: { q: Question; value?: Answer; error?: string; onChange: (value: string) => void }) {
  const id = fieldId(p.q.key);
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-lg font-bold text-slate-900">
        {labelOf(p.q)}
        {p.q.required ? (
          <Required />
        ) : (
          <span className="ms-1 text-sm font-normal text-slate-700">({t('app.optional')})</span>
        )}
      </label>
      <Hint name={p.q.key}>{t('survey.commentHint')}</Hint>
      <textarea
        id={id}
        name={p.q.key}
        value={typeof p.value === 'string' ? p.value : ''}
        rows={5}
        maxLength={TEXT_MAX}
        onChange={(event) => p.onChange(event.target.value)}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={[`${id}-hint`, p.error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        required={p.q.required}
        className={inputClass}
      />
      <FieldError name={p.q.key}>{p.error}</FieldError>
    </div>
  );
}

function Unavailable() {
  return (
    <div className="space-y-4">
      <Heading title={t('survey.unavailableTitle')}>{t('survey.unavailableTitle')}</Heading>
      <p className="text-lg" data-testid="survey-unavailable">
        {t('survey.unavailableText')}
      </p>
      <Link to="/portal" className={buttonClass('primary')}>
        {t('app.backHome')}
      </Link>
    </div>
  );
}

/** The satisfaction survey sent after a service: one rating, a few questions, answered once, named or not. */
export function SurveyPage() {
  const token = usePath().split('/').pop() ?? '';
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [loadError, setLoadError] = useState<PortalError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<'form' | 'done' | 'gone'>('form');

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request on retry
  useEffect(() => {
    let live = true;
    setLoadError(null);
    api<Survey>('GET', `/api/portal/surveys/${encodeURIComponent(token)}`)
      .then((data) => {
        if (live) setSurvey(data);
      })
      .catch((error: PortalError) => {
        if (!live) return;
        if (error.status === 410 || error.status === 404 || error.status === 400) setState('gone');
        else setLoadError(error);
      });
    return () => {
      live = false;
    };
  }, [token, attempt]);

  const answer = (key: string, value: Answer) => {
    setAnswers((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      const { [key]: _, ...rest } = current;
      return rest;
    });
  };

  const submit = async () => {
    if (!survey) return;
    const problems: Errors = {};
    for (const q of survey.questions) {
      const value = answers[q.key];
      const empty = value === undefined || (typeof value === 'string' && value.trim() === '');
      if (q.required && empty) problems[q.key] = q.kind === 'text' ? t('errors.required') : t('survey.choose');
    }
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return focusFirstError(problems);
    }
    const sent: Record<string, Answer> = {};
    for (const [key, value] of Object.entries(answers)) {
      const trimmed = typeof value === 'string' ? value.trim() : value;
      if (trimmed !== '') sent[key] = trimmed;
    }
    setBusy(true);
    setFormError(null);
    try {
      await api<void>('POST', `/api/portal/surveys/${encodeURIComponent(token)}`, {
        json: { answers: sent, anonymous },
      });
      setState('done');
    } catch (error) {
      const e = error instanceof PortalError ? error : new PortalError(0, 'unexpected', t('errors.unexpected'));
      if (e.status === 410) return setState('gone');
      const details = (e.details ?? {}) as { key?: unknown };
      const rating = survey.questions.find((q) => q.kind === 'rating');
      const key = details.key === 'rating' ? rating?.key : typeof details.key === 'string' ? details.key : undefined;
      if (key && survey.questions.some((q) => q.key === key)) {
        const next = { [key]: e.message };
        setErrors(next);
        focusFirstError(next);
      } else {
        setFormError(e.message);
      }
    } finally {
      setBusy(false);
    }
  };

  if (state === 'gone') return <Unavailable />;
  if (state === 'done') {
    return (
      <div className="space-y-4">
        <Heading title={t('survey.doneTitle')}>{t('survey.doneTitle')}</Heading>
        <Alert tone="success" title={t('survey.doneText')} />
        <Link to="/portal" className={buttonClass('primary')}>
          {t('app.backHome')}
        </Link>
      </div>
    );
  }
  if (loadError) return <LoadFailed message={loadError.message} retry={() => setAttempt((n) => n + 1)} />;
  if (!survey) return <Loading />;

  return (
    <form
      noValidate
      className="space-y-8"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="space-y-2">
        <Heading title={t('survey.title')}>{t('survey.title')}</Heading>
        <p className="text-lg text-slate-800">{t('survey.intro')}</p>
        <p className="text-slate-700">{t('survey.introTime')}</p>
      </div>
      {survey.questions.map((q) => {
        const props = { q, value: answers[q.key], error: errors[q.key] };
        if (q.kind === 'rating') return <RatingQuestion key={q.key} {...props} onChange={(v) => answer(q.key, v)} />;
        if (q.kind === 'yes_no') return <YesNoQuestion key={q.key} {...props} onChange={(v) => answer(q.key, v)} />;
        return <TextQuestion key={q.key} {...props} onChange={(v) => answer(q.key, v)} />;
      })}
      <Checkbox
        name="anonymous"
        label={t('survey.anonymous')}
        checked={anonymous}
        onChange={setAnonymous}
        hint={t('survey.anonymousHint')}
      />
      {formError ? <Alert tone="error" announce title={formError} /> : null}
      <Button type="submit" variant="primary" busy={busy} className="w-full sm:w-auto sm:min-w-48">
        {t('survey.submit')}
      </Button>
    </form>
  );
}

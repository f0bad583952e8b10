import applyStrings from 'virtual:portal-strings/apply';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { api, PortalError } from '../api';
import { codeError, NewCode, type ReplyTime, SharedPhone } from '../code';
import { type PortalInfo, useInfo } from '../data';
import { addStrings, t } from '../i18n';
import { Link } from '../router';
import { KEYS, readStored, removeStored, writeStored } from '../storage';
import { Alert, Button, Card, focusFirstError, Heading, LoadFailed, Loading, Ltr, Progress, TextField } from '../ui';
import { clean, type Errors, localMobile } from '../validate';
import type { ApplyResult } from './Done';
import {
  type Draft,
  documentsFor,
  emptyData,
  firstInvalid,
  hasAnswers,
  localField,
  restoreDraft,
  STEP_TITLES,
  STEPS,
  type StepId,
  stepOfField,
  toPayload,
  validateStep,
} from './model';
import { ServicesStep, type StepProps } from './services-step';

addStrings({ apply: applyStrings });

const CODE_MINUTES = 10;

/** The confirmation (with its document uploads) is fetched after sending, not with the form. */
const ApplyDone = lazy(() => import('./Done').then((m) => ({ default: m.ApplyDone })));

export function ApplyPage() {
  const info = useInfo();
  const [done, setDone] = useState<ApplyResult | null>(() => {
    const stored = readStored<ApplyResult>(KEYS.applyDone, 'session');
    // A confirmation kept by an older version of the page (no outcome) is not shown again.
    return stored && typeof stored === 'object' && 'outcome' in stored ? stored : null;
  });
  if (done) {
    return (
      <ApplyDone
        result={done}
        onNew={() => {
          removeStored(KEYS.applyDone, 'session');
          setDone(null);
        }}
      />
    );
  }
  if (!info.data) return info.error ? <LoadFailed message={info.error.message} retry={info.retry} /> : <Loading />;
  return (
    <Wizard
      info={info.data}
      onDone={(result) => {
        writeStored(KEYS.applyDone, result, 'session');
        setDone(result);
      }}
    />
  );
}

type HistoryStep = { applyStep?: StepId; prevStep?: StepId };
const historyStep = () => (window.history.state ?? {}) as HistoryStep;

function Wizard({ info, onDone }: { info: PortalInfo; onDone: (result: ApplyResult) => void }) {
  const [draft, setDraft] = useState<Draft>(() => {
    const stored = restoreDraft(readStored<Draft>(KEYS.applyDraft));
    return stored ?? { step: 'services', data: emptyData() };
  });
  const [restored, setRestored] = useState(() => hasAnswers(draft.data));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<PortalError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The one-time code lives only here, in memory: never in storage.
  const [code, setCode] = useState('');
  // The code was stopped (too many wrong tries) or expired: only a new one helps.
  const [stopped, setStopped] = useState(false);
  const [sharedPhone, setSharedPhone] = useState(false);
  const index = STEPS.indexOf(draft.step);

  useEffect(() => writeStored(KEYS.applyDraft, draft), [draft]);

  // Each step is a history entry, so the phone's back button goes back one question, not out of the form.
  // biome-ignore lint/correctness/useExhaustiveDependencies: set up once, for the step the page opened on
  useEffect(() => {
    window.history.replaceState({ applyStep: draft.step } satisfies HistoryStep, '', window.location.pathname);
    const onPop = () => {
      const step = historyStep().applyStep;
      if (step && STEPS.includes(step)) {
        setDraft((current) => ({ ...current, step, returnTo: undefined }));
        setErrors({});
        setFormError(null);
        setNotice(null);
      }
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const goTo = (step: StepId, opts: { returnTo?: StepId; errors?: Errors; patch?: Partial<Draft> } = {}) => {
    window.history.pushState(
      { applyStep: step, prevStep: draft.step } satisfies HistoryStep,
      '',
      window.location.pathname,
    );
    setDraft((current) => ({ ...current, ...opts.patch, step, returnTo: opts.returnTo }));
    setErrors(opts.errors ?? {});
    setFormError(null);
    setNotice(null);
    setRestored(false);
    window.scrollTo(0, 0);
    if (opts.errors) focusFirstError(opts.errors);
  };

  const back = () => {
    const previous = STEPS[index - 1];
    if (!previous) return;
    if (historyStep().prevStep === previous) {
      window.history.back();
      return;
    }
    window.history.replaceState({ applyStep: previous } satisfies HistoryStep, '', window.location.pathname);
    setDraft((current) => ({ ...current, step: previous, returnTo: undefined }));
    setErrors({});
    setFormError(null);
    setNotice(null);
  };

  const set: StepProps['set'] = (patch, clear = []) => {
    preloadSteps();
    setDraft((current) => ({ ...current, data: { ...current.data, ...patch } }));
    const gone = [...Object.keys(patch), ...clear];
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(next)) {
        if (gone.some((g) => key === g || key.startsWith(`${g}.`))) delete next[key];
      }
      return next;
    });
  };

  const startOver = () => {
    removeStored(KEYS.applyDraft);
    setCode('');
    setRestored(false);
    window.history.replaceState({ applyStep: 'services' } satisfies HistoryStep, '', window.location.pathname);
    setDraft({ step: 'services', data: emptyData() });
    setErrors({});
    setFormError(null);
  };

  /** Shows the server's answer where it belongs: on a field (going back to its step) or above the buttons. */
  const showError = (error: unknown) => {
    const e = error instanceof PortalError ? error : new PortalError(0, 'unexpected', t('errors.unexpected'));
    const fields: Errors = {};
    for (const [field, text] of Object.entries(e.fields)) {
      const local = localField(field);
      if (!fields[local]) fields[local] = text;
    }
    if (e.code === 'application.declaration_name_mismatch') {
      goTo('declaration', { returnTo: draft.step, errors: { typedName: e.message } });
    } else if (codeError(e) && draft.step === 'code') {
      const problem = codeError(e)!;
      setStopped(problem.stopped);
      setErrors({ code: problem.message });
      focusFirstError({ code: problem.message });
    } else if (Object.keys(fields).length > 0) {
      const target = STEPS[Math.min(...Object.keys(fields).map((f) => STEPS.indexOf(stepOfField(f))))]!;
      if (target === draft.step) {
        setErrors(fields);
        focusFirstError(fields);
      } else {
        goTo(target, { returnTo: draft.step, errors: fields });
      }
    } else {
      setFormError(e);
    }
  };

  const sendCode = async (resend: boolean) => {
    setBusy(true);
    setFormError(null);
    setNotice(null);
    try {
      await api('POST', '/api/portal/otp', { json: { purpose: 'apply', mobile: clean(draft.data.mobile) } });
      const patch = { codeSentTo: localMobile(draft.data.mobile) ?? draft.data.mobile, codeSentAt: Date.now() };
      // A new code replaces the old one: the old error and the typed digits go with it.
      setStopped(false);
      setCode('');
      setErrors({});
      if (resend) {
        setDraft((current) => ({ ...current, ...patch }));
        setNotice(t('code.newCodeSent'));
      } else {
        goTo('code', { patch });
      }
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    const invalid = firstInvalid(draft.data, info, 0, STEPS.indexOf('send'));
    if (invalid) return goTo(invalid.step, { returnTo: 'code', errors: invalid.errors });
    setBusy(true);
    setFormError(null);
    try {
      const result = await api<
        | { outcome: 'application'; reference: string; decisionDays: number; token: string; remembered: boolean }
        | { outcome: 'review'; reference: string; replyTime: ReplyTime }
      >('POST', '/api/portal/applications', { json: { ...toPayload(draft.data, info, code), sharedPhone } });
      removeStored(KEYS.applyDraft);
      onDone(
        result.outcome === 'review'
          ? { outcome: 'review', reference: result.reference, replyTime: result.replyTime, issuedAt: Date.now() }
          : {
              outcome: 'application',
              reference: result.reference,
              decisionDays: result.decisionDays,
              token: result.token,
              issuedAt: Date.now(),
              documents: documentsFor(draft.data.serviceIds, info),
            },
      );
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const next = () => {
    const problems = validateStep(draft.step, draft.data, info, code);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      focusFirstError(problems);
      return;
    }
    if (draft.step === 'send') return sendCode(false);
    if (draft.step === 'code') return submit();
    if (draft.returnTo && STEPS.indexOf(draft.returnTo) > index) {
      const invalid = firstInvalid(draft.data, info, index + 1, STEPS.indexOf(draft.returnTo));
      if (invalid) return goTo(invalid.step, { returnTo: draft.returnTo, errors: invalid.errors });
      return goTo(draft.returnTo);
    }
    goTo(STEPS[index + 1]!);
  };

  const props: StepProps = { d: draft.data, set, errors, info };
  const title = t(STEP_TITLES[draft.step]);
  const nextLabel =
    draft.step === 'send'
      ? busy
        ? t('apply.send.sending')
        : t('apply.send.button')
      : draft.step === 'code'
        ? busy
          ? t('apply.code.submitting')
          : t('apply.code.submit')
        : draft.step === 'declaration'
          ? t('apply.declaration.confirm')
          : t('app.next');

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        next();
      }}
      className="space-y-6"
    >
      <div>
        <p className="mb-3 text-base font-bold text-slate-700">{t('apply.title')}</p>
        <Progress current={index + 1} total={STEPS.length} />
        <Heading
          key={draft.step}
          title={title}
          hiddenPrefix={`${t('app.progress', { current: index + 1, total: STEPS.length })}:`}
        >
          {title}
        </Heading>
      </div>
      {restored ? (
        <Alert tone="info">
          <p>{t('apply.restored')}</p>
          <Button variant="quiet" className="-ms-3" onClick={startOver}>
            {t('apply.startOver')}
          </Button>
        </Alert>
      ) : null}
      {Object.keys(errors).length > 1 ? <Alert tone="error">{t('errors.fixBelow')}</Alert> : null}

      <StepBody step={draft.step} props={props} edit={(step) => goTo(step, { returnTo: 'declaration' })} />
      {draft.step === 'send' ? <SendStep draft={draft} goTo={goTo} /> : null}
      {draft.step === 'code' ? (
        <CodeStep
          draft={draft}
          code={code}
          setCode={(value) => {
            setCode(value);
            setErrors({});
          }}
          error={errors.code}
          busy={busy}
          notice={notice}
          resend={() => sendCode(true)}
          stopped={stopped}
          sharedPhone={sharedPhone}
          setSharedPhone={setSharedPhone}
        />
      ) : null}

      {formError ? <FormError error={formError} /> : null}
      <div className="flex flex-wrap gap-3 pt-2">
        <Button type="submit" variant="primary" busy={busy} className="min-w-40 flex-1 sm:flex-none">
          {nextLabel}
        </Button>
        {index > 0 ? (
          <Button variant="secondary" onClick={back}>
            {t('app.back')}
          </Button>
        ) : null}
      </div>
      <p className="text-sm text-slate-700">{t('apply.saved')}</p>
    </form>
  );
}

/** Every step but the first: loaded with its code when needed (see services-step.tsx). */
const LaterStep = lazy(() => import('./steps').then((m) => ({ default: m.LaterStep })));
/** Starts fetching the later steps (on the first answer, so "Next" does not wait for them). */
const preloadSteps = () => {
  import('./steps').catch(() => {});
};

function StepBody({ step, props, edit }: { step: StepId; props: StepProps; edit: (step: StepId) => void }) {
  if (step === 'services') return <ServicesStep {...props} />;
  return (
    <Suspense fallback={<Loading />}>
      <LaterStep step={step} props={props} edit={edit} />
    </Suspense>
  );
}

function codeStillValid(draft: Draft): boolean {
  const sentTo = localMobile(draft.data.mobile) ?? draft.data.mobile;
  return Boolean(
    draft.codeSentAt && draft.codeSentTo === sentTo && Date.now() - draft.codeSentAt < CODE_MINUTES * 60_000,
  );
}

function SendStep({ draft, goTo }: { draft: Draft; goTo: (step: StepId, opts?: { returnTo?: StepId }) => void }) {
  const mobile = localMobile(draft.data.mobile) ?? draft.data.mobile;
  return (
    <div className="space-y-4">
      <Card className="space-y-2">
        <p className="text-lg">{t('apply.send.text')}</p>
        <p className="text-3xl font-bold text-brand-950">
          <Ltr>{mobile}</Ltr>
        </p>
        <Button variant="quiet" className="-ms-3" onClick={() => goTo('mobile', { returnTo: 'send' })}>
          {t('apply.send.change')}
        </Button>
      </Card>
      {codeStillValid(draft) ? (
        <Button variant="quiet" className="-ms-3" onClick={() => goTo('code')}>
          {t('apply.send.haveCode')}
        </Button>
      ) : null}
    </div>
  );
}

function CodeStep(p: {
  draft: Draft;
  code: string;
  setCode: (code: string) => void;
  error?: string;
  busy: boolean;
  notice: string | null;
  resend: () => void;
  stopped: boolean;
  sharedPhone: boolean;
  setSharedPhone: (value: boolean) => void;
}) {
  return (
    <div className="space-y-5">
      <Card className="space-y-1">
        <p className="text-lg">{t('apply.code.sentTo')}</p>
        <p className="text-2xl font-bold text-brand-950">
          <Ltr>{p.draft.codeSentTo ?? localMobile(p.draft.data.mobile)}</Ltr>
        </p>
        <p className="text-slate-700">{t('apply.code.valid')}</p>
      </Card>
      <TextField
        name="code"
        label={t('apply.code.label')}
        value={p.code}
        onChange={(value) => p.setCode(value.replace(/[^0-9٠-٩]/g, '').slice(0, 6))}
        error={p.error}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        large
        ltr
      />
      <NewCode sentAt={p.draft.codeSentAt} stopped={p.stopped} notice={p.notice} busy={p.busy} resend={p.resend} />
      <SharedPhone checked={p.sharedPhone} onChange={p.setSharedPhone} />
      <p className="text-sm text-slate-700">{t('app.codeWarning')}</p>
    </div>
  );
}

function FormError({ error }: { error: PortalError }) {
  let extra: ReactNode = null;
  if (error.code === 'application.duplicate_open') {
    extra = (
      <Link to="/portal/track" className="font-bold underline underline-offset-4">
        {t('apply.code.trackInstead')}
      </Link>
    );
  } else if (error.code === 'portal.identity_mismatch') {
    extra = (
      <Link to="/portal/contact" className="font-bold underline underline-offset-4">
        {t('apply.code.contactInstead')}
      </Link>
    );
  }
  return (
    <Alert tone="error" announce title={error.message}>
      {extra ? <p>{extra}</p> : null}
    </Alert>
  );
}

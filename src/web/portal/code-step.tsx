import { useState } from 'react';
import { normalizeReference } from '../../common/domain/reference';
import { api, PortalError } from './api';
import { codeError, NewCode, SharedPhone } from './code';
import { type Key, num, t } from './i18n';
import { Button, Card, focusFirstError, Ltr, TextField } from './ui';
import { clean, type Errors } from './validate';

/**
 * The "reference, then a code sent to the mobile on file" step that tracking and follow-up share: the reference as
 * typed (with or without its prefix, in any digits), a one-time code, a new code on demand, and errors put next to
 * the field they belong to. The page keeps its own heading and what it shows once the code is accepted.
 */
export type CodeStepOptions = {
  /** `APP` for applications, `C` for inquiries, complaints and suggestions. */
  prefix: 'APP' | 'C';
  purpose: 'track' | 'follow';
  /** The message when the reference cannot be read. */
  referenceError: Key;
  reference?: string;
  code?: string;
};

export type CodeStep = ReturnType<typeof useCodeStep>;

export function useCodeStep(options: CodeStepOptions) {
  const [phase, setPhase] = useState<'reference' | 'code'>('reference');
  const [reference, setReferenceValue] = useState(options.reference ?? '');
  const [code, setCodeValue] = useState(options.code ?? '');
  const [sentAt, setSentAt] = useState<number | undefined>(undefined);
  const [stopped, setStopped] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const showErrors = (next: Errors) => {
    setErrors(next);
    focusFirstError(next);
  };

  /** A refused code or reference goes under its field; anything else (the network, the server) above the button. */
  const fail = (error: unknown, field: 'reference' | 'code') => {
    const problem = codeError(error);
    const e = error instanceof PortalError ? error : new PortalError(0, 'unexpected', t('errors.unexpected'));
    if (problem) {
      setStopped(problem.stopped);
      showErrors({ [field]: problem.message });
    } else if (e.code === 'request.validation' || e.code === 'portal.follow_invalid' || Object.keys(e.fields).length) {
      showErrors({ [field]: Object.values(e.fields)[0] ?? e.message });
    } else {
      setFormError(e.message);
    }
  };

  const checkReference = (): string | null => {
    const normal = normalizeReference(reference, options.prefix);
    if (!normal) showErrors({ reference: t(options.referenceError) });
    return normal;
  };

  const sendCode = async (again: boolean) => {
    const normal = checkReference();
    if (!normal) return;
    setBusy(true);
    setFormError(null);
    try {
      await api('POST', '/api/portal/otp', { json: { purpose: options.purpose, reference: normal } });
      setReferenceValue(normal);
      // A new code replaces the old one: its error and the typed digits go too.
      setErrors({});
      setCodeValue('');
      setStopped(false);
      setSentAt(Date.now());
      setNotice(again ? t('code.newCodeSent') : null);
      setPhase('code');
    } catch (error) {
      fail(error, again ? 'code' : 'reference');
    } finally {
      setBusy(false);
    }
  };

  /**
   * Checks the reference and the code (`digits` long, spaces allowed), then runs `request` with both; a refusal
   * lands under the code field. Resolves to the answer, or null when nothing was accepted.
   */
  const submit = async <T,>(
    request: (reference: string, code: string) => Promise<T>,
    digits = 6,
    codeMessage: Key = 'errors.code',
  ): Promise<T | null> => {
    const normal = checkReference();
    if (!normal) return null;
    const typed = clean(code).replace(/\s/g, '');
    if (!new RegExp(`^\\d{${digits}}$`).test(typed)) {
      showErrors({ code: t(codeMessage) });
      return null;
    }
    setBusy(true);
    setFormError(null);
    try {
      const answer = await request(normal, typed);
      setCodeValue('');
      setErrors({});
      return answer;
    } catch (error) {
      fail(error, 'code');
      return null;
    } finally {
      setBusy(false);
    }
  };

  /** Back to typing the reference (or to another one): the code and its errors go. */
  const restart = (nextReference?: string) => {
    if (nextReference !== undefined) setReferenceValue(nextReference);
    setPhase('reference');
    setErrors({});
    setCodeValue('');
  };

  return {
    phase,
    reference,
    code,
    sentAt,
    stopped,
    notice,
    errors,
    formError,
    busy,
    setReference: (value: string) => {
      setReferenceValue(value);
      setErrors({});
    },
    setCode: (value: string) => {
      setCodeValue(value);
      setErrors({});
    },
    sendCode,
    submit,
    restart,
  };
}

/** The reference as the person has it: Latin letters shown upright, any digits accepted. */
export function ReferenceField(p: { step: CodeStep; label: string; hint: string; example: string }) {
  return (
    <TextField
      name="reference"
      label={p.label}
      hint={p.hint}
      value={p.step.reference}
      onChange={p.step.setReference}
      error={p.step.errors.reference}
      placeholder={num(p.example)}
      maxLength={40}
      ltr
      upper
    />
  );
}

/**
 * The code half of the step: which reference the code was sent for (and a way back to change it), the six-digit
 * field, a new code when needed, the shared-phone choice where the phone can be remembered, and the warning never
 * to share the code.
 */
export function CodeEntry(p: {
  step: CodeStep;
  text: string;
  referenceLabel: string;
  changeLabel: string;
  sharedPhone?: { checked: boolean; onChange: (value: boolean) => void };
}) {
  const { step } = p;
  return (
    <>
      <Card className="space-y-2">
        <p>{p.text}</p>
        <p className="text-lg">
          {p.referenceLabel}: <Ltr className="font-bold">{step.reference}</Ltr>
        </p>
        <Button variant="quiet" className="-ms-3" onClick={() => step.restart()}>
          {p.changeLabel}
        </Button>
      </Card>
      <TextField
        name="code"
        label={t('apply.code.label')}
        value={step.code}
        onChange={(value) => step.setCode(value.replace(/[^0-9٠-٩]/g, '').slice(0, 6))}
        error={step.errors.code}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        large
        ltr
      />
      <NewCode
        sentAt={step.sentAt}
        stopped={step.stopped}
        notice={step.notice}
        busy={step.busy}
        resend={() => step.sendCode(true)}
      />
      {p.sharedPhone ? <SharedPhone checked={p.sharedPhone.checked} onChange={p.sharedPhone.onChange} /> : null}
      <p className="text-sm text-slate-700">{t('app.codeWarning')}</p>
    </>
  );
}

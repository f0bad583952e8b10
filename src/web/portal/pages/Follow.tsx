import applyStrings from 'virtual:portal-strings/apply';
import followStrings from 'virtual:portal-strings/follow';
import { useState } from 'react';
import { formatDateTime, formatDual } from '../../../common/dates';
import { normalizeReference } from '../../../common/domain/reference';
import { api, PortalError } from '../api';
import { codeError, NewCode, type ReplyTime, replyTimeText } from '../code';
import { addStrings, dateDisplay, type Key, num, t } from '../i18n';
import { Link, pageState } from '../router';
import { Alert, Button, buttonClass, Card, Facts, focusFirstError, Heading, Ltr, TextField } from '../ui';
import { clean, type Errors } from '../validate';

addStrings({ apply: applyStrings, follow: followStrings });

type Followed = {
  reference: string;
  kind: string;
  status: string;
  publicStatus: 'received' | 'answered' | 'in_progress' | 'waiting_you' | 'done';
  subject: string;
  submittedAt: string;
  replyTime: ReplyTime | null;
  resolveTime: ReplyTime | null;
  outcome: string | null;
  outcomeReason: string | null;
  replies: { body: string; at: string }[];
};

const KINDS = ['inquiry', 'complaint', 'suggestion', 'praise', 'service_request'];
const OUTCOMES = ['accepted', 'under_study', 'declined'];
const word = (value: string, known: string[]) => (known.includes(value) ? t(`follow.${value}` as Key) : value);
const STATUS_KEY: Record<Followed['publicStatus'], Key> = {
  received: 'follow.received',
  answered: 'follow.answered',
  in_progress: 'follow.in_progressPublic',
  waiting_you: 'follow.waiting_you',
  done: 'follow.done',
};

type Phase = 'reference' | 'code' | 'anonymous';

/**
 * Follow an inquiry, complaint or suggestion: its number (as it came by SMS, with or without C-, in any digits),
 * then a code sent to the mobile written in it. An anonymous suggestion is followed with its 8-digit code.
 */
export function FollowPage() {
  const opened = pageState<{ reference: string; anonymous: boolean; followCode: string }>();
  const [phase, setPhase] = useState<Phase>(opened.anonymous ? 'anonymous' : 'reference');
  const [reference, setReference] = useState(String(opened.reference ?? ''));
  const [code, setCode] = useState(String(opened.followCode ?? ''));
  const [sentAt, setSentAt] = useState<number | undefined>(undefined);
  const [stopped, setStopped] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Followed | null>(null);

  const fail = (error: unknown, field: string) => {
    const problem = codeError(error);
    const e = error instanceof PortalError ? error : new PortalError(0, 'unexpected', t('errors.unexpected'));
    if (problem) {
      setStopped(problem.stopped);
      const next = { [field]: problem.message };
      setErrors(next);
      focusFirstError(next);
    } else if (e.code === 'portal.follow_invalid' || Object.keys(e.fields).length > 0) {
      const next = { [field]: Object.values(e.fields)[0] ?? e.message };
      setErrors(next);
      focusFirstError(next);
    } else {
      setFormError(e.message);
    }
  };

  const checkReference = (): string | null => {
    const normal = normalizeReference(reference, 'C');
    if (!normal) {
      const next = { reference: t('errors.caseReference') };
      setErrors(next);
      focusFirstError(next);
    }
    return normal;
  };

  const sendCode = async (again: boolean) => {
    const normal = checkReference();
    if (!normal) return;
    setBusy(true);
    setFormError(null);
    try {
      await api('POST', '/api/portal/otp', { json: { purpose: 'follow', reference: normal } });
      setReference(normal);
      setCode('');
      setErrors({});
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

  const show = async () => {
    const normal = checkReference();
    if (!normal) return;
    const digits = clean(code).replace(/\s/g, '');
    const wanted = phase === 'anonymous' ? 8 : 6;
    if (!new RegExp(`^\\d{${wanted}}$`).test(digits)) {
      const next = { code: t(phase === 'anonymous' ? 'errors.key' : 'errors.code') };
      setErrors(next);
      return focusFirstError(next);
    }
    setBusy(true);
    setFormError(null);
    try {
      setResult(await api<Followed>('POST', '/api/portal/cases/follow', { json: { reference: normal, code: digits } }));
      setErrors({});
    } catch (error) {
      fail(error, 'code');
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <FollowResult
        result={result}
        another={() => {
          setResult(null);
          setCode('');
          setPhase('reference');
        }}
      />
    );
  }

  const title =
    phase === 'anonymous' ? t('follow.anonymousTitle') : phase === 'code' ? t('follow.codeTitle') : t('follow.title');
  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (phase === 'reference') sendCode(false);
        else show();
      }}
    >
      <div className="space-y-2">
        <Heading key={phase} title={title}>
          {title}
        </Heading>
        {phase === 'reference' ? <p className="text-lg text-slate-700">{t('follow.intro')}</p> : null}
        {phase === 'anonymous' ? <p className="text-lg text-slate-700">{t('follow.anonymousIntro')}</p> : null}
      </div>
      {phase === 'code' ? (
        <Card className="space-y-2">
          <p>{t('follow.codeText')}</p>
          <p className="text-lg">
            {t('follow.reference')}: <Ltr className="font-bold">{reference}</Ltr>
          </p>
          <Button
            variant="quiet"
            className="-ms-3"
            onClick={() => {
              setPhase('reference');
              setErrors({});
              setCode('');
            }}
          >
            {t('follow.changeReference')}
          </Button>
        </Card>
      ) : (
        <TextField
          name="reference"
          label={t('follow.reference')}
          hint={t('follow.referenceHint')}
          value={reference}
          onChange={(value) => {
            setReference(value);
            setErrors({});
          }}
          error={errors.reference}
          placeholder={num('C-2026-00012')}
          maxLength={40}
          ltr
          upper
        />
      )}
      {phase !== 'reference' ? (
        <TextField
          name="code"
          label={phase === 'anonymous' ? t('follow.followCode') : t('apply.code.label')}
          value={code}
          onChange={(value) => {
            setCode(value.replace(/[^0-9٠-٩ ]/g, '').slice(0, phase === 'anonymous' ? 9 : 6));
            setErrors({});
          }}
          error={errors.code}
          inputMode="numeric"
          autoComplete={phase === 'code' ? 'one-time-code' : 'off'}
          maxLength={phase === 'anonymous' ? 9 : 6}
          large
          ltr
        />
      ) : null}
      {phase === 'code' ? (
        <NewCode sentAt={sentAt} stopped={stopped} notice={notice} busy={busy} resend={() => sendCode(true)} />
      ) : null}
      {formError ? <Alert tone="error" announce title={formError} /> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="primary" busy={busy} className="min-w-40 flex-1 sm:flex-none">
          {phase === 'reference' ? t('follow.sendCode') : t('follow.submit')}
        </Button>
      </div>
      {phase !== 'code' ? (
        <p>
          <Button
            variant="quiet"
            className="-ms-3"
            onClick={() => {
              setPhase(phase === 'anonymous' ? 'reference' : 'anonymous');
              setErrors({});
              setCode('');
            }}
          >
            {phase === 'anonymous' ? t('follow.withMobileLink') : t('follow.anonymousLink')}
          </Button>
        </p>
      ) : (
        <p className="text-sm text-slate-700">{t('app.codeWarning')}</p>
      )}
    </form>
  );
}

function FollowResult({ result, another }: { result: Followed; another: () => void }) {
  const display = dateDisplay();
  const facts = [
    { label: t('follow.kind'), value: word(result.kind, KINDS) },
    { label: t('follow.subject'), value: <span lang="ar">{result.subject}</span> },
    { label: t('follow.submittedAt'), value: formatDual(result.submittedAt, display) },
    ...(result.outcome ? [{ label: t('follow.outcome'), value: word(result.outcome, OUTCOMES) }] : []),
  ];
  return (
    <div className="space-y-6">
      <Heading title={t('follow.resultTitle')}>{t('follow.resultTitle')}</Heading>
      <p className="text-lg">
        {t('follow.reference')}: <Ltr className="font-bold">{result.reference}</Ltr>
      </p>
      <div className="space-y-2 rounded-xl border-2 border-brand-300 bg-brand-50 p-4" data-testid="case-status">
        <p className="text-xl font-bold text-brand-950">{t(STATUS_KEY[result.publicStatus])}</p>
        {result.publicStatus !== 'done' && result.replyTime && result.resolveTime ? (
          <p>
            {t('follow.replyIn', {
              time: replyTimeText(result.replyTime),
              resolve: replyTimeText(result.resolveTime),
            })}
          </p>
        ) : null}
        {result.outcomeReason ? <p lang="ar">{result.outcomeReason}</p> : null}
      </div>
      <Card>
        <Facts items={facts} />
      </Card>
      <section aria-labelledby="replies-title" className="space-y-3">
        <h2 id="replies-title" className="text-xl font-bold">
          {t('follow.replies')}
        </h2>
        {result.replies.length === 0 ? (
          <p>{t('follow.noReplies')}</p>
        ) : (
          <ol className="space-y-3">
            {result.replies.map((reply) => (
              <li
                key={`${reply.at}-${reply.body.slice(0, 20)}`}
                className="rounded-xl border border-slate-200 bg-white p-4"
              >
                <p className="text-sm text-slate-700">{formatDateTime(reply.at, display)}</p>
                <p lang="ar" className="mt-1 text-lg leading-loose whitespace-pre-line">
                  {reply.body}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <div className="flex flex-wrap gap-3">
        <Link to="/portal" className={buttonClass('primary')}>
          {t('app.backHome')}
        </Link>
        <Button variant="secondary" onClick={another}>
          {t('follow.another')}
        </Button>
      </div>
    </div>
  );
}

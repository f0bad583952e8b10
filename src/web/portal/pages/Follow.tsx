import { useState } from 'react';
import { formatDateTime } from '../../../common/dates';
import { api, PortalError } from '../api';
import { dateDisplay, type Key, t } from '../i18n';
import { Link, pageState } from '../router';
import { Alert, Button, buttonClass, Card, Facts, focusFirstError, Heading, Ltr, TextField } from '../ui';
import { clean, type Errors } from '../validate';

type Followed = {
  reference: string;
  kind: string;
  status: string;
  subject: string;
  outcome: string | null;
  outcomeReason: string | null;
  replies: { body: string; at: string }[];
};

const KINDS = ['inquiry', 'complaint', 'suggestion', 'praise', 'service_request'];
const STATUSES = ['new', 'in_progress', 'referred', 'waiting_beneficiary', 'resolved', 'closed'];
const OUTCOMES = ['accepted', 'under_study', 'declined'];
const word = (value: string, known: string[]) => (known.includes(value) ? t(`follow.${value}` as Key) : value);

/** Follow an inquiry, complaint or suggestion with the reference and key shown when it was sent. */
export function FollowPage() {
  const opened = pageState<{ reference: string; key: string }>();
  const [reference, setReference] = useState(String(opened.reference ?? ''));
  const [key, setKey] = useState(String(opened.key ?? ''));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Followed | null>(null);

  const submit = async () => {
    const problems: Errors = {};
    if (clean(reference).length < 3) problems.reference = t('errors.caseReference');
    if (key.trim().length < 8) problems.key = t('errors.key');
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return focusFirstError(problems);
    }
    setBusy(true);
    setFormError(null);
    try {
      setResult(
        await api<Followed>('POST', '/api/portal/cases/follow', {
          json: { reference: clean(reference).toUpperCase(), key: key.trim() },
        }),
      );
    } catch (error) {
      const e = error instanceof PortalError ? error : new PortalError(0, 'unexpected', t('errors.unexpected'));
      if (e.code === 'otp.invalid' || Object.keys(e.fields).length > 0) {
        const next = Object.keys(e.fields).length > 0 ? e.fields : { key: e.message };
        setErrors(next);
        focusFirstError(next);
      } else {
        setFormError(e.message);
      }
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    const facts = [
      { label: t('follow.kind'), value: word(result.kind, KINDS) },
      { label: t('follow.subject'), value: <span lang="ar">{result.subject}</span> },
      { label: t('follow.status'), value: word(result.status, STATUSES) },
      ...(result.outcome ? [{ label: t('follow.outcome'), value: word(result.outcome, OUTCOMES) }] : []),
    ];
    return (
      <div className="space-y-6">
        <Heading title={t('follow.resultTitle')}>{t('follow.resultTitle')}</Heading>
        <p className="text-lg">
          {t('follow.reference')}: <Ltr className="font-bold">{result.reference}</Ltr>
        </p>
        <div className="rounded-xl border-2 border-brand-300 bg-brand-50 p-4" data-testid="case-status">
          <p className="text-xl font-bold text-brand-950">{word(result.status, STATUSES)}</p>
          {result.outcomeReason ? (
            <p lang="ar" className="mt-2">
              {result.outcomeReason}
            </p>
          ) : null}
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
                  <p className="text-sm text-slate-700">{formatDateTime(reply.at, dateDisplay())}</p>
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
          <Button variant="secondary" onClick={() => setResult(null)}>
            {t('follow.another')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="space-y-2">
        <Heading title={t('follow.title')}>{t('follow.title')}</Heading>
        <p className="text-lg text-slate-700">{t('follow.intro')}</p>
      </div>
      <TextField
        name="reference"
        label={t('follow.reference')}
        value={reference}
        onChange={(value) => {
          setReference(value);
          setErrors({});
        }}
        error={errors.reference}
        maxLength={40}
        ltr
        upper
      />
      <TextField
        name="key"
        label={t('follow.key')}
        value={key}
        onChange={(value) => {
          setKey(value);
          setErrors({});
        }}
        error={errors.key}
        maxLength={64}
        ltr
      />
      {formError ? <Alert tone="error" announce title={formError} /> : null}
      <Button type="submit" variant="primary" busy={busy} className="min-w-40">
        {t('follow.submit')}
      </Button>
    </form>
  );
}

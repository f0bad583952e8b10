import applyStrings from 'virtual:portal-strings/apply';
import followStrings from 'virtual:portal-strings/follow';
import { useState } from 'react';
import { formatDateTime, formatDual } from '../../../common/dates';
import { api } from '../api';
import { type ReplyTime, replyTimeText } from '../code';
import { CodeEntry, ReferenceField, useCodeStep } from '../code-step';
import { addStrings, dateDisplay, type Key, t } from '../i18n';
import { Link, pageState } from '../router';
import { Alert, Button, buttonClass, Card, Facts, Heading, Ltr, TextField } from '../ui';

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

/**
 * Follow an inquiry, complaint or suggestion: its number (as it came by SMS, with or without C-, in any digits),
 * then a code sent to the mobile written in it. An anonymous suggestion is followed with its 8-digit code.
 */
export function FollowPage() {
  const opened = pageState<{ reference: string; anonymous: boolean; followCode: string }>();
  const [anonymous, setAnonymous] = useState(Boolean(opened.anonymous));
  const step = useCodeStep({
    prefix: 'C',
    purpose: 'follow',
    referenceError: 'errors.caseReference',
    reference: String(opened.reference ?? ''),
    code: String(opened.followCode ?? ''),
  });
  const [result, setResult] = useState<Followed | null>(null);

  const show = async () => {
    const answer = await step.submit(
      (reference, code) => api<Followed>('POST', '/api/portal/cases/follow', { json: { reference, code } }),
      anonymous ? 8 : 6,
      anonymous ? 'errors.key' : 'errors.code',
    );
    if (answer) setResult(answer);
  };

  if (result) {
    return (
      <FollowResult
        result={result}
        another={() => {
          setResult(null);
          setAnonymous(false);
          step.restart();
        }}
      />
    );
  }

  const phase = anonymous ? 'anonymous' : step.phase;
  const title =
    phase === 'anonymous' ? t('follow.anonymousTitle') : phase === 'code' ? t('follow.codeTitle') : t('follow.title');
  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (phase === 'reference') step.sendCode(false);
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
        <CodeEntry
          step={step}
          text={t('follow.codeText')}
          referenceLabel={t('follow.reference')}
          changeLabel={t('follow.changeReference')}
        />
      ) : (
        <ReferenceField
          step={step}
          label={t('follow.reference')}
          hint={t('follow.referenceHint')}
          example="C-2026-00012"
        />
      )}
      {phase === 'anonymous' ? (
        // The 8-digit follow-up code of an anonymous suggestion, shown in two groups: a space is allowed.
        <TextField
          name="code"
          label={t('follow.followCode')}
          value={step.code}
          onChange={(value) => step.setCode(value.replace(/[^0-9٠-٩ ]/g, '').slice(0, 9))}
          error={step.errors.code}
          inputMode="numeric"
          maxLength={9}
          large
          ltr
        />
      ) : null}
      {step.formError ? <Alert tone="error" announce title={step.formError} /> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="primary" busy={step.busy} className="min-w-40 flex-1 sm:flex-none">
          {phase === 'reference' ? t('follow.sendCode') : t('follow.submit')}
        </Button>
      </div>
      {phase !== 'code' ? (
        <p>
          <Button
            variant="quiet"
            className="-ms-3"
            onClick={() => {
              setAnonymous(!anonymous);
              step.restart();
            }}
          >
            {anonymous ? t('follow.withMobileLink') : t('follow.anonymousLink')}
          </Button>
        </p>
      ) : null}
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

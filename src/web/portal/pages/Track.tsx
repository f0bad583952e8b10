import applyStrings from 'virtual:portal-strings/apply';
import trackStrings from 'virtual:portal-strings/track';
import uploadStrings from 'virtual:portal-strings/upload';
import { type ReactNode, useEffect, useState } from 'react';
import { formatDual } from '../../../common/dates';
import { api } from '../api';
import { DecisionPromise } from '../code';
import { CodeEntry, ReferenceField, useCodeStep } from '../code-step';
import { rememberedDevice } from '../data';
import { addStrings, dateDisplay, type Key, num, t } from '../i18n';
import { Check, CircleCheck } from '../icons';
import { CircleDashed } from '../page-icons';
import { Link, pageState } from '../router';
import { DocumentUpload } from '../Upload';
import { Alert, Button, buttonClass, Card, cx, Facts, Heading, KeepValue, Loading, Ltr, Progress } from '../ui';

addStrings({ apply: applyStrings, track: trackStrings, upload: uploadStrings });

type Tracked = {
  reference: string;
  stage: string;
  submittedAt: string;
  expectedDecisionDate: string | null;
  raisedOn: string | null;
  decisionDays: number;
  missing: string[];
  documents: { key: string; labelAr: string; state: 'received' | 'missing' | 'waiting' | 'not_needed' }[];
  decision: null | { decision: 'accepted' | 'rejected' | 'deferred'; reasons: string[]; decidedAt: string | null };
  declared: boolean;
  token: string;
};
type Remembered = { remembered: boolean; mobileEnding: string | null; applications: Tracked[] };

/**
 * Track an application. On a remembered phone the person's applications show at once; otherwise the number (as
 * typed: with or without APP-, any digits), then a code sent to the mobile on file, then the stage in plain words.
 */
export function TrackPage() {
  const [checking, setChecking] = useState(true);
  const [view, setView] = useState<'form' | 'remembered' | 'status'>('form');
  const step = useCodeStep({
    prefix: 'APP',
    purpose: 'track',
    referenceError: 'errors.reference',
    reference: String(pageState<{ reference: string }>().reference ?? ''),
  });
  const [sharedPhone, setSharedPhone] = useState(false);
  const [result, setResult] = useState<Tracked | null>(null);
  const [remembered, setRemembered] = useState<Remembered | null>(null);

  useEffect(() => {
    let live = true;
    rememberedDevice<Remembered>()
      .then((answer) => {
        if (!live || !answer.remembered || answer.applications.length === 0) return;
        setRemembered(answer);
        if (answer.applications.length === 1) {
          setResult(answer.applications[0]!);
          setView('status');
        } else {
          setView('remembered');
        }
      })
      .catch(() => {})
      .finally(() => {
        if (live) setChecking(false);
      });
    return () => {
      live = false;
    };
  }, []);

  const show = async () => {
    const answer = await step.submit((reference, code) =>
      api<Tracked & { remembered: boolean }>('POST', '/api/portal/track', { json: { reference, code, sharedPhone } }),
    );
    if (!answer) return;
    setResult(answer);
    setRemembered(answer.remembered ? { remembered: true, mobileEnding: null, applications: [answer] } : null);
    setView('status');
  };

  const another = () => {
    setResult(null);
    step.restart('');
    setView('form');
  };

  if (checking) return <Loading />;

  if (view === 'status' && result) {
    return (
      <TrackStatus
        result={result}
        another={another}
        remembered={Boolean(remembered?.remembered)}
        back={remembered && remembered.applications.length > 1 ? () => setView('remembered') : undefined}
      />
    );
  }

  if (view === 'remembered' && remembered) {
    return (
      <div className="space-y-6">
        <Heading title={t('track.remembered.title')}>{t('track.remembered.title')}</Heading>
        <p className="text-lg">{t('track.remembered.intro', { ending: remembered.mobileEnding ?? '' })}</p>
        <ul className="space-y-3">
          {remembered.applications.map((app) => (
            <li key={app.reference}>
              <button
                type="button"
                onClick={() => {
                  setResult(app);
                  setView('status');
                }}
                className="flex min-h-16 w-full cursor-pointer items-center justify-between gap-3 rounded-xl border-2 border-slate-200 bg-white p-4 text-start hover:border-brand-600 hover:bg-brand-50"
              >
                <span>
                  <Ltr className="block text-lg font-bold text-brand-900">{app.reference}</Ltr>
                  <span className="block text-slate-700">{formatDual(app.submittedAt, dateDisplay())}</span>
                </span>
                <span className="font-bold text-brand-800">{t('track.remembered.open')}</span>
              </button>
            </li>
          ))}
        </ul>
        <ForgetPhone />
        <Button variant="secondary" onClick={another}>
          {t('track.remembered.other')}
        </Button>
      </div>
    );
  }

  const first = step.phase === 'reference';
  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (first) step.sendCode(false);
        else show();
      }}
    >
      <div>
        <p className="mb-3 text-base font-bold text-slate-700">{t('track.title')}</p>
        <Progress current={first ? 1 : 2} total={2} />
        <Heading
          key={step.phase}
          title={t(first ? 'track.reference.title' : 'track.code.title')}
          hiddenPrefix={`${t('app.progress', { current: first ? 1 : 2, total: 2 })}:`}
        >
          {t(first ? 'track.reference.title' : 'track.code.title')}
        </Heading>
      </div>
      {first ? (
        <ReferenceField
          step={step}
          label={t('track.reference.label')}
          hint={t('track.reference.hint')}
          example="APP-2026-00012"
        />
      ) : (
        <CodeEntry
          step={step}
          text={t('track.code.text')}
          referenceLabel={t('track.status.reference')}
          changeLabel={t('track.code.changeReference')}
          sharedPhone={{ checked: sharedPhone, onChange: setSharedPhone }}
        />
      )}
      {step.formError ? <Alert tone="error" announce title={step.formError} /> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="primary" busy={step.busy} className="min-w-40 flex-1 sm:flex-none">
          {first ? t('track.reference.send') : t('track.code.submit')}
        </Button>
      </div>
    </form>
  );
}

/** "Forget this phone" (and every phone of the number): the next visit asks for a code again; this page stays. */
function ForgetPhone() {
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const forget = async (everywhere: boolean) => {
    setBusy(true);
    try {
      await api('POST', '/api/portal/device/forget', { json: { everywhere } });
      setDone(true);
    } finally {
      setBusy(false);
    }
  };
  if (done) return <Alert tone="success" announce title={t('track.remembered.forgotten')} />;
  return (
    <div className="flex flex-wrap gap-x-4">
      <Button variant="quiet" className="-ms-3" busy={busy} onClick={() => forget(false)}>
        {t('track.remembered.forget')}
      </Button>
      <Button variant="quiet" busy={busy} onClick={() => forget(true)}>
        {t('track.remembered.forgetAll')}
      </Button>
    </div>
  );
}

type Group = 'verifying' | 'referred' | 'returned' | 'declared' | 'committee' | 'accepted' | 'rejected' | 'withdrawn';

function groupOf(stage: string): Group {
  switch (stage) {
    case 'referred':
    case 'returned':
    case 'declared':
    case 'rejected':
    case 'withdrawn':
      return stage;
    case 'in_committee':
    case 'deferred':
      return 'committee';
    case 'accepted':
    case 'completing':
    case 'enrolled':
      return 'accepted';
    default:
      return 'verifying';
  }
}

const TONE: Record<Group, string> = {
  verifying: 'border-brand-300 bg-brand-50 text-brand-950',
  referred: 'border-brand-300 bg-brand-50 text-brand-950',
  declared: 'border-brand-300 bg-brand-50 text-brand-950',
  committee: 'border-brand-300 bg-brand-50 text-brand-950',
  returned: 'border-amber-400 bg-amber-50 text-amber-950',
  accepted: 'border-green-400 bg-green-50 text-green-950',
  rejected: 'border-slate-400 bg-slate-100 text-slate-900',
  withdrawn: 'border-slate-400 bg-slate-100 text-slate-900',
};

/** Which of the four public milestones are done, and which is the current one. */
function milestone(group: Group): number {
  if (group === 'verifying' || group === 'referred' || group === 'returned') return 1;
  if (group === 'declared' || group === 'committee') return 2;
  return 3;
}

const MILESTONES: Key[] = [
  'track.status.stepReceived',
  'track.status.stepVerify',
  'track.status.stepCommittee',
  'track.status.stepDecision',
];

function Timeline({ group }: { group: Group }) {
  const current = milestone(group);
  const finished = group === 'accepted' || group === 'rejected';
  return (
    <ol aria-label={t('track.status.timeline')} className="grid grid-cols-4 gap-1">
      {MILESTONES.map((key, index) => {
        const done = index < current || (finished && index === current);
        const isCurrent = index === current && !finished;
        return (
          <li key={key} aria-current={isCurrent ? 'step' : undefined} className="flex flex-col items-center gap-1">
            <span
              aria-hidden="true"
              className={cx(
                'flex size-9 items-center justify-center rounded-full border-2 font-bold',
                done && 'border-brand-700 bg-brand-700 text-white',
                isCurrent && 'border-brand-700 bg-white text-brand-800 ring-4 ring-brand-100',
                !done && !isCurrent && 'border-slate-300 bg-white text-slate-600',
              )}
            >
              {done ? <Check className="size-5" strokeWidth={3} /> : num(index + 1)}
            </span>
            <span className={cx('text-center text-sm', isCurrent ? 'font-bold text-brand-900' : 'text-slate-700')}>
              {t(key)}
              <span className="sr-only">
                {done ? ` (${t('track.status.stepDone')})` : isCurrent ? ` (${t('track.status.stepCurrent')})` : ''}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function TrackStatus({
  result,
  another,
  remembered,
  back,
}: {
  result: Tracked;
  another: () => void;
  remembered: boolean;
  back?: () => void;
}) {
  const group = groupOf(result.stage);
  const display = dateDisplay();
  const expected = result.expectedDecisionDate ? formatDual(result.expectedDecisionDate, display) : null;
  let headline: string;
  let body: ReactNode = null;
  switch (group) {
    case 'verifying':
      headline = t('track.status.verifying');
      body = <p>{t('track.status.verifyingText')}</p>;
      break;
    case 'referred':
      headline = t('track.status.referred');
      body = <p>{t('track.status.referredText')}</p>;
      break;
    case 'returned':
      headline = t('track.status.returned');
      break;
    case 'declared':
      headline = t('track.status.declared');
      break;
    case 'committee':
      headline = expected ? t('track.status.inCommittee', { date: expected }) : t('track.status.inCommitteeNoDate');
      body = <p>{t(result.stage === 'deferred' ? 'track.status.deferredText' : 'track.status.inCommitteeText')}</p>;
      break;
    case 'accepted':
      headline = t('track.status.accepted');
      body = <p>{t(result.stage === 'enrolled' ? 'track.status.enrolledText' : 'track.status.acceptedText')}</p>;
      break;
    case 'rejected':
      headline = t('track.status.rejected');
      body = (
        <>
          {result.decision?.reasons.length ? (
            <div>
              <p className="font-bold">{t('track.status.reasons')}</p>
              <ul lang="ar" className="list-disc ps-5">
                {result.decision.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <p>{t('track.status.appeal')}</p>
          <Link
            to="/portal/contact"
            state={{ kind: 'complaint', subject: `${t('track.status.appealLink')} ${result.reference}` }}
            className={buttonClass('secondary')}
          >
            {t('track.status.appealLink')}
          </Link>
        </>
      );
      break;
    case 'withdrawn':
      headline = t('track.status.withdrawn');
      body = <p>{t('track.status.withdrawnText')}</p>;
      break;
  }
  const canAdd = ['verifying', 'referred', 'returned'].includes(group);
  const finished = ['accepted', 'rejected', 'withdrawn'].includes(group);
  const facts = [
    { label: t('track.status.submittedAt'), value: formatDual(result.submittedAt, display) },
    ...(result.decision?.decidedAt
      ? [{ label: t('track.status.decidedAt'), value: formatDual(result.decision.decidedAt, display) }]
      : []),
  ];
  return (
    <div className="space-y-6">
      <Heading title={t('track.status.title')}>{t('track.status.title')}</Heading>
      <KeepValue label={t('track.status.reference')} value={result.reference} />
      <div className={cx('space-y-3 rounded-xl border-2 p-4', TONE[group])} data-testid="track-status">
        <p className="text-xl leading-snug font-bold">{headline}</p>
        {body}
      </div>
      {group !== 'withdrawn' ? <Timeline group={group} /> : null}
      <Card>
        <Facts items={facts} />
      </Card>
      {finished ? null : (
        <DecisionPromise days={result.decisionDays} expected={result.expectedDecisionDate} raisedOn={result.raisedOn} />
      )}
      {result.documents.length > 0 ? (
        <section aria-labelledby="documents-title" className="space-y-3">
          <h2 id="documents-title" className="text-xl font-bold">
            {t('track.documents.title')}
          </h2>
          {group === 'returned' ? <p>{t('track.status.returnedText')}</p> : null}
          <ul className="space-y-3" data-testid="documents">
            {result.documents.map((doc) =>
              canAdd && (doc.state === 'missing' || doc.state === 'waiting') ? (
                <DocumentUpload
                  key={doc.key}
                  reference={result.reference}
                  token={result.token}
                  kind={doc.key}
                  label={`${doc.labelAr} — ${t(`track.documents.${doc.state}`)}`}
                />
              ) : (
                <li key={doc.key} className="flex items-center gap-3 rounded-xl border border-slate-200 bg-white p-4">
                  {doc.state === 'received' ? (
                    <CircleCheck aria-hidden="true" className="size-6 shrink-0 text-green-700" />
                  ) : (
                    <CircleDashed aria-hidden="true" className="size-6 shrink-0 text-slate-600" />
                  )}
                  <span className="min-w-0 flex-1">
                    <span lang="ar" className="block font-bold">
                      {doc.labelAr}
                    </span>
                    <span className="block text-slate-700">{t(`track.documents.${doc.state}`)}</span>
                  </span>
                </li>
              ),
            )}
          </ul>
        </section>
      ) : null}
      {canAdd ? (
        <section aria-labelledby="more-title" className="space-y-3">
          <h2 id="more-title" className="text-xl font-bold">
            {t('track.status.moreDocuments')}
          </h2>
          <p>{t('track.status.moreDocumentsText')}</p>
          <ul>
            <DocumentUpload reference={result.reference} token={result.token} kind="other" label={t('upload.other')} />
          </ul>
        </section>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Link to="/portal" className={buttonClass('primary')}>
          {t('app.backHome')}
        </Link>
        {back ? (
          <Button variant="secondary" onClick={back}>
            {t('track.remembered.title')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={another}>
          {t('track.status.another')}
        </Button>
      </div>
      {remembered ? <ForgetPhone /> : null}
    </div>
  );
}

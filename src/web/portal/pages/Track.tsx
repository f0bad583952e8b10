import { Check } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { formatDual } from '../../../common/dates';
import { api, PortalError } from '../api';
import { type PortalInfo, useInfo } from '../data';
import { dateDisplay, type Key, num, t } from '../i18n';
import { Link, pageState } from '../router';
import { DocumentUpload } from '../Upload';
import {
  Alert,
  Button,
  buttonClass,
  Card,
  cx,
  Facts,
  focusFirstError,
  Heading,
  KeepValue,
  Ltr,
  Progress,
  TextField,
} from '../ui';
import { clean, type Errors } from '../validate';

type Tracked = {
  reference: string;
  stage: string;
  submittedAt: string;
  expectedDecisionDate: string | null;
  missing: string[];
  decision: null | { decision: 'accepted' | 'rejected' | 'deferred'; reasons: string[]; decidedAt: string | null };
  declared: boolean;
  token: string;
};

const REFERENCE = /^[A-Za-z]{2,5}-?\d{4}-?\d{3,6}$/;

/** Track an application: its number, then a code sent to the mobile on file, then its stage in plain words. */
export function TrackPage() {
  const [phase, setPhase] = useState<'reference' | 'code' | 'status'>('reference');
  const [reference, setReference] = useState(() => String(pageState<{ reference: string }>().reference ?? ''));
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Tracked | null>(null);

  const fail = (error: unknown, field: string) => {
    const e = error instanceof PortalError ? error : new PortalError(0, 'unexpected', t('errors.unexpected'));
    if (e.code === 'otp.invalid' || e.code === 'request.validation') {
      const next = { [field]: Object.values(e.fields)[0] ?? e.message };
      setErrors(next);
      focusFirstError(next);
    } else {
      setFormError(e.message);
    }
  };

  const sendCode = async () => {
    const ref = clean(reference).toUpperCase();
    if (!REFERENCE.test(ref)) {
      const next = { reference: t('errors.reference') };
      setErrors(next);
      return focusFirstError(next);
    }
    setBusy(true);
    setFormError(null);
    try {
      await api('POST', '/api/portal/otp', { json: { purpose: 'track', reference: ref } });
      setReference(ref);
      setErrors({});
      setPhase('code');
    } catch (error) {
      fail(error, 'reference');
    } finally {
      setBusy(false);
    }
  };

  const show = async () => {
    if (!/^\d{6}$/.test(clean(code))) {
      const next = { code: t('errors.code') };
      setErrors(next);
      return focusFirstError(next);
    }
    setBusy(true);
    setFormError(null);
    try {
      setResult(await api<Tracked>('POST', '/api/portal/track', { json: { reference, code: clean(code) } }));
      setCode('');
      setErrors({});
      setPhase('status');
    } catch (error) {
      fail(error, 'code');
    } finally {
      setBusy(false);
    }
  };

  if (phase === 'status' && result) {
    return (
      <TrackStatus
        result={result}
        another={() => {
          setResult(null);
          setReference('');
          setPhase('reference');
        }}
      />
    );
  }

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (phase === 'reference') sendCode();
        else show();
      }}
    >
      <div>
        <p className="mb-3 text-base font-bold text-slate-700">{t('track.title')}</p>
        <Progress current={phase === 'reference' ? 1 : 2} total={2} />
        <Heading
          key={phase}
          title={t(phase === 'reference' ? 'track.reference.title' : 'track.code.title')}
          hiddenPrefix={`${t('app.progress', { current: phase === 'reference' ? 1 : 2, total: 2 })}:`}
        >
          {t(phase === 'reference' ? 'track.reference.title' : 'track.code.title')}
        </Heading>
      </div>
      {phase === 'reference' ? (
        <TextField
          name="reference"
          label={t('track.reference.label')}
          hint={t('track.reference.hint')}
          value={reference}
          onChange={(value) => {
            setReference(value);
            setErrors({});
          }}
          error={errors.reference}
          placeholder="APP-2026-00012"
          maxLength={40}
          ltr
          upper
        />
      ) : (
        <>
          <Card className="space-y-2">
            <p>{t('track.code.text')}</p>
            <p className="text-lg">
              {t('track.status.reference')}: <Ltr className="font-bold">{reference}</Ltr>
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
              {t('track.code.changeReference')}
            </Button>
          </Card>
          <TextField
            name="code"
            label={t('apply.code.label')}
            value={code}
            onChange={(value) => {
              setCode(value.replace(/[^0-9٠-٩]/g, '').slice(0, 6));
              setErrors({});
            }}
            error={errors.code}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            large
            ltr
          />
          <p className="text-sm text-slate-700">{t('app.codeWarning')}</p>
        </>
      )}
      {formError ? <Alert tone="error" announce title={formError} /> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="primary" busy={busy} className="min-w-40 flex-1 sm:flex-none">
          {phase === 'reference' ? t('track.reference.send') : t('track.code.submit')}
        </Button>
      </div>
    </form>
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

/** The document key for a missing item's label (the server lists labels only), or "other". */
function kindOf(label: string, info: PortalInfo | null): string {
  for (const service of info?.services ?? []) {
    const doc = service.requiredDocuments.find((d) => d.labelAr === label);
    if (doc) return doc.key;
  }
  return 'other';
}

function TrackStatus({ result, another }: { result: Tracked; another: () => void }) {
  const info = useInfo().data;
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
  const facts = [
    { label: t('track.status.submittedAt'), value: formatDual(result.submittedAt, display) },
    ...(['accepted', 'rejected', 'withdrawn'].includes(group)
      ? []
      : expected
        ? [{ label: t('track.status.expected'), value: expected }]
        : info
          ? [
              {
                label: t('track.status.expected'),
                value: t('track.status.expectedLater', { days: info.committeeTargetDays }),
              },
            ]
          : []),
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
      {result.missing.length > 0 ? (
        <section aria-labelledby="missing-title" className="space-y-3">
          <h2 id="missing-title" className="text-xl font-bold">
            {t('track.status.missing')}
          </h2>
          {group === 'returned' ? <p>{t('track.status.returnedText')}</p> : null}
          <ul className="space-y-3">
            {result.missing.map((label) => (
              <DocumentUpload
                key={label}
                reference={result.reference}
                token={result.token}
                kind={kindOf(label, info)}
                label={label}
              />
            ))}
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
        <Button variant="secondary" onClick={another}>
          {t('track.status.another')}
        </Button>
      </div>
    </div>
  );
}

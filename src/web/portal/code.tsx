import codeStrings from 'virtual:portal-strings/code';
import promiseStrings from 'virtual:portal-strings/promise';
import timeStrings from 'virtual:portal-strings/time';
import { useEffect, useState } from 'react';
import { formatDual } from '../../common/dates';
import { PortalError } from './api';
import { addStrings, dateDisplay, t } from './i18n';
import { Alert, Button, Card, Checkbox } from './ui';

addStrings({ code: codeStrings, promise: promiseStrings, time: timeStrings });

/** Seconds before "send a new code" is offered again (unless the code was stopped: then at once). */
export const RESEND_SECONDS = 60;

export type ReplyTime = { unit: 'hours' | 'days'; n: number };

/** "٤ ساعات عمل", "يومَي عمل": a reply time in words, counted like Arabic counts. */
export function replyTimeText({ unit, n }: ReplyTime): string {
  const base = unit === 'hours' ? 'hours' : 'days';
  if (n === 1) return t(`time.${base}1`);
  if (n === 2) return t(`time.${base}2`);
  return t(n <= 10 ? `time.${base}Few` : `time.${base}Many`, { n });
}

/**
 * What a code error means for the person. A wrong code says how many tries are left; a stopped or expired code
 * (`stopped`) means only a new code helps, so the page offers one at once.
 */
export function codeError(error: unknown): { message: string; stopped: boolean } | null {
  if (!(error instanceof PortalError)) return null;
  if (error.code === 'otp.too_many_tries' || error.code === 'otp.expired') {
    return { message: error.message, stopped: true };
  }
  if (error.code !== 'otp.invalid') return null;
  const left = (error.details as { triesLeft?: unknown } | undefined)?.triesLeft;
  const extra =
    typeof left === 'number' && left > 0
      ? ` ${left === 1 ? t('code.wrongTriesOne') : t('code.wrongTries', { n: left })}`
      : '';
  return { message: `${error.message}${extra}`, stopped: false };
}

export function useSecondsLeft(since: number | undefined, seconds: number): number {
  const [now, setNow] = useState(Date.now());
  const left = since ? Math.max(0, Math.ceil((since + seconds * 1000 - now) / 1000)) : 0;
  useEffect(() => {
    if (left <= 0) return;
    const timer = window.setTimeout(() => setNow(Date.now()), 1000);
    return () => window.clearTimeout(timer);
  }, [left]);
  return left;
}

/**
 * Under a code field: when the code was stopped, a clear box with a big "send me a new code" button; otherwise
 * the usual "no code arrived?" link after a minute. The notice says a new code was sent (and the old one is gone).
 */
export function NewCode(p: {
  sentAt: number | undefined;
  stopped: boolean;
  notice: string | null;
  busy: boolean;
  resend: () => void;
}) {
  const left = useSecondsLeft(p.sentAt, RESEND_SECONDS);
  if (p.stopped) {
    return (
      <Alert tone="warning" title={t('code.stoppedTitle')}>
        <Button variant="primary" busy={p.busy} onClick={p.resend} className="mt-2 w-full sm:w-auto">
          {t('code.newCode')}
        </Button>
      </Alert>
    );
  }
  return (
    <div className="space-y-2" aria-live="polite">
      {p.notice ? <p className="font-bold text-green-800">{p.notice}</p> : null}
      {left > 0 ? (
        <p className="text-slate-700">{t('code.resendIn', { seconds: left })}</p>
      ) : (
        <div className="flex flex-wrap items-center gap-x-2">
          <span className="text-slate-700">{t('code.noCode')}</span>
          <Button variant="quiet" busy={p.busy} onClick={p.resend}>
            {t('code.newCode')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** "Other people use this phone too": then the phone is not remembered after the code. */
export function SharedPhone({ checked, onChange }: { checked: boolean; onChange: (value: boolean) => void }) {
  return (
    <Checkbox
      name="sharedPhone"
      label={t('code.shared')}
      hint={t('code.sharedHint')}
      checked={checked}
      onChange={onChange}
    />
  );
}

/**
 * The one promise about the decision, worded the same on the confirmation and in tracking: before the application
 * is raised, the committee's days counted from raising; after, the date and what it counts from.
 */
export function DecisionPromise(p: { days: number; expected: string | null; raisedOn: string | null }) {
  const display = dateDisplay();
  return (
    <Card className="space-y-2">
      <h2 className="text-lg font-bold">{t('promise.title')}</h2>
      {p.expected ? (
        <>
          <p className="text-xl font-bold text-brand-900" data-testid="expected-date">
            {formatDual(p.expected, display)}
          </p>
          {p.raisedOn ? (
            <p className="text-slate-700">
              {t('promise.afterFrom', { days: p.days, raised: formatDual(p.raisedOn, display) })}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p className="text-lg font-bold text-brand-900" data-testid="decision-promise">
            {t('promise.before', { days: p.days })}
          </p>
          <p className="text-slate-700">{t('promise.beforeSms')}</p>
        </>
      )}
    </Card>
  );
}

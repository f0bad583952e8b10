import { BellRing } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Loading } from '../../../ui/Page';
import { useAckStatus, useRemindAck } from './setup-api';

/** Who has and has not read the version in force of one of the four tools, with a reminder for those who have not. */
export function AckPanel({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useAckStatus(documentId, true);
  const remind = useRemindAck(documentId);
  const [notice, setNotice] = useState<string | null>(null);
  const data = status.data;
  const waiting = data ? data.staff.filter((s) => !s.acknowledgedAt && !s.remindedAt).length : 0;
  return (
    <section aria-labelledby="acks-title" className="rounded-lg border border-slate-200 bg-white p-4">
      {status.isPending ? <Loading label={t('app.loading')} /> : null}
      {status.isError ? <ErrorAlert>{errorMessage(status.error)}</ErrorAlert> : null}
      {data && !data.needsAcknowledgement ? (
        <p id="acks-title" className="text-sm text-slate-700">
          {t('setup.acks.notNeeded')}
        </p>
      ) : null}
      {data?.needsAcknowledgement && data.version !== null ? (
        <>
          <h2 id="acks-title" className="text-base font-bold text-slate-900">
            {t('setup.acks.title', { version: format.number(data.version) })}
          </h2>
          <p className="mt-1 mb-3 text-sm text-slate-700">
            {t('setup.acks.summary', {
              done: format.number(data.acknowledged),
              total: format.number(data.acknowledged + data.pending),
            })}
          </p>
          <ul className="flex max-h-80 flex-col gap-2 overflow-y-auto">
            {data.staff.map((s) => (
              <li key={s.userId} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span className="min-w-0">
                  <bdi className="font-medium text-slate-900">{s.displayName}</bdi>
                  <span className="text-xs text-slate-600"> · {t(`roles.${s.role}` as 'roles.officer')}</span>
                </span>
                {s.acknowledgedAt ? (
                  <Badge tone="success">
                    {t('setup.acks.acknowledgedAt', { time: format.relative(s.acknowledgedAt) })}
                  </Badge>
                ) : s.remindedAt ? (
                  <Badge tone="info">{t('setup.acks.remindedAt', { time: format.relative(s.remindedAt) })}</Badge>
                ) : (
                  <Badge tone="warning">{t('setup.acks.notYet')}</Badge>
                )}
              </li>
            ))}
          </ul>
          <SuccessNotice className="mt-3">{notice}</SuccessNotice>
          {remind.isError ? <ErrorAlert className="mt-3">{errorMessage(remind.error)}</ErrorAlert> : null}
          {data.pending > 0 ? (
            <div className="mt-3">
              <Button
                isPending={remind.isPending}
                isDisabled={waiting === 0}
                onPress={() =>
                  remind.mutate(undefined, {
                    onSuccess: (r) => setNotice(t('setup.acks.reminded', { n: format.number(r.reminded) })),
                  })
                }
              >
                <BellRing aria-hidden="true" className="size-4" />
                {t('setup.acks.remind')}
              </Button>
              {waiting === 0 ? <p className="mt-1 text-xs text-slate-600">{t('setup.acks.nobodyToRemind')}</p> : null}
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

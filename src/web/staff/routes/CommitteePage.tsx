import { AlarmClock, CalendarPlus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Loading, PageHeader } from '../../ui/Page';
import type { MeetingSummary } from '../api-types';
import { MeetingsTable } from '../features/committee/MeetingsTable';
import { OverdueTable } from '../features/committee/OverdueTable';
import { useCommitteeMembers, useMeetings, useOverdue } from '../features/committee/queries';
import { ScheduleMeetingDialog } from '../features/committee/ScheduleMeetingDialog';
import { hasPermission, useUser } from '../session';

/**
 * The committee (اللجنة), policy step 5: its meetings — open ones first, soonest first, then those held — a
 * meeting to call, and the applications that have waited past the date the applicant was told.
 */
export default function CommitteePage() {
  const { t } = useTranslation();
  const user = useUser();
  const [scheduling, setScheduling] = useState(false);
  const meetings = useMeetings();
  const members = useCommitteeMembers();
  const chairName = (id: string) => members.data?.find((m) => m.id === id)?.displayName;

  const open: MeetingSummary[] = [];
  const held: MeetingSummary[] = [];
  for (const m of meetings.data ?? []) (m.status === 'closed' ? held : open).push(m);
  open.sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));

  return (
    <>
      <PageHeader
        title={t('committee.title')}
        subtitle={t('committee.subtitle')}
        actions={
          hasPermission(user, 'committee.schedule') ? (
            <Button variant="primary" onPress={() => setScheduling(true)}>
              <CalendarPlus aria-hidden="true" className="size-4" />
              {t('committee.schedule.open')}
            </Button>
          ) : null
        }
      />
      <ScheduleMeetingDialog isOpen={scheduling} onOpenChange={setScheduling} />

      <div className="flex flex-col gap-8">
        <Overdue />

        <section aria-labelledby="open-meetings">
          <h2 id="open-meetings" className="text-base font-bold text-slate-900">
            {t('committee.open.title')}
          </h2>
          <p className="mb-3 text-slate-600">{t('committee.open.hint')}</p>
          {meetings.isPending ? <Loading label={t('app.loading')} /> : null}
          {meetings.isError ? (
            <div className="flex flex-col items-start gap-3">
              <ErrorAlert>{errorMessage(meetings.error)}</ErrorAlert>
              <Button onPress={() => void meetings.refetch()}>{t('app.retry')}</Button>
            </div>
          ) : null}
          {meetings.data ? (
            open.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
                {t('committee.open.empty')}
              </p>
            ) : (
              <MeetingsTable meetings={open} caption={t('committee.open.title')} chairName={chairName} />
            )
          ) : null}
        </section>

        {held.length > 0 ? (
          <section aria-labelledby="held-meetings">
            <h2 id="held-meetings" className="mb-3 text-base font-bold text-slate-900">
              {t('committee.held.title')}
            </h2>
            <MeetingsTable meetings={held} caption={t('committee.held.title')} chairName={chairName} />
          </section>
        ) : null}
      </div>
    </>
  );
}

function Overdue() {
  const { t } = useTranslation();
  const format = useFormat();
  const overdue = useOverdue();
  const count = overdue.data?.length ?? 0;
  return (
    <section
      aria-labelledby="overdue-title"
      className={
        count > 0
          ? 'rounded-lg border border-amber-300 bg-amber-50/60 p-4 sm:p-5'
          : 'rounded-lg border border-slate-200 bg-white p-4'
      }
    >
      <div className="flex flex-wrap items-center gap-2">
        <AlarmClock aria-hidden="true" className={count > 0 ? 'size-5 text-amber-800' : 'size-5 text-slate-600'} />
        <h2 id="overdue-title" className="text-base font-bold text-slate-900">
          {t('committee.overdue.title')}
        </h2>
        {count > 0 ? <Badge tone="warning">{format.number(count)}</Badge> : null}
      </div>
      <p className="mt-1 mb-3 text-slate-700">
        {count > 0 ? t('committee.overdue.hint') : t('committee.overdue.none')}
      </p>
      {overdue.isPending ? <Loading label={t('app.loading')} className="py-2" /> : null}
      {overdue.isError ? <ErrorAlert>{errorMessage(overdue.error)}</ErrorAlert> : null}
      {count > 0 && overdue.data ? <OverdueTable items={overdue.data} /> : null}
    </section>
  );
}

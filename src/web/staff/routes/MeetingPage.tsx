import { ListRestart, Lock, Printer } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { toArabicDigits } from '../../../common/arabic';
import { riyadhDate } from '../../../common/dates';
import { errorMessage } from '../../lib/api';
import { useFormat } from '../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button, buttonClass } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Ltr } from '../../ui/Ltr';
import { Loading, PageHeader } from '../../ui/Page';
import type { AgendaItem, MeetingDetail } from '../api-types';
import { AgendaItemCard } from '../features/committee/AgendaItemCard';
import { AttendancePanel } from '../features/committee/AttendancePanel';
import { MeetingStatusBadge, useTimeOfDay } from '../features/committee/labels';
import { minutesUrl, useCloseMeeting, useMeeting, useRefreshAgenda } from '../features/committee/queries';
import { hasPermission, useUser } from '../session';

/** Best score first, then the application raised earliest: the order the committee studies them in. */
function byScoreThenAge(a: AgendaItem, b: AgendaItem): number {
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  }
  return (a.raisedAt ?? '').localeCompare(b.raisedAt ?? '') || a.position - b.position;
}

/**
 * A committee meeting: quorum and attendance, the agenda in order of priority, each member's vote, the chair's
 * decisions with their letters; the minutes to print, and closing the meeting.
 */
export default function MeetingPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const meeting = useMeeting(id);

  if (meeting.isPending) return <Loading label={t('app.loading')} />;
  if (meeting.isError) {
    return (
      <div className="flex max-w-xl flex-col items-start gap-3">
        <PageHeader title={t('committee.meeting.title')} />
        <ErrorAlert>{errorMessage(meeting.error)}</ErrorAlert>
        <Link href="/committee" className={buttonClass('secondary')}>
          {t('committee.title')}
        </Link>
      </div>
    );
  }
  return <MeetingView meeting={meeting.data} />;
}

function MeetingView({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const timeOfDay = useTimeOfDay();
  const refresh = useRefreshAgenda(meeting.id);
  const [notice, setNotice] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const open = meeting.status === 'scheduled';
  const isChair = meeting.chairUserId === user.id;
  const agenda = [...meeting.agenda].sort(byScoreThenAge);
  const decided = agenda.filter((item) => item.decision !== null).length;
  const day = riyadhDate(meeting.scheduledAt);

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>
              {t('committee.meeting.title')} <Ltr>{meeting.reference}</Ltr>
            </span>
            <MeetingStatusBadge status={meeting.status} />
          </span>
        }
        documentTitle={`${t('committee.meeting.title')} ${meeting.reference}`}
        subtitle={
          <>
            <time dateTime={day}>{format.dual(day)}</time>
            {' · '}
            <time dateTime={meeting.scheduledAt}>{timeOfDay(meeting.scheduledAt)}</time>
            {meeting.location ? ` · ${meeting.location}` : null}
          </>
        }
        actions={
          <>
            <a href={minutesUrl(meeting.id)} target="_blank" rel="noopener" className={buttonClass('secondary')}>
              <Printer aria-hidden="true" className="size-4" />
              {t('committee.meeting.minutes')}
              <span className="sr-only">{t('committee.newTab')}</span>
            </a>
            {open && isChair && hasPermission(user, 'committee.decide') ? (
              <Button variant="dangerQuiet" onPress={() => setClosing(true)}>
                <Lock aria-hidden="true" className="size-4" />
                {t('committee.meeting.close')}
              </Button>
            ) : null}
          </>
        }
      />

      <SuccessNotice className="mb-4">{notice}</SuccessNotice>
      {open && !meeting.started ? (
        <p
          role="note"
          className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950"
          data-testid="meeting-not-started"
        >
          {t('work.meeting.notStarted', { time: `${format.dual(day)} ${timeOfDay(meeting.scheduledAt)}` })}
        </p>
      ) : null}
      {meeting.openedAt ? (
        <p className="mb-4 text-sm text-slate-600">
          {t('work.meeting.opened', { time: format.dateTime(meeting.openedAt) })}
        </p>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-3">
        <section aria-labelledby="agenda-title" className="flex min-w-0 flex-col gap-3 lg:col-span-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="agenda-title" className="flex items-center gap-2 text-base font-bold text-slate-900">
              {t('committee.agenda.title')}
              <Badge tone={decided === agenda.length && agenda.length > 0 ? 'success' : 'neutral'}>
                {t('committee.agenda.progress', {
                  decided: format.number(decided),
                  total: format.number(agenda.length),
                })}
              </Badge>
            </h2>
            {open && hasPermission(user, 'committee.schedule') ? (
              <Button
                variant="ghost"
                isPending={refresh.isPending}
                onPress={() =>
                  refresh.mutate(undefined, {
                    onSuccess: ({ added }) =>
                      setNotice(
                        added > 0
                          ? t('committee.agenda.added', { count: added, formatted: format.number(added) })
                          : t('committee.agenda.nothingAdded'),
                      ),
                  })
                }
              >
                <ListRestart aria-hidden="true" className="size-4" />
                {refresh.isPending ? t('app.saving') : t('committee.agenda.refresh')}
              </Button>
            ) : null}
          </div>
          <p className="text-slate-600">{t('committee.agenda.hint')}</p>
          {refresh.isError ? <ErrorAlert>{errorMessage(refresh.error)}</ErrorAlert> : null}
          {agenda.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-slate-700">
              {t('committee.agenda.empty')}
            </p>
          ) : (
            <ol className="flex flex-col gap-4">
              {agenda.map((item, index) => (
                <AgendaItemCard
                  key={item.id}
                  meeting={meeting}
                  item={item}
                  number={index + 1}
                  user={user}
                  onDecided={(decidedItem, result) =>
                    setNotice(
                      result.letterReference
                        ? t('committee.decision.doneWithLetter', {
                            decision: t(`committee.decisions.${result.decision}`),
                            name: decidedItem.beneficiaryName,
                            // The letter number in the user's digits, as the agenda item shows it.
                            reference:
                              format.display.digits === 'arab'
                                ? toArabicDigits(result.letterReference)
                                : result.letterReference,
                          })
                        : t('committee.decision.done', {
                            decision: t(`committee.decisions.${result.decision}`),
                            name: decidedItem.beneficiaryName,
                          }),
                    )
                  }
                />
              ))}
            </ol>
          )}
        </section>
        {/* Attendance comes first below the desktop layout: the chair takes it before anything is decided. */}
        <aside
          className="order-first flex min-w-0 flex-col gap-5 lg:order-none"
          aria-label={t('committee.quorum.title')}
        >
          <AttendancePanel meeting={meeting} isChair={isChair} />
        </aside>
      </div>

      <CloseMeetingDialog
        meeting={meeting}
        undecided={agenda.length - decided}
        isOpen={closing}
        onOpenChange={setClosing}
        onDone={() => {
          setClosing(false);
          setNotice(t('committee.meeting.closed'));
        }}
      />
    </>
  );
}

function CloseMeetingDialog({
  meeting,
  undecided,
  isOpen,
  onOpenChange,
  onDone,
}: {
  meeting: MeetingDetail;
  undecided: number;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const close = useCloseMeeting(meeting.id);
  return (
    <Dialog
      title={t('committee.meeting.closeTitle')}
      isOpen={isOpen}
      onOpenChange={(o) => {
        if (!o) close.reset();
        onOpenChange(o);
      }}
      closeLabel={t('app.close')}
      role="alertdialog"
      size="sm"
    >
      <div className="flex flex-col gap-4">
        <p className="text-slate-700">{t('committee.meeting.closeBody')}</p>
        {undecided > 0 ? (
          <p className="rounded-md bg-amber-50 p-3 text-amber-950">
            {t('committee.meeting.undecided', { count: undecided, formatted: format.number(undecided) })}
          </p>
        ) : null}
        {close.isError ? <ErrorAlert>{errorMessage(close.error)}</ErrorAlert> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button onPress={() => onOpenChange(false)}>{t('app.cancel')}</Button>
          <Button
            variant="danger"
            isPending={close.isPending}
            onPress={() => close.mutate(undefined, { onSuccess: onDone })}
          >
            {close.isPending ? t('app.saving') : t('committee.meeting.closeSubmit')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

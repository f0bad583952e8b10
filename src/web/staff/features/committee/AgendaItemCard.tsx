import { FileText, Gavel, Info, Vote as VoteIcon } from 'lucide-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { riyadhDate } from '../../../../common/dates';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { SuccessNotice } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Fact, Facts } from '../../../ui/Facts';
import { Ltr } from '../../../ui/Ltr';
import { SegmentedControl } from '../../../ui/SegmentedControl';
import { TextAreaField } from '../../../ui/TextAreaField';
import type { AgendaItem, DecisionResponse, MeetingDetail, SessionUser, Vote } from '../../api-types';
import { useApplication, useServiceName } from '../applications/queries';
import { StageBadge } from '../applications/StageBadge';
import { DecisionDialog } from './DecisionDialog';
import { DecisionBadge, useReasonLabel, VOTE_TONE, VOTES, VoteBadge } from './labels';
import { letterUrl, useCastVote } from './queries';
import { ScoreBreakdown } from './ScoreBreakdown';

/**
 * One application on the agenda: who, which services, the priority score with its breakdown, the date the
 * applicant was told, an appeal mark; everyone's votes and the signed-in member's own; for the chair, the
 * decision. Once decided: the decision, its reasons and the letter.
 */
export function AgendaItemCard({
  meeting,
  item,
  number,
  user,
  onDecided,
}: {
  meeting: MeetingDetail;
  item: AgendaItem;
  number: number;
  user: SessionUser;
  onDecided: (item: AgendaItem, result: DecisionResponse) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const serviceName = useServiceName();
  const headingId = useId();
  const application = useApplication(item.applicationId);
  const [deciding, setDeciding] = useState(false);
  const open = meeting.status === 'scheduled' && item.decision === null;
  const isChair = meeting.chairUserId === user.id;
  const me = meeting.attendees.find((a) => a.userId === user.id);
  const canVote = open && user.permissions.includes('committee.vote') && me !== undefined;
  const quorumMet = meeting.quorum.present >= meeting.quorum.needed;
  const late =
    item.decision === null && item.expectedDecisionDate && item.expectedDecisionDate < riyadhDate(new Date());

  return (
    <li>
      <article
        aria-labelledby={headingId}
        className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5 data-[decided=true]:border-slate-300 data-[decided=true]:bg-slate-50/60"
        data-decided={item.decision !== null}
      >
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="flex min-w-0 items-start gap-3">
            <span
              aria-hidden="true"
              className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-50 font-bold text-brand-800"
            >
              {format.number(number)}
            </span>
            <div className="min-w-0">
              <h3 id={headingId} className="text-base font-bold text-slate-900">
                <span className="sr-only">{t('committee.agenda.itemNumber', { number: format.number(number) })} </span>
                <bdi>{item.beneficiaryName}</bdi>
              </h3>
              <p className="text-slate-600">
                <Link
                  href={`/applications/${item.applicationId}`}
                  aria-label={t('applications.open', { reference: item.reference })}
                  className="font-medium text-brand-800 underline-offset-2 hover:underline"
                >
                  <Ltr>{item.reference}</Ltr>
                </Link>
                {' · '}
                {item.district}
              </p>
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {item.isAppeal ? <Badge tone="warning">{t('committee.agenda.appeal')}</Badge> : null}
            {item.decision ? <DecisionBadge decision={item.decision} /> : <StageBadge stage={item.stage} />}
          </div>
        </div>

        <Facts className="mt-4">
          <Fact label={t('committee.agenda.services')}>
            {application.data ? application.data.services.map(serviceName).join(t('app.listSeparator')) : '…'}
          </Fact>
          <Fact label={t('committee.agenda.expected')}>
            {item.expectedDecisionDate ? (
              <span className="flex flex-wrap items-center gap-2">
                <time dateTime={item.expectedDecisionDate}>{format.dual(item.expectedDecisionDate)}</time>
                {late ? <Badge tone="danger">{t('committee.agenda.late')}</Badge> : null}
              </span>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={t('committee.agenda.raised')}>
            {item.raisedAt ? (
              <time dateTime={item.raisedAt} title={format.dateTime(item.raisedAt)}>
                {format.relative(item.raisedAt)}
              </time>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={t('committee.agenda.score')} className="sm:col-span-2 lg:col-span-3">
            <ScoreBreakdown score={item.score} lines={item.scoreBreakdown} />
          </Fact>
        </Facts>

        <div className="mt-4 grid gap-4 border-t border-slate-200 pt-4 lg:grid-cols-2">
          <Votes meeting={meeting} item={item} />
          {canVote ? (
            me?.present ? (
              <VoteForm meetingId={meeting.id} item={item} userId={user.id} />
            ) : (
              <p className="flex items-start gap-2 text-slate-700">
                <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-brand-700" />
                {t('committee.vote.notPresent')}
              </p>
            )
          ) : null}
        </div>

        {item.decision ? <DecisionSummary meeting={meeting} item={item} /> : null}

        {open && isChair && user.permissions.includes('committee.decide') ? (
          <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
            <Button variant="primary" isDisabled={!quorumMet} onPress={() => setDeciding(true)}>
              <Gavel aria-hidden="true" className="size-4" />
              {t('committee.decide.open')}
            </Button>
            {quorumMet ? null : <span className="text-sm text-amber-900">{t('committee.decide.needsQuorum')}</span>}
            <DecisionDialog
              meetingId={meeting.id}
              item={item}
              reasons={meeting.rejectionReasons}
              isOpen={deciding}
              onOpenChange={setDeciding}
              onDone={(result) => {
                setDeciding(false);
                onDecided(item, result);
              }}
            />
          </div>
        ) : null}
      </article>
    </li>
  );
}

/** Everyone's votes, with the reason given, and who present has not voted yet. */
function Votes({ meeting, item }: { meeting: MeetingDetail; item: AgendaItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const voted = new Set(item.votes.map((v) => v.userId));
  const waiting = meeting.attendees.filter((a) => a.present && !voted.has(a.userId));
  return (
    <div>
      <h4 className="mb-2 flex flex-wrap items-center gap-2 text-sm font-bold text-slate-900">
        {t('committee.vote.all')}
        <span className="font-normal text-slate-600">
          {VOTES.map((vote) =>
            t('committee.decide.tally', {
              vote: t(`committee.votes.${vote}`),
              count: format.number(item.votes.filter((v) => v.vote === vote).length),
            }),
          ).join(t('app.listSeparator'))}
        </span>
      </h4>
      {item.votes.length === 0 ? <p className="text-slate-600">{t('committee.vote.none')}</p> : null}
      <ul className="flex flex-col gap-2">
        {item.votes.map((v) => (
          <li key={v.userId} className="flex flex-col gap-0.5">
            <span className="flex flex-wrap items-center gap-2">
              <bdi className="font-medium text-slate-900">{v.displayName}</bdi>
              <VoteBadge vote={v.vote} />
            </span>
            {v.reason ? (
              <span dir="auto" className="whitespace-pre-line text-slate-700">
                {v.reason}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {waiting.length > 0 && item.decision === null ? (
        <p className="mt-2 text-xs text-slate-600">
          {t('committee.vote.waiting')} {waiting.map((a) => a.displayName).join(t('app.listSeparator'))}
        </p>
      ) : null}
    </div>
  );
}

/** The signed-in member's vote: accept, reject or defer; a reason is required unless accepting. */
function VoteForm({ meetingId, item, userId }: { meetingId: string; item: AgendaItem; userId: string }) {
  const { t } = useTranslation();
  const cast = useCastVote(meetingId);
  const mine = item.votes.find((v) => v.userId === userId);
  const [vote, setVote] = useState<Vote | ''>(mine?.vote ?? '');
  const [reason, setReason] = useState(mine?.reason ?? '');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setVote(mine?.vote ?? '');
    setReason(mine?.reason ?? '');
  }, [mine?.vote, mine?.reason]);
  const needsReason = vote === 'reject' || vote === 'defer';
  const dirty = vote !== (mine?.vote ?? '') || reason.trim() !== (mine?.reason ?? '');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!vote) return;
    const trimmed = reason.trim();
    cast.mutate(
      { applicationId: item.applicationId, vote, ...(trimmed ? { reason: trimmed } : {}) },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-3 rounded-md bg-brand-50/50 p-3">
      <h4 className="flex items-center gap-2 text-sm font-bold text-slate-900">
        <VoteIcon aria-hidden="true" className="size-4 text-brand-700" />
        {t('committee.vote.mine')}
        {mine && !dirty ? <VoteBadge vote={mine.vote} /> : null}
      </h4>
      <SegmentedControl
        label={t('committee.vote.choose', { name: item.beneficiaryName })}
        value={vote}
        onChange={(value) => {
          setSaved(false);
          setVote(value as Vote);
        }}
        segments={VOTES.map((v) => ({
          id: v,
          label: t(`committee.votes.${v}`),
          tone: VOTE_TONE[v] === 'danger' ? 'danger' : VOTE_TONE[v] === 'warning' ? 'warning' : 'success',
        }))}
      />
      {vote ? (
        <TextAreaField
          key={needsReason ? 'required' : 'optional'}
          label={
            needsReason ? t(`committee.vote.reasonLabels.${vote as 'reject' | 'defer'}`) : t('committee.vote.note')
          }
          name="reason"
          value={reason}
          onChange={(value) => {
            setSaved(false);
            setReason(value);
          }}
          isRequired={needsReason}
          rows={2}
          maxLength={1000}
          validate={(value) => (needsReason && !value.trim() ? t('committee.vote.reasonRequired') : null)}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" isDisabled={!vote || !dirty} isPending={cast.isPending}>
          {cast.isPending ? t('app.saving') : mine ? t('committee.vote.change') : t('committee.vote.submit')}
        </Button>
      </div>
      <SuccessNotice>{saved && !dirty ? t('committee.vote.saved') : null}</SuccessNotice>
      {cast.isError ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {errorMessage(cast.error)}
        </p>
      ) : null}
    </Form>
  );
}

/** The decision taken: the word, the reasons and note, when, and the letter to print. */
function DecisionSummary({ meeting, item }: { meeting: MeetingDetail; item: AgendaItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonLabel = useReasonLabel(meeting.rejectionReasons);
  if (!item.decision) return null;
  return (
    <div className="mt-4 flex flex-col gap-2 border-t border-slate-200 pt-4">
      <h4 className="flex flex-wrap items-center gap-2 text-sm font-bold text-slate-900">
        {t('committee.decision.title')}
        <DecisionBadge decision={item.decision} />
        {item.decidedAt ? (
          <time dateTime={item.decidedAt} className="font-normal text-slate-600">
            {format.dateTime(item.decidedAt)}
          </time>
        ) : null}
      </h4>
      {item.reasonCodes && item.reasonCodes.length > 0 ? (
        <ul className="list-disc ps-5 text-slate-800">
          {item.reasonCodes.map((code) => (
            <li key={code}>{reasonLabel(code)}</li>
          ))}
        </ul>
      ) : null}
      {item.decisionNote ? (
        <p dir="auto" className="rounded-md bg-slate-100 p-2 whitespace-pre-line text-slate-800">
          {item.decisionNote}
        </p>
      ) : null}
      {item.letterReference && item.decision !== 'deferred' ? (
        <p>
          <a
            href={letterUrl(item.applicationId)}
            target="_blank"
            rel="noopener"
            className="inline-flex min-h-10 items-center gap-2 font-medium text-brand-800 underline underline-offset-2"
          >
            <FileText aria-hidden="true" className="size-4" />
            {t('committee.decision.letter')} <Ltr>{item.letterReference}</Ltr>
            <span className="sr-only">{t('committee.newTab')}</span>
          </a>
        </p>
      ) : null}
    </div>
  );
}

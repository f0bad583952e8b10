import {
  CheckCircle2,
  Hourglass,
  Info,
  type LucideIcon,
  MessageSquareReply,
  Play,
  RotateCcw,
  Share2,
  XCircle,
} from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_TRANSITIONS, type CaseStatus } from '../../../../common/domain/case';
import { errorMessage } from '../../../lib/api';
import { Button, type ButtonVariant } from '../../../ui/Button';
import { hasPermission, useUser } from '../../session';
import { NoteDialog } from '../applications/NoteDialog';
import { parseStatusBody } from './labels';
import { useCaseTransition } from './queries';
import type { CaseDetail } from './types';

type MoveId = 'start' | 'resume' | 'answer' | 'refer' | 'wait' | 'resolve' | 'close' | 'reopen';
/** The moves that ask for a note (required or optional) in a dialog. */
type NoteMoveId = Extract<MoveId, 'answer' | 'refer' | 'wait' | 'resolve' | 'reopen'>;
const NOTE_MOVES: readonly MoveId[] = ['answer', 'refer', 'wait', 'resolve', 'reopen'];

/** One move of the case machine as this screen names it. */
type Move = {
  id: MoveId;
  to: CaseStatus;
  icon: LucideIcon;
  variant: ButtonVariant;
  noteRequired: boolean;
};

function isNoteMove(m: Move): m is Move & { id: NoteMoveId } {
  return NOTE_MOVES.includes(m.id);
}

/** The moves from the case's status in CASE_TRANSITIONS, named for the person making them. */
function movesFor(status: string, canAnswerReferral: boolean): Move[] {
  const moves: Move[] = [];
  for (const t of CASE_TRANSITIONS) {
    if (t.from !== status) continue;
    const noteRequired = Boolean(t.noteRequired);
    if (t.reopen) {
      moves.push({ id: 'reopen', to: t.to, icon: RotateCcw, variant: 'secondary', noteRequired });
    } else if (t.from === 'referred' && t.to === 'in_progress') {
      // Only the execution officer answers a referral.
      if (canAnswerReferral)
        moves.push({ id: 'answer', to: t.to, icon: MessageSquareReply, variant: 'primary', noteRequired });
    } else if (t.to === 'in_progress') {
      moves.push({
        id: t.from === 'waiting_beneficiary' ? 'resume' : 'start',
        to: t.to,
        icon: Play,
        variant: 'secondary',
        noteRequired,
      });
    } else if (t.to === 'referred') {
      moves.push({ id: 'refer', to: t.to, icon: Share2, variant: 'secondary', noteRequired });
    } else if (t.to === 'waiting_beneficiary') {
      moves.push({ id: 'wait', to: t.to, icon: Hourglass, variant: 'secondary', noteRequired });
    } else if (t.to === 'resolved') {
      moves.push({
        id: 'resolve',
        to: t.to,
        icon: CheckCircle2,
        // The execution officer's first move on a referral is the answer; resolving comes after.
        variant: t.from === 'referred' && canAnswerReferral ? 'secondary' : 'primary',
        noteRequired,
      });
    } else if (t.to === 'closed') {
      moves.push({ id: 'close', to: t.to, icon: XCircle, variant: 'secondary', noteRequired });
    }
  }
  return moves;
}

/**
 * The status moves this user may make now, from the case machine (CASE_TRANSITIONS): start, refer to the execution
 * officer with a reason, answer a referral, wait for the beneficiary (the SLA clock pauses), resolve with what was
 * done, close, reopen. A move that needs a note opens a dialog; the server's refusal shows there.
 */
export function CaseActions({ item, onDone }: { item: CaseDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const move = useCaseTransition(item.id);
  const [dialog, setDialog] = useState<(Move & { id: NoteMoveId }) | null>(null);
  const canAnswer = hasPermission(user, 'cases.answer_referral');
  const moves = movesFor(item.status, canAnswer);

  // The question the execution officer is answering: the note of the latest referral.
  const referral = [...item.messages]
    .reverse()
    .map((m) => (m.kind === 'status' ? parseStatusBody(m.body) : null))
    .find((s) => s?.to === 'referred');

  function go(m: Move, note: string) {
    move.mutate(
      { to: m.to, ...(note ? { note } : {}) },
      {
        onSuccess: () => {
          setDialog(null);
          onDone(t(`cases.actions.done.${m.id}`));
        },
      },
    );
  }
  function press(m: Move) {
    move.reset();
    if (isNoteMove(m)) setDialog(m);
    else go(m, '');
  }

  const directError = dialog === null && move.isError ? move.error : null;
  const waitingReferral = item.status === 'referred' && !canAnswer;

  return (
    <section aria-labelledby="case-actions-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <h2 id="case-actions-title" className="mb-3 text-base font-bold text-slate-900">
        {t('cases.actions.title')}
      </h2>
      {waitingReferral ? (
        <p className="mb-3 flex items-start gap-2 text-slate-700">
          <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-brand-700" />
          {t('cases.actions.waitingReferral')}
        </p>
      ) : null}
      {item.status === 'waiting_beneficiary' ? (
        <p className="mb-3 flex items-start gap-2 text-slate-700">
          <Hourglass aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-slate-600" />
          {t('cases.actions.paused')}
        </p>
      ) : null}
      {moves.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {moves.map((m) => {
            const Icon = m.icon;
            return (
              <Button
                key={`${m.id}-${m.to}`}
                variant={m.variant}
                isPending={move.isPending && !dialog}
                onPress={() => press(m)}
              >
                <Icon aria-hidden="true" className="size-4" />
                {t(`cases.actions.${m.id}`)}
              </Button>
            );
          })}
        </div>
      ) : (
        <p className="text-slate-700">{t('cases.actions.none')}</p>
      )}
      {directError ? (
        <p role="alert" className="mt-3 text-sm font-medium text-red-700">
          {errorMessage(directError)}
        </p>
      ) : null}

      <NoteDialog
        title={dialog ? t(`cases.dialogs.${dialog.id}.title`) : ''}
        isOpen={dialog !== null}
        onOpenChange={(open) => {
          if (!open) setDialog(null);
        }}
        body={
          dialog?.id === 'answer' && referral?.note ? (
            <>
              <span className="block text-xs font-medium text-slate-600">{t('cases.dialogs.answer.question')}</span>
              <span dir="auto" className="mt-1 block rounded-md bg-amber-50 p-2 whitespace-pre-line text-slate-900">
                {referral.note}
              </span>
            </>
          ) : dialog ? (
            t(`cases.dialogs.${dialog.id}.body`)
          ) : undefined
        }
        noteLabel={dialog ? t(`cases.dialogs.${dialog.id}.note`) : undefined}
        noteRequired={dialog?.noteRequired}
        submitLabel={dialog ? t(`cases.dialogs.${dialog.id}.submit`) : ''}
        isPending={move.isPending}
        error={move.error}
        onSubmit={(note) => {
          if (dialog) go(dialog, note);
        }}
      />
    </section>
  );
}

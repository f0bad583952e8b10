import {
  ArrowUpFromLine,
  FileSignature,
  Info,
  MessageSquareReply,
  Play,
  Send,
  Share2,
  Undo2,
  XCircle,
} from 'lucide-react';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { Button } from '../../../ui/Button';
import type { ApplicationDetail, TransitionRequest } from '../../api-types';
import { useOrgSettings } from '../beneficiaries/queries';
import { DeclarationDialog } from './DeclarationDialog';
import { isSettled } from './labels';
import { NoteDialog } from './NoteDialog';
import { useLocalized, useTransition } from './queries';

type DialogKind = 'refer' | 'answer' | 'return' | 'declare' | 'raise' | 'withdraw' | null;

/**
 * The moves this user may make now, from the server's `allowedNext`: the forward move is the primary button;
 * referral, return and withdrawal are secondary. Each move that needs a reason or a signature opens a dialog.
 */
export function ApplicationActions({
  application,
  onDone,
}: {
  application: ApplicationDetail;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalized();
  const settings = useOrgSettings();
  const move = useTransition(application.id);
  const [dialog, setDialog] = useState<DialogKind>(null);
  const allowed = new Set(application.allowedNext);
  const stage = application.stage;

  const allSettled = application.checklist.every((item) => isSettled(item.state));
  const missing = application.checklist.filter((item) => item.state === 'missing');
  const referralQuestion = [...application.transitions].reverse().find((x) => x.toStage === 'referred')?.note;

  function go(body: TransitionRequest, message: string) {
    move.mutate(body, {
      onSuccess: () => {
        setDialog(null);
        onDone(message);
      },
    });
  }
  const open = (kind: DialogKind) => {
    move.reset();
    setDialog(kind);
  };
  const close = (isOpen: boolean) => {
    if (!isOpen) setDialog(null);
  };

  const directError = dialog === null && move.isError ? move.error : null;
  const buttons: ReactElement[] = [];
  const hints: string[] = [];

  if (allowed.has('submitted')) {
    buttons.push(
      <Button
        key="submit"
        variant="primary"
        isPending={move.isPending}
        onPress={() => go({ to: 'submitted' }, t('application.done.submitted'))}
      >
        <Send aria-hidden="true" className="size-4 rtl:-scale-x-100" />
        {t('application.actions.submitted')}
      </Button>,
    );
  }
  if (allowed.has('verifying') && stage === 'submitted') {
    buttons.push(
      <Button
        key="start"
        variant="primary"
        isPending={move.isPending}
        onPress={() => go({ to: 'verifying' }, t('application.done.verifying'))}
      >
        <Play aria-hidden="true" className="size-4 rtl:-scale-x-100" />
        {t('application.actions.startVerifying')}
      </Button>,
    );
  }
  if (allowed.has('verifying') && stage === 'returned') {
    buttons.push(
      <Button
        key="resume"
        variant="primary"
        isPending={move.isPending}
        onPress={() => go({ to: 'verifying' }, t('application.done.verifying'))}
      >
        <Play aria-hidden="true" className="size-4 rtl:-scale-x-100" />
        {t('application.actions.resume')}
      </Button>,
    );
  }
  if (allowed.has('verifying') && stage === 'referred') {
    buttons.push(
      <Button key="answer" variant="primary" onPress={() => open('answer')}>
        <MessageSquareReply aria-hidden="true" className="size-4" />
        {t('application.actions.answer')}
      </Button>,
    );
  }
  if (allowed.has('declared')) {
    buttons.push(
      <Button key="declare" variant="primary" isDisabled={!allSettled} onPress={() => open('declare')}>
        <FileSignature aria-hidden="true" className="size-4" />
        {t('application.actions.declared')}
      </Button>,
    );
    if (!allSettled) hints.push(t('application.actions.declareNeedsChecklist'));
  }
  if (allowed.has('in_committee')) {
    buttons.push(
      <Button key="raise" variant="primary" onPress={() => open('raise')}>
        <ArrowUpFromLine aria-hidden="true" className="size-4" />
        {t('application.actions.in_committee')}
      </Button>,
    );
  }
  if (allowed.has('referred')) {
    buttons.push(
      <Button key="refer" onPress={() => open('refer')}>
        <Share2 aria-hidden="true" className="size-4" />
        {t('application.actions.referred')}
      </Button>,
    );
  }
  if (allowed.has('returned')) {
    buttons.push(
      <Button key="return" isDisabled={missing.length === 0} onPress={() => open('return')}>
        <Undo2 aria-hidden="true" className="size-4 rtl:-scale-x-100" />
        {t('application.actions.returned')}
      </Button>,
    );
    if (missing.length === 0) hints.push(t('application.actions.returnNeedsMissing'));
  }
  if (allowed.has('withdrawn')) {
    buttons.push(
      <Button key="withdraw" variant="dangerQuiet" onPress={() => open('withdraw')}>
        <XCircle aria-hidden="true" className="size-4" />
        {t('application.actions.withdrawn')}
      </Button>,
    );
  }
  const waiting = stage === 'referred' && !allowed.has('verifying');
  if (stage === 'declared' && !allowed.has('in_committee')) hints.push(t('application.actions.waitingRaise'));

  return (
    <section aria-labelledby="actions-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <h2 id="actions-title" className="mb-3 text-base font-bold text-slate-900">
        {t('application.actions.title')}
      </h2>
      {waiting ? (
        <p className="mb-3 flex items-start gap-2 text-slate-700">
          <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-brand-700" />
          {t('application.actions.waitingReferral')}
        </p>
      ) : null}
      {buttons.length > 0 ? (
        <div className="flex flex-wrap gap-2">{buttons}</div>
      ) : waiting ? null : (
        <p className="text-slate-700">{t('application.actions.none')}</p>
      )}
      {hints.length > 0 ? (
        <ul className="mt-3 flex flex-col gap-1 text-sm text-slate-700">
          {hints.map((hint) => (
            <li key={hint} className="flex items-start gap-2">
              <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-700" />
              {hint}
            </li>
          ))}
        </ul>
      ) : null}
      {directError ? (
        <p role="alert" className="mt-3 text-sm font-medium text-red-700">
          {errorMessage(directError)}
        </p>
      ) : null}

      <NoteDialog
        title={t('application.dialogs.refer.title')}
        isOpen={dialog === 'refer'}
        onOpenChange={close}
        body={t('application.dialogs.refer.body')}
        noteLabel={t('application.dialogs.refer.reason')}
        noteRequired
        submitLabel={t('application.dialogs.refer.submit')}
        isPending={move.isPending}
        error={move.error}
        onSubmit={(note) => go({ to: 'referred', note }, t('application.done.referred'))}
      />
      <NoteDialog
        title={t('application.dialogs.answer.title')}
        isOpen={dialog === 'answer'}
        onOpenChange={close}
        body={
          referralQuestion ? (
            <>
              <span className="block text-xs font-medium text-slate-600">
                {t('application.dialogs.answer.question')}
              </span>
              <span className="mt-1 block rounded-md bg-amber-50 p-2 whitespace-pre-line text-slate-900">
                {referralQuestion}
              </span>
            </>
          ) : undefined
        }
        noteLabel={t('application.dialogs.answer.label')}
        noteRequired
        submitLabel={t('application.dialogs.answer.submit')}
        isPending={move.isPending}
        error={move.error}
        onSubmit={(note) => go({ to: 'verifying', note }, t('application.done.answered'))}
      />
      <NoteDialog
        title={t('application.dialogs.return.title')}
        isOpen={dialog === 'return'}
        onOpenChange={close}
        body={
          <>
            <span className="block">{t('application.dialogs.return.body')}</span>
            <span className="mt-1 flex flex-col gap-0.5 ps-4">
              {missing.map((item) => (
                <span key={item.itemKey} className="list-item list-disc">
                  {localized(item.labelAr, item.labelEn)}
                </span>
              ))}
            </span>
          </>
        }
        noteLabel={t('application.dialogs.return.note')}
        submitLabel={t('application.dialogs.return.submit')}
        isPending={move.isPending}
        error={move.error}
        onSubmit={(note) => go({ to: 'returned', ...(note ? { note } : {}) }, t('application.done.returned'))}
      />
      <NoteDialog
        title={t('application.dialogs.withdraw.title')}
        isOpen={dialog === 'withdraw'}
        onOpenChange={close}
        body={t('application.dialogs.withdraw.body')}
        noteLabel={t('application.dialogs.withdraw.reason')}
        noteRequired
        submitLabel={t('application.dialogs.withdraw.submit')}
        submitVariant="danger"
        isPending={move.isPending}
        error={move.error}
        onSubmit={(note) => go({ to: 'withdrawn', note }, t('application.done.withdrawn'))}
      />
      <NoteDialog
        title={t('application.dialogs.raise.title')}
        isOpen={dialog === 'raise'}
        onOpenChange={close}
        body={t('application.dialogs.raise.body', {
          days: format.number(settings.data?.committeeTargetDays ?? 14),
        })}
        submitLabel={t('application.dialogs.raise.submit')}
        isPending={move.isPending}
        error={move.error}
        onSubmit={() => go({ to: 'in_committee' }, t('application.done.in_committee'))}
      />
      <DeclarationDialog
        isOpen={dialog === 'declare'}
        onOpenChange={close}
        fullName={application.beneficiary.fullName}
        isPending={move.isPending}
        error={move.error}
        onSubmit={(declaration) => go({ to: 'declared', declaration }, t('application.done.declared'))}
      />
    </section>
  );
}

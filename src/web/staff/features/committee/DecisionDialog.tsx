import { type FormEvent, useState } from 'react';
import { CheckboxGroup, Form, Label } from 'react-aria-components';
import { Trans, useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { Checkbox, descriptionClass, FieldError, labelClass } from '../../../ui/fields';
import { RadioGroupField } from '../../../ui/RadioGroupField';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import type { AgendaItem, Decision, DecisionResponse, RejectionReason, Vote } from '../../api-types';
import { useLocalized } from '../applications/queries';
import { DECISIONS, VOTES } from './labels';
import { useDecide } from './queries';

const DECISION_OF_VOTE: Record<Vote, Decision> = { accept: 'accepted', reject: 'rejected', defer: 'deferred' };

/**
 * The chair records the committee's decision on one application: accept; reject with at least one of the
 * association's reasons (they appear in the letter) and a note; or defer, saying what is missing. The members'
 * votes are shown for reference and the most common one is chosen to begin with.
 */
export function DecisionDialog({
  meetingId,
  item,
  reasons,
  isOpen,
  onOpenChange,
  onDone,
}: {
  meetingId: string;
  item: AgendaItem;
  reasons: readonly RejectionReason[];
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: (result: DecisionResponse) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={
        <Trans
          t={t}
          i18nKey="committee.decide.title"
          values={{ name: item.beneficiaryName }}
          components={{ bdi: <bdi /> }}
        />
      }
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      closeLabel={t('app.close')}
    >
      <DecisionForm
        meetingId={meetingId}
        item={item}
        reasons={reasons}
        onCancel={() => onOpenChange(false)}
        onDone={onDone}
      />
    </Dialog>
  );
}

function DecisionForm({
  meetingId,
  item,
  reasons,
  onCancel,
  onDone,
}: {
  meetingId: string;
  item: AgendaItem;
  reasons: readonly RejectionReason[];
  onCancel: () => void;
  onDone: (result: DecisionResponse) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalized();
  const decide = useDecide(meetingId);
  const fieldErrors = useFieldErrors(decide.error);
  const tally = VOTES.map((vote) => ({ vote, count: item.votes.filter((v) => v.vote === vote).length }));
  const leading = [...tally].sort((a, b) => b.count - a.count)[0];
  const [decision, setDecision] = useState<Decision>(
    leading && leading.count > 0 ? DECISION_OF_VOTE[leading.vote] : 'accepted',
  );
  const [codes, setCodes] = useState<string[]>([]);
  const [note, setNote] = useState('');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = note.trim();
    decide.mutate(
      {
        applicationId: item.applicationId,
        decision,
        reasonCodes: decision === 'rejected' ? codes : [],
        ...(trimmed ? { note: trimmed } : {}),
      },
      { onSuccess: onDone },
    );
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <p className="text-slate-700">
        {t('committee.decide.votesSoFar')}{' '}
        {tally
          .map(({ vote, count }) =>
            t('committee.decide.tally', { vote: t(`committee.votes.${vote}`), count: format.number(count) }),
          )
          .join(t('app.listSeparator'))}
      </p>
      <RadioGroupField
        label={t('committee.decide.decision')}
        name="decision"
        value={decision}
        onChange={(value) => setDecision(value as Decision)}
        isRequired
        options={DECISIONS.map((d) => ({
          id: d,
          label: t(`committee.decide.options.${d}`),
          description: t(`committee.decide.hints.${d}`),
        }))}
      />
      {decision === 'rejected' ? (
        <CheckboxGroup
          name="reasonCodes"
          value={codes}
          onChange={setCodes}
          isRequired
          validate={(value) => (value.length > 0 ? null : t('committee.decide.reasonsRequired'))}
          className="flex flex-col gap-1"
        >
          <Label className={labelClass}>{t('committee.decide.reasons')}</Label>
          <span className={descriptionClass}>{t('committee.decide.reasonsHelp')}</span>
          {reasons.map((reason) => (
            <Checkbox key={reason.code} value={reason.code}>
              {localized(reason.labelAr, reason.labelEn)}
            </Checkbox>
          ))}
          <FieldError />
        </CheckboxGroup>
      ) : null}
      <TextAreaField
        key={decision}
        label={t(`committee.decide.noteLabels.${decision}`)}
        name="note"
        value={note}
        onChange={setNote}
        isRequired={decision === 'deferred'}
        rows={3}
        maxLength={2000}
        validate={(value) => (decision === 'deferred' && !value.trim() ? t('committee.decide.missingRequired') : null)}
      />
      {decide.isError ? <ErrorAlert>{errorMessage(decide.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button type="submit" variant={decision === 'rejected' ? 'danger' : 'primary'} isPending={decide.isPending}>
          {decide.isPending ? t('app.saving') : t('committee.decide.submit')}
        </Button>
      </div>
    </Form>
  );
}

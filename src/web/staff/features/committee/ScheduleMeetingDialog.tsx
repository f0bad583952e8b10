import { type FormEvent, useState } from 'react';
import { CheckboxGroup, Form, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { addDays, parseIsoDate, riyadhDate } from '../../../../common/dates';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { Checkbox, FieldError, labelClass, TextField } from '../../../ui/fields';
import { Loading } from '../../../ui/Page';
import { SelectField } from '../../../ui/SelectField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { useUser } from '../../session';
import { useCommitteeMembers, useScheduleMeeting } from './queries';

/**
 * Calls a committee meeting: its day and time (Riyadh), place, chair and members. The server puts every
 * application waiting for the committee on its agenda, best score first; the new meeting's page opens.
 */
export function ScheduleMeetingDialog({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('committee.schedule.title')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      closeLabel={t('app.close')}
    >
      <ScheduleForm onCancel={() => onOpenChange(false)} />
    </Dialog>
  );
}

function ScheduleForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const [, navigate] = useLocation();
  const members = useCommitteeMembers();
  const schedule = useScheduleMeeting();
  const fieldErrors = useFieldErrors(schedule.error);
  const today = riyadhDate(new Date());

  const [date, setDate] = useState(addDays(today, 1));
  const [time, setTime] = useState('10:00');
  const [location, setLocation] = useState('');
  const [chair, setChair] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[] | null>(null);

  if (members.isPending) return <Loading label={t('app.loading')} />;
  if (members.isError) return <ErrorAlert>{errorMessage(members.error)}</ErrorAlert>;
  const people = members.data;
  if (people.length === 0) return <p className="text-slate-700">{t('committee.schedule.noMembers')}</p>;

  // The person scheduling chairs by default when they sit on the committee; everyone is invited by default.
  const chairId = chair ?? people.find((p) => p.id === user.id)?.id ?? people[0]?.id ?? null;
  const memberIds = chosen ?? people.map((p) => p.id);
  const withChair = chairId && !memberIds.includes(chairId) ? [...memberIds, chairId] : memberIds;
  const dateOk = parseIsoDate(date) !== null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chairId || !dateOk || !time) return;
    schedule.mutate(
      {
        scheduledAt: `${date}T${time}:00+03:00`,
        location: location.trim(),
        chairUserId: chairId,
        memberIds: withChair,
      },
      { onSuccess: (meeting) => navigate(`/committee/meetings/${meeting.id}`) },
    );
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <p className="text-slate-700">{t('committee.schedule.intro')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('committee.schedule.date')}
          name="date"
          type="date"
          value={date}
          onChange={setDate}
          isRequired
          autoFocus
          inputProps={{ min: today }}
          validate={(value) => (parseIsoDate(value) ? null : t('app.required'))}
          description={dateOk ? t('committee.schedule.hijri', { date: format.hijri(date) }) : undefined}
        />
        <TextField
          label={t('committee.schedule.time')}
          name="time"
          type="time"
          value={time}
          onChange={setTime}
          isRequired
          validate={(value) => (value ? null : t('app.required'))}
          description={t('committee.schedule.timeHelp')}
        />
      </div>
      <TextField
        label={t('committee.schedule.location')}
        name="location"
        value={location}
        onChange={setLocation}
        maxLength={200}
        placeholder={t('committee.schedule.locationPlaceholder')}
      />
      <SelectField
        label={t('committee.schedule.chair')}
        name="chairUserId"
        options={people.map((p) => ({ id: p.id, label: p.displayName }))}
        value={chairId}
        onChange={setChair}
        isRequired
        description={t('committee.schedule.chairHelp')}
      />
      <CheckboxGroup
        name="memberIds"
        value={withChair}
        onChange={setChosen}
        isRequired
        validate={(value) => (value.length > 0 ? null : t('app.required'))}
        className="flex flex-col gap-1"
      >
        <Label className={labelClass}>{t('committee.schedule.members')}</Label>
        <div className="grid gap-x-4 sm:grid-cols-2">
          {people.map((person) => (
            <Checkbox key={person.id} value={person.id} isDisabled={person.id === chairId}>
              <bdi>{person.displayName}</bdi>
              {person.id === chairId ? (
                <span className="text-xs text-slate-600">({t('committee.schedule.chairTag')})</span>
              ) : null}
            </Checkbox>
          ))}
        </div>
        <FieldError />
      </CheckboxGroup>
      {schedule.isError ? <ErrorAlert>{errorMessage(schedule.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={schedule.isPending}>
          {schedule.isPending ? t('app.saving') : t('committee.schedule.submit')}
        </Button>
      </div>
    </Form>
  );
}

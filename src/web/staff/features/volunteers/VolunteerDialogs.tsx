import { Clock, UserPlus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { Trans, useTranslation } from 'react-i18next';
import { toLatinDigits } from '../../../../common/arabic';
import { parseIsoDate, riyadhDate } from '../../../../common/dates';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TextField } from '../../../ui/fields';
import { SelectField } from '../../../ui/SelectField';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { useBranches, useBranchName } from '../../queries';
import { numberInputClass } from '../beneficiaries/form-values';
import { parseSkills, useLogHours, useSignUpVolunteer, type Volunteer } from './queries';

const NO_BRANCH = 'none';

/** A volunteer's sign-up (خدمة التطوع): name, mobile, branch, skills and when they are available. */
export function SignUpDialog({
  isOpen,
  onOpenChange,
  onDone,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: (name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('volunteers.signUp.title')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      closeLabel={t('app.close')}
    >
      <SignUpForm onCancel={() => onOpenChange(false)} onDone={onDone} />
    </Dialog>
  );
}

function SignUpForm({ onCancel, onDone }: { onCancel: () => void; onDone: (name: string) => void }) {
  const { t } = useTranslation();
  const branches = useBranches();
  const branchName = useBranchName();
  const signUp = useSignUpVolunteer();
  const fieldErrors = useFieldErrors(signUp.error);
  const [name, setName] = useState('');
  const [mobile, setMobile] = useState('');
  const [branchId, setBranchId] = useState<string>(NO_BRANCH);
  const [skills, setSkills] = useState('');
  const [availability, setAvailability] = useState('');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    signUp.mutate(
      {
        name: name.trim(),
        mobile: mobile.trim(),
        branchId: branchId === NO_BRANCH ? null : branchId,
        skills: parseSkills(skills),
        availability: availability.trim(),
      },
      { onSuccess: () => onDone(name.trim()) },
    );
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('volunteers.fields.name')}
          name="name"
          value={name}
          onChange={setName}
          isRequired
          autoFocus
          inputProps={{ maxLength: 120, autoComplete: 'off' }}
          validate={(v) => (v.trim().length >= 2 ? null : t('app.required'))}
        />
        <TextField
          label={t('volunteers.fields.mobile')}
          name="mobile"
          type="tel"
          value={mobile}
          onChange={setMobile}
          isRequired
          ltr
          placeholder="05XXXXXXXX"
          inputClassName={numberInputClass}
          inputProps={{ inputMode: 'tel', autoComplete: 'off', maxLength: 20 }}
          validate={(v) => (v.trim() ? null : t('app.required'))}
        />
      </div>
      <SelectField
        label={t('volunteers.fields.branch')}
        name="branchId"
        options={[
          { id: NO_BRANCH, label: t('volunteers.fields.anyBranch') },
          ...(branches.data ?? []).map((b) => ({ id: b.id, label: branchName(b.id) ?? b.nameAr })),
        ]}
        value={branchId}
        onChange={(value) => setBranchId(value ?? NO_BRANCH)}
      />
      <TextField
        label={t('volunteers.fields.skills')}
        description={t('volunteers.fields.skillsHint')}
        name="skills"
        value={skills}
        onChange={setSkills}
        inputProps={{ maxLength: 600, autoComplete: 'off' }}
      />
      <TextAreaField
        label={t('volunteers.fields.availability')}
        name="availability"
        value={availability}
        onChange={setAvailability}
        rows={2}
        maxLength={500}
      />
      {signUp.isError ? <ErrorAlert>{errorMessage(signUp.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={signUp.isPending}>
          <UserPlus aria-hidden="true" className="size-4" />
          {signUp.isPending ? t('app.saving') : t('volunteers.signUp.submit')}
        </Button>
      </div>
    </Form>
  );
}

/** Hours a volunteer worked on a day, and on what. */
export function HoursDialog({
  volunteer,
  onOpenChange,
  onDone,
}: {
  volunteer: Volunteer | null;
  onOpenChange: (open: boolean) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={
        volunteer ? (
          <Trans
            t={t}
            i18nKey="volunteers.hours.title"
            values={{ name: volunteer.name }}
            components={{ bdi: <bdi /> }}
          />
        ) : (
          ''
        )
      }
      isOpen={volunteer !== null}
      onOpenChange={onOpenChange}
      closeLabel={t('app.close')}
    >
      {volunteer ? <HoursForm volunteer={volunteer} onCancel={() => onOpenChange(false)} onDone={onDone} /> : null}
    </Dialog>
  );
}

/** Hours typed with either digits and either decimal mark, in quarters of an hour up to 24. */
function parseHours(text: string): number | null {
  const clean = toLatinDigits(text).replace('٫', '.').replace(',', '.').trim();
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(clean)) return null;
  const value = Number(clean);
  return value >= 0.25 && value <= 24 ? value : null;
}

function HoursForm({
  volunteer,
  onCancel,
  onDone,
}: {
  volunteer: Volunteer;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const log = useLogHours();
  const fieldErrors = useFieldErrors(log.error);
  const [workedOn, setWorkedOn] = useState(() => riyadhDate(new Date()));
  const [hours, setHours] = useState('');
  const [task, setTask] = useState('');
  const iso = parseIsoDate(workedOn);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = parseHours(hours);
    if (!iso || value === null) return;
    log.mutate({ id: volunteer.id, workedOn: iso, hours: value, task: task.trim() }, { onSuccess: onDone });
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('volunteers.hours.workedOn')}
          name="workedOn"
          type="date"
          value={workedOn}
          onChange={setWorkedOn}
          isRequired
          ltr
          description={iso ? format.dual(iso) : undefined}
          validate={(v) => (parseIsoDate(v) ? null : t('app.required'))}
        />
        <TextField
          label={t('volunteers.hours.hours')}
          description={t('volunteers.hours.hoursHint')}
          name="hours"
          value={hours}
          onChange={setHours}
          isRequired
          ltr
          inputClassName={numberInputClass}
          inputProps={{ inputMode: 'decimal', autoComplete: 'off', maxLength: 5 }}
          validate={(v) => (parseHours(v) !== null ? null : t('volunteers.hours.hoursInvalid'))}
        />
      </div>
      <TextField
        label={t('volunteers.hours.task')}
        name="task"
        value={task}
        onChange={setTask}
        isRequired
        inputProps={{ maxLength: 300, autoComplete: 'off' }}
        validate={(v) => (v.trim().length >= 2 ? null : t('app.required'))}
      />
      {log.isError ? <ErrorAlert>{errorMessage(log.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={log.isPending}>
          <Clock aria-hidden="true" className="size-4" />
          {log.isPending ? t('app.saving') : t('volunteers.hours.submit')}
        </Button>
      </div>
    </Form>
  );
}

import { MessageSquarePlus } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'wouter';
import { CASE_KINDS, CASE_PRIORITIES, CASE_TEAMS, LIMITS } from '../../../common/domain/case';
import { CHANNELS } from '../../../common/domain/channels';
import { errorMessage } from '../../lib/api';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { Card, PageHeader } from '../../ui/Page';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { useEnumOptions } from '../features/beneficiaries/labels';
import { useBeneficiary } from '../features/beneficiaries/queries';
import { useCaseLabel, useCaseOptions } from '../features/cases/labels';
import { useCreateCase } from '../features/cases/queries';
import {
  ContactChooser,
  type ContactValue,
  contactComplete,
  contactFields,
  EMPTY_CALLER,
} from '../features/interactions/ContactChooser';
import { useUser } from '../session';

/**
 * A new case (حالة): an inquiry, complaint, suggestion, praise or service request received on any channel, from a
 * beneficiary's file or a caller not yet known; a suggestion may be anonymous.
 */
export default function CaseNewPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const caseOptions = useCaseOptions();
  const caseLabel = useCaseLabel();
  const enumOptions = useEnumOptions();
  const create = useCreateCase();
  const fieldErrors = useFieldErrors(create.error);

  const [kind, setKind] = useState<string>(CASE_KINDS.find((k) => k === params.get('kind')) ?? 'inquiry');
  const [channel, setChannel] = useState<string>(user.role === 'branch_rep' ? 'branch_rep' : 'phone');
  const [priority, setPriority] = useState<string>('normal');
  const [team, setTeam] = useState<string>('relations');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [contact, setContact] = useState<ContactValue>(EMPTY_CALLER);
  const [tried, setTried] = useState(false);

  // Opened from a beneficiary's file: the file is already chosen.
  const presetId = params.get('beneficiaryId');
  const preset = useBeneficiary(presetId);
  useEffect(() => {
    if (preset.data) {
      setContact({
        mode: 'beneficiary',
        beneficiary: { id: preset.data.id, fullName: preset.data.fullName, fileNumber: preset.data.fileNumber },
      });
    }
  }, [preset.data]);

  // Only a suggestion may come from nobody.
  const modes =
    kind === 'suggestion' ? (['beneficiary', 'caller', 'anonymous'] as const) : (['beneficiary', 'caller'] as const);
  useEffect(() => {
    if (kind !== 'suggestion' && contact.mode === 'anonymous') setContact(EMPTY_CALLER);
  }, [kind, contact.mode]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (!contactComplete(contact)) return;
    create.mutate(
      {
        kind,
        channel,
        priority,
        team,
        subject: subject.trim(),
        description: description.trim(),
        ...contactFields(contact),
        ...(contact.mode === 'anonymous' ? { anonymous: true } : {}),
      },
      { onSuccess: ({ id }) => navigate(`/cases/${encodeURIComponent(id)}`) },
    );
  }

  return (
    <div className="max-w-3xl">
      <PageHeader title={t('cases.newTitle')} subtitle={t('cases.newSubtitle')} />
      <Card>
        <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-5">
          <RadioGroupField
            label={t('cases.fields.kind')}
            name="kind"
            value={kind}
            onChange={setKind}
            isRequired
            options={CASE_KINDS.map((k) => ({
              id: k,
              label: caseLabel('kinds', k),
              description: t(`cases.kindHints.${k}`),
            }))}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t('cases.fields.channel')}
              name="channel"
              options={enumOptions('channel', CHANNELS)}
              value={channel}
              onChange={(value) => setChannel(value ?? 'phone')}
              isRequired
            />
            <SelectField
              label={t('cases.fields.team')}
              name="team"
              options={caseOptions('teams', CASE_TEAMS)}
              value={team}
              onChange={(value) => setTeam(value ?? 'relations')}
            />
          </div>
          <div className="flex flex-col gap-2">
            <span className="text-sm font-medium text-slate-800" aria-hidden="true">
              {t('cases.fields.priority')}
            </span>
            <SegmentedControl
              label={t('cases.fields.priority')}
              value={priority}
              onChange={setPriority}
              segments={CASE_PRIORITIES.map((p) => ({
                id: p,
                label: caseLabel('priorities', p),
                tone: p === 'urgent' ? 'danger' : p === 'high' ? 'warning' : 'info',
              }))}
            />
          </div>
          <TextField
            label={t('cases.fields.subject')}
            name="subject"
            value={subject}
            onChange={setSubject}
            isRequired
            inputProps={{ maxLength: LIMITS.subject }}
            validate={(value) => (value.trim().length >= 3 ? null : t('cases.errors.subject'))}
          />
          <TextAreaField
            label={t('cases.fields.description')}
            name="description"
            value={description}
            onChange={setDescription}
            isRequired
            rows={5}
            maxLength={LIMITS.body}
            validate={(value) => (value.trim().length >= 3 ? null : t('cases.errors.description'))}
          />
          <ContactChooser value={contact} onChange={setContact} modes={modes} showMissing={tried} />
          {create.isError ? <ErrorAlert>{errorMessage(create.error)}</ErrorAlert> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button onPress={() => navigate('/cases')}>{t('app.cancel')}</Button>
            <Button type="submit" variant="primary" isPending={create.isPending}>
              <MessageSquarePlus aria-hidden="true" className="size-4" />
              {create.isPending ? t('app.saving') : t('cases.create')}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}

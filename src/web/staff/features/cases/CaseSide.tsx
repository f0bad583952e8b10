import { Download, Paperclip, Upload, UserCheck, UserMinus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { FileTrigger, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { CASE_PRIORITIES, CASE_TEAMS, SUGGESTION_OUTCOMES } from '../../../../common/domain/case';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Fact, Facts } from '../../../ui/Facts';
import { RadioGroupField } from '../../../ui/RadioGroupField';
import { SelectField } from '../../../ui/SelectField';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { useUser } from '../../session';
import { useEnumLabel } from '../beneficiaries/labels';
import { MobileLinks } from '../beneficiaries/PersonCard';
import { useOrgSettings } from '../beneficiaries/queries';
import { OUTCOME_TONE, useCaseLabel, useCaseOptions } from './labels';
import { useAssignCase, useCaseOutcome, useUploadCaseAttachment } from './queries';
import type { CaseDetail } from './types';

function CardTitle({ id, children }: { id: string; children: string }) {
  return (
    <h2 id={id} className="mb-3 text-base font-bold text-slate-900">
      {children}
    </h2>
  );
}

/** Who the case is from and its clock: created, first response, resolution target, resolved, reopened. */
export function CaseFacts({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const label = useCaseLabel();
  const enumLabel = useEnumLabel();
  const owner = item.ownerUserId
    ? item.ownerUserId === user.id
      ? t('cases.facts.ownerYou', { name: user.displayName })
      : t('cases.facts.ownerOther')
    : t('cases.unassigned');
  return (
    <section aria-labelledby="case-facts-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <CardTitle id="case-facts-title">{t('cases.facts.title')}</CardTitle>
      <Facts layout="narrow">
        <Fact label={t('cases.facts.contact')}>
          {item.anonymous ? (
            <span className="font-normal text-slate-700">{t('cases.anonymousLong')}</span>
          ) : (
            <span className="flex flex-col gap-0.5">
              {item.contactName ? <bdi className="self-start">{item.contactName}</bdi> : null}
              {item.contactMobile ? <MobileLinks mobile={item.contactMobile} /> : null}
              {item.beneficiaryId ? (
                <Link
                  href={`/beneficiaries/${item.beneficiaryId}?tab=timeline`}
                  className="font-normal text-brand-800 underline-offset-2 hover:underline"
                >
                  {t('cases.facts.openFile')}
                </Link>
              ) : null}
            </span>
          )}
        </Fact>
        <Fact label={t('cases.fields.channel')}>{enumLabel('channel', item.channel)}</Fact>
        <Fact label={t('cases.fields.team')}>{label('teams', item.team)}</Fact>
        <Fact label={t('cases.fields.owner')}>{owner}</Fact>
        <Fact label={t('cases.facts.created')}>
          <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
        </Fact>
        <Fact label={t('cases.facts.firstResponse')}>
          {item.firstResponseAt ? (
            <time dateTime={item.firstResponseAt}>{format.dateTime(item.firstResponseAt)}</time>
          ) : (
            <span className="font-normal text-slate-700">
              {t('cases.facts.firstResponseDue', { date: format.dateTime(item.firstResponseDueAt) })}
            </span>
          )}
        </Fact>
        <Fact label={t('cases.facts.resolutionDue')}>
          <time dateTime={item.resolutionDueAt}>{format.dateTime(item.resolutionDueAt)}</time>
        </Fact>
        {item.resolvedAt ? (
          <Fact label={t('cases.facts.resolved')}>
            <time dateTime={item.resolvedAt}>{format.dateTime(item.resolvedAt)}</time>
          </Fact>
        ) : null}
        {item.escalatedAt ? (
          <Fact label={t('cases.facts.escalated')}>
            <time dateTime={item.escalatedAt}>{format.dateTime(item.escalatedAt)}</time>
          </Fact>
        ) : null}
        {item.reopenCount > 0 ? <Fact label={t('cases.facts.reopened')}>{format.number(item.reopenCount)}</Fact> : null}
      </Facts>
    </section>
  );
}

/** Who works the case and how urgent it is: take it, give it back to the team, change team or priority. */
export function AssignCard({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const user = useUser();
  const caseOptions = useCaseOptions();
  const assign = useAssignCase(item.id);
  const [notice, setNotice] = useState<string | null>(null);
  const save = (body: Parameters<typeof assign.mutate>[0]) => {
    setNotice(null);
    assign.mutate(body, { onSuccess: () => setNotice(t('app.saved')) });
  };
  const mine = item.ownerUserId === user.id;
  return (
    <section
      aria-labelledby="case-assign-title"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-5"
    >
      <CardTitle id="case-assign-title">{t('cases.assign.title')}</CardTitle>
      {mine ? (
        <Button isPending={assign.isPending} onPress={() => save({ ownerUserId: null })}>
          <UserMinus aria-hidden="true" className="size-4" />
          {t('cases.assign.release')}
        </Button>
      ) : (
        <Button isPending={assign.isPending} onPress={() => save({ ownerUserId: user.id })}>
          <UserCheck aria-hidden="true" className="size-4" />
          {t('cases.assign.takeIt')}
        </Button>
      )}
      <SelectField
        label={t('cases.fields.priority')}
        options={caseOptions('priorities', CASE_PRIORITIES)}
        value={item.priority}
        isDisabled={assign.isPending}
        onChange={(value) => value && value !== item.priority && save({ priority: value })}
      />
      <SelectField
        label={t('cases.fields.team')}
        options={caseOptions('teams', CASE_TEAMS)}
        value={item.team}
        isDisabled={assign.isPending}
        onChange={(value) => value && value !== item.team && save({ team: value })}
      />
      {assign.isError ? <ErrorAlert>{errorMessage(assign.error)}</ErrorAlert> : null}
      <SuccessNotice>{notice}</SuccessNotice>
    </section>
  );
}

/** A suggestion's outcome (accepted, under study, declined with a reason), told back to the person. */
export function OutcomeCard({ item, canRecord }: { item: CaseDetail; canRecord: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCaseLabel();
  const caseOptions = useCaseOptions();
  const record = useCaseOutcome(item.id);
  const fieldErrors = useFieldErrors(record.error);
  const [outcome, setOutcome] = useState<string>(item.outcome ?? 'under_study');
  const [reason, setReason] = useState(item.outcomeReason ?? '');
  const [notice, setNotice] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    record.mutate(
      { outcome, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { onSuccess: () => setNotice(t('cases.outcome.saved')) },
    );
  }

  return (
    <section
      aria-labelledby="case-outcome-title"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-5"
    >
      <CardTitle id="case-outcome-title">{t('cases.outcome.title')}</CardTitle>
      {item.outcome ? (
        <div className="flex flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={OUTCOME_TONE[item.outcome] ?? 'neutral'}>{label('outcomes', item.outcome)}</Badge>
            {item.outcomeAt ? (
              <span className="text-xs text-slate-600">
                <time dateTime={item.outcomeAt}>{format.dateTime(item.outcomeAt)}</time>
              </span>
            ) : null}
          </div>
          {item.outcomeReason ? (
            <p dir="auto" className="whitespace-pre-line text-slate-800">
              {item.outcomeReason}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="text-slate-700">{t('cases.outcome.none')}</p>
      )}
      {canRecord ? (
        <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-3">
          <RadioGroupField
            label={t('cases.outcome.choose')}
            name="outcome"
            value={outcome}
            onChange={setOutcome}
            options={caseOptions('outcomes', SUGGESTION_OUTCOMES)}
          />
          <TextAreaField
            label={outcome === 'declined' ? t('cases.outcome.reasonRequired') : t('cases.outcome.reason')}
            name="reason"
            value={reason}
            onChange={setReason}
            isRequired={outcome === 'declined'}
            maxLength={2000}
            validate={(value) => (outcome === 'declined' && !value.trim() ? t('app.required') : null)}
          />
          <p className="text-xs text-slate-600">
            {item.anonymous ? t('cases.outcome.anonymousHint') : t('cases.outcome.toldHint')}
          </p>
          {record.isError ? <ErrorAlert>{errorMessage(record.error)}</ErrorAlert> : null}
          <SuccessNotice>{notice}</SuccessNotice>
          <div>
            <Button type="submit" variant="primary" isPending={record.isPending}>
              {record.isPending ? t('app.saving') : t('cases.outcome.submit')}
            </Button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'];

/** Files kept with the case (a photo of a letter, a screenshot of a message), and adding one. */
export function AttachmentsCard({ item, canUpload }: { item: CaseDetail; canUpload: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const settings = useOrgSettings();
  const upload = useUploadCaseAttachment(item.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const maxMb = settings.data?.maxUploadMb ?? 5;

  function choose(files: FileList | null) {
    const file = files?.[0];
    setNotice(null);
    upload.reset();
    if (!file) return;
    if (!ACCEPTED.includes(file.type)) {
      setProblem(t('file.documents.badType'));
      return;
    }
    if (file.size > maxMb * 1024 * 1024) {
      setProblem(t('file.documents.tooLarge', { mb: format.number(maxMb) }));
      return;
    }
    setProblem(null);
    upload.mutate(file, { onSuccess: () => setNotice(t('file.documents.uploaded')) });
  }

  return (
    <section
      aria-labelledby="case-files-title"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-5"
    >
      <CardTitle id="case-files-title">{t('cases.attachments.title')}</CardTitle>
      {item.attachments.length === 0 ? (
        <p className="text-slate-700">{t('cases.attachments.empty')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {item.attachments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2">
              <a
                href={`/api/case-attachments/${a.id}`}
                download
                aria-label={t('file.documents.downloadLabel', { name: a.originalName })}
                className="inline-flex min-w-0 items-center gap-1 break-all text-brand-800 underline underline-offset-2"
              >
                <Download aria-hidden="true" className="size-4 shrink-0" />
                <bdi>{a.originalName}</bdi>
              </a>
              <span className="text-xs text-slate-600">
                {t('file.documents.size', { size: format.number(Math.max(1, Math.round(a.size / 1024))) })} ·{' '}
                <time dateTime={a.at}>{format.relative(a.at)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canUpload ? (
        <div className="flex flex-col gap-1">
          <FileTrigger acceptedFileTypes={ACCEPTED} onSelect={choose}>
            <Button isPending={upload.isPending}>
              {upload.isPending ? (
                <Upload aria-hidden="true" className="size-4" />
              ) : (
                <Paperclip aria-hidden="true" className="size-4" />
              )}
              {upload.isPending ? t('file.documents.uploading') : t('cases.attachments.add')}
            </Button>
          </FileTrigger>
          <span className="text-xs text-slate-600">{t('file.documents.help', { mb: format.number(maxMb) })}</span>
          {problem ? <span className="text-xs font-medium text-red-700">{problem}</span> : null}
          {upload.isError ? <ErrorAlert>{errorMessage(upload.error)}</ErrorAlert> : null}
          <SuccessNotice>{notice}</SuccessNotice>
        </div>
      ) : null}
    </section>
  );
}

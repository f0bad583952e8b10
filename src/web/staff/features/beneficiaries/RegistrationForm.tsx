import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { toLatinDigits } from '../../../../common/arabic';
import { riyadhDate } from '../../../../common/dates';
import {
  FAMILY_STATUSES,
  GENDERS,
  HOUSING,
  householdMismatch,
  LIMITS,
  WATER_SOURCES,
} from '../../../../common/domain/beneficiary';
import { CHANNELS } from '../../../../common/domain/channels';
import { birthDateProblem } from '../../../../common/input';
import { mobileError, nationalIdError } from '../../../../common/saudi';
import { ApiError, errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Checkbox, TextField } from '../../../ui/fields';
import { Ltr } from '../../../ui/Ltr';
import { Loading } from '../../../ui/Page';
import { RadioGroupField } from '../../../ui/RadioGroupField';
import { SelectField } from '../../../ui/SelectField';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import type { CreateBeneficiaryRequest, DuplicatesDetails } from '../../api-types';
import { useBranches } from '../../queries';
import { useUser } from '../../session';
import { BirthDateField, type BirthDateValue } from './BirthDateField';
import { DuplicatesPanel } from './DuplicatesPanel';
import { birthDateIso, birthDateText, checkPin, numberInputClass, parseDecimal, parseWhole } from './form-values';
import { HouseholdFields, type MemberDraft } from './HouseholdFields';
import { LocationField, type PinValue } from './LocationField';
import { useEnumOptions } from './labels';
import { NationalIdCheck } from './NationalIdCheck';
import { useCreateBeneficiary, useOrgSettings } from './queries';

type Draft = {
  nationalId: string;
  firstName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  gender: string | null;
  birth: BirthDateValue;
  mobile: string;
  mobile2: string;
  district: string;
  branchId: string | null;
  pin: PinValue;
  household: MemberDraft[];
  monthlyIncome: string;
  housing: string | null;
  familyStatus: string | null;
  disability: boolean;
  healthNotes: string;
  waterSource: string | null;
  storageLitres: string;
  peopleAtHome: string;
  consent: boolean;
  channel: string;
};

/** Server field paths shown by a field of this form; anything else is listed in the summary at the end. */
const SHOWN_FIELDS = new Set([
  'nationalId',
  'firstName',
  'fatherName',
  'grandfatherName',
  'familyName',
  'gender',
  'birthDate',
  'birthDate.date',
  'mobile',
  'mobile2',
  'district',
  'branchId',
  'location',
  'location.lat',
  'location.lng',
  'monthlyIncome',
  'housing',
  'familyStatus',
  'healthNotes',
  'water.source',
  'water.storageLitres',
  'water.peopleAtHome',
  'consent.channel',
]);
const shownField = (field: string) =>
  SHOWN_FIELDS.has(field) || /^household\.\d+\.(name|relation|birthDate|disabilityNote)$/.test(field);

/**
 * Registration of a head of household (policy steps 1–2): personal data, contact and address, household, income
 * and housing, water situation, and consent after the privacy notice. Likely duplicates come back from the server
 * and are shown for the officer to confirm.
 */
export type RegistrationPrefill = Partial<
  Pick<Draft, 'nationalId' | 'firstName' | 'familyName' | 'mobile' | 'district' | 'pin' | 'peopleAtHome' | 'channel'>
>;

export function RegistrationForm({
  onRegistered,
  initial,
}: {
  onRegistered: (created: { id: string; fileNumber: string }) => void;
  /** What is already known (a registration draft from the field), for the officer to check and complete. */
  initial?: RegistrationPrefill;
}) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const branches = useBranches();
  const settings = useOrgSettings();
  const create = useCreateBeneficiary();
  const enumOptions = useEnumOptions();
  const noticeId = useId();
  const isRep = user.role === 'branch_rep';

  const [draft, setDraft] = useState<Draft>(() => ({
    nationalId: '',
    firstName: '',
    fatherName: '',
    grandfatherName: '',
    familyName: '',
    gender: null,
    birth: { calendar: 'hijri', day: '', month: '', year: '' },
    mobile: '',
    mobile2: '',
    district: '',
    branchId: user.branchId,
    pin: { lat: '', lng: '' },
    household: [],
    monthlyIncome: '',
    housing: null,
    familyStatus: null,
    disability: false,
    healthNotes: '',
    waterSource: null,
    storageLitres: '',
    peopleAtHome: '',
    consent: false,
    channel: isRep ? 'branch_rep' : 'meeting',
    ...initial,
  }));
  const [consentError, setConsentError] = useState(false);
  const [dateError, setDateError] = useState<string | null>(null);
  // The shared rules (common/saudi.ts, common/input.ts), the same the server applies.
  const mobileMessage = (value: string) => {
    const problem = mobileError(value);
    if (problem === 'characters') return t('inputRules.mobileCharacters');
    return problem ? t('registration.fields.mobileInvalid') : null;
  };
  const [duplicates, setDuplicates] = useState<DuplicatesDetails | null>(null);
  const format = useFormat();
  // People at home against the applicant plus the listed members: a difference is confirmed for these exact figures.
  const statedPeople = parseWhole(draft.peopleAtHome);
  const mismatch = statedPeople === null ? null : householdMismatch(statedPeople, draft.household.length);
  const mismatchKey = mismatch ? `${mismatch.stated}/${mismatch.listed}` : null;
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const householdConfirmed = mismatchKey !== null && confirmedFor === mismatchKey;
  // The server's word on the birth date or the pin stays until the person changes that part of the form.
  const [edited, setEdited] = useState<{ birth?: boolean; pin?: boolean }>({});
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) => {
      // Changed data needs a new duplicate check: the warning goes and the submit button returns.
      setDuplicates(null);
      setDraft((d) => ({ ...d, [key]: value }));
    };

  const serverError = create.error instanceof ApiError ? create.error : null;
  // A national ID already registered is said next to the field.
  const fieldErrors = useFieldErrors(create.error, (error) =>
    error.code === 'beneficiary.national_id_exists' ? { nationalId: error.message } : undefined,
  );
  const otherErrors = Object.entries(fieldErrors).filter(([field]) => !shownField(field));
  const existing =
    serverError?.code === 'beneficiary.national_id_exists'
      ? (serverError.details as { id?: string; fileNumber?: string } | undefined)
      : undefined;

  const branchOptions = (branches.data ?? []).map((b) => ({
    id: b.id,
    label: (i18n.language === 'en' ? b.nameEn : b.nameAr) || b.nameAr,
  }));
  const defaultBranch = draft.branchId ?? branchOptions[0]?.id ?? null;

  function request(confirmNotDuplicate: boolean): CreateBeneficiaryRequest | null {
    const branchId = defaultBranch;
    const income = parseWhole(draft.monthlyIncome);
    const storage = parseWhole(draft.storageLitres);
    const people = parseWhole(draft.peopleAtHome);
    if (!branchId || income === null || storage === null || people === null) return null;
    if (!draft.gender || !draft.housing || !draft.familyStatus || !draft.waterSource) return null;
    const pin = checkPin(draft.pin.lat, draft.pin.lng);
    const lat = parseDecimal(draft.pin.lat);
    const lng = parseDecimal(draft.pin.lng);
    return {
      nationalId: toLatinDigits(draft.nationalId).trim(),
      firstName: draft.firstName.trim(),
      fatherName: draft.fatherName.trim(),
      grandfatherName: draft.grandfatherName.trim(),
      familyName: draft.familyName.trim(),
      gender: draft.gender,
      birthDate: {
        calendar: draft.birth.calendar,
        date: birthDateText(draft.birth.day, draft.birth.month, draft.birth.year),
      },
      mobile: draft.mobile.trim(),
      mobile2: draft.mobile2.trim() ? draft.mobile2.trim() : null,
      district: draft.district.trim(),
      location: pin === 'ok' && lat !== null && lng !== null ? { lat, lng } : null,
      branchId,
      household: draft.household.map((m) => ({
        name: m.name.trim(),
        relation: m.relation ?? '',
        birthDate: m.birthDate,
        disability: m.disability,
        ...(m.disability && m.disabilityNote.trim() ? { disabilityNote: m.disabilityNote.trim() } : {}),
      })),
      monthlyIncome: income,
      housing: draft.housing,
      familyStatus: draft.familyStatus,
      disability: draft.disability,
      healthNotes: draft.healthNotes.trim() ? draft.healthNotes.trim() : null,
      water: { source: draft.waterSource, storageLitres: storage, peopleAtHome: people },
      consent: { accepted: true, channel: draft.channel },
      confirmNotDuplicate,
      ...(mismatch ? { householdConfirmed } : {}),
    };
  }

  function send(confirmNotDuplicate: boolean) {
    const body = request(confirmNotDuplicate);
    if (!body) return;
    setEdited({});
    create.mutate(body, {
      onSuccess: onRegistered,
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'beneficiary.possible_duplicates') {
          setDuplicates(error.details as DuplicatesDetails);
        } else {
          setDuplicates(null);
        }
      },
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const iso = birthDateIso(draft.birth.calendar, draft.birth.day, draft.birth.month, draft.birth.year);
    const birthProblem = iso ? birthDateProblem(iso, riyadhDate(new Date())) : null;
    const dateOk = iso !== null && birthProblem === null;
    const pinOk = ['empty', 'ok'].includes(checkPin(draft.pin.lat, draft.pin.lng));
    setDateError(
      !iso
        ? t('registration.fields.dateInvalid')
        : birthProblem === 'future'
          ? t('inputRules.birthFuture')
          : birthProblem === 'too_old'
            ? t('inputRules.birthTooOld')
            : null,
    );
    setConsentError(!draft.consent);
    if (!dateOk) {
      event.currentTarget.querySelector<HTMLInputElement>('[name="birthDate.day"]')?.focus();
      return;
    }
    if (!pinOk) {
      event.currentTarget.querySelector<HTMLInputElement>('[name="location.lat"]')?.focus();
      return;
    }
    if (!draft.consent) {
      document.getElementById(`${noticeId}-consent`)?.querySelector('input')?.focus();
      return;
    }
    setDuplicates(null);
    send(false);
  }

  if (settings.isPending || branches.isPending) return <Loading label={t('app.loading')} />;

  const namePart = (value: string) =>
    value.trim().length >= 2 ? null : value.trim() ? t('registration.fields.nameTooShort') : t('app.required');
  const whole = (min: number, max: number) => (value: string) => {
    if (!value.trim()) return t('app.required');
    const n = parseWhole(value);
    if (n === null) return t('registration.fields.wholeNumber');
    return n < min ? t('registration.fields.atLeastOne') : n > max ? t('registration.fields.wholeNumber') : null;
  };

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-5">
      <Section id="personal" title={t('registration.sections.personal')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('registration.fields.nationalId')}
            description={t('registration.fields.nationalIdHelp')}
            name="nationalId"
            value={draft.nationalId}
            onChange={set('nationalId')}
            isRequired
            ltr
            inputClassName={numberInputClass}
            validate={(value) => {
              if (!value.trim()) return t('app.required');
              const problem = nationalIdError(value);
              if (problem === 'digits') return t('inputRules.nationalIdDigits');
              return problem ? t('registration.fields.nationalIdInvalid') : null;
            }}
            inputProps={{ inputMode: 'numeric', maxLength: 10, autoComplete: 'off' }}
            className="sm:col-span-2 sm:max-w-sm"
          />
          <NationalIdCheck value={draft.nationalId} />
          <TextField
            label={t('registration.fields.firstName')}
            name="firstName"
            value={draft.firstName}
            onChange={set('firstName')}
            isRequired
            validate={namePart}
            inputProps={{ autoComplete: 'off', maxLength: LIMITS.namePart }}
          />
          <TextField
            label={t('registration.fields.fatherName')}
            name="fatherName"
            value={draft.fatherName}
            onChange={set('fatherName')}
            isRequired
            validate={namePart}
            inputProps={{ autoComplete: 'off', maxLength: LIMITS.namePart }}
          />
          <TextField
            label={t('registration.fields.grandfatherName')}
            name="grandfatherName"
            value={draft.grandfatherName}
            onChange={set('grandfatherName')}
            isRequired
            validate={namePart}
            inputProps={{ autoComplete: 'off', maxLength: LIMITS.namePart }}
          />
          <TextField
            label={t('registration.fields.familyName')}
            name="familyName"
            value={draft.familyName}
            onChange={set('familyName')}
            isRequired
            validate={namePart}
            inputProps={{ autoComplete: 'off', maxLength: LIMITS.namePart }}
          />
          <RadioGroupField
            label={t('registration.fields.gender')}
            name="gender"
            options={enumOptions('gender', GENDERS)}
            // An empty string, not null: React Aria runs `validate` (and so shows our words) only on a value.
            value={draft.gender ?? ''}
            onChange={set('gender')}
            isRequired
            validate={(value) => (value ? null : t('app.required'))}
            className="sm:col-span-2"
          />
          <div className="sm:col-span-2">
            <BirthDateField
              value={draft.birth}
              onChange={(birth) => {
                setDateError(null);
                setEdited((e) => ({ ...e, birth: true }));
                set('birth')(birth);
              }}
              error={(edited.birth ? null : (fieldErrors['birthDate.date'] ?? fieldErrors.birthDate)) ?? dateError}
            />
          </div>
        </div>
      </Section>

      <Section id="contact" title={t('registration.sections.contact')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('registration.fields.mobile')}
            description={t('registration.fields.mobileHelp')}
            name="mobile"
            type="tel"
            value={draft.mobile}
            onChange={set('mobile')}
            isRequired
            ltr
            inputClassName={numberInputClass}
            validate={(value) => (!value.trim() ? t('app.required') : mobileMessage(value))}
            inputProps={{ inputMode: 'tel', autoComplete: 'off' }}
          />
          <TextField
            label={t('registration.fields.mobile2')}
            name="mobile2"
            type="tel"
            value={draft.mobile2}
            onChange={set('mobile2')}
            ltr
            inputClassName={numberInputClass}
            validate={(value) => (!value.trim() ? null : mobileMessage(value))}
            inputProps={{ inputMode: 'tel', autoComplete: 'off' }}
          />
          <TextField
            label={t('registration.fields.district')}
            name="district"
            value={draft.district}
            onChange={set('district')}
            isRequired
            validate={namePart}
            inputProps={{ maxLength: LIMITS.district }}
          />
          <SelectField
            label={t('registration.fields.branch')}
            name="branchId"
            options={branchOptions}
            value={defaultBranch}
            onChange={set('branchId')}
            isDisabled={isRep}
            isRequired
            errorMessage={defaultBranch ? undefined : t('app.required')}
          />
          <LocationField
            value={draft.pin}
            onChange={(pin) => {
              setEdited((e) => ({ ...e, pin: true }));
              set('pin')(pin);
            }}
            error={edited.pin ? null : (fieldErrors.location ?? null)}
          />
        </div>
      </Section>

      <Section id="household" title={t('registration.sections.household')}>
        <HouseholdFields members={draft.household} onChange={set('household')} />
      </Section>

      <Section id="income" title={t('registration.sections.income')}>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label={t('registration.fields.monthlyIncome')}
            name="monthlyIncome"
            value={draft.monthlyIncome}
            onChange={set('monthlyIncome')}
            isRequired
            ltr
            inputClassName={numberInputClass}
            validate={whole(0, LIMITS.income)}
            inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
          />
          <SelectField
            label={t('registration.fields.housing')}
            name="housing"
            options={enumOptions('housing', HOUSING)}
            value={draft.housing}
            onChange={set('housing')}
            isRequired
            errorMessage={draft.housing ? undefined : t('app.required')}
          />
          <SelectField
            label={t('registration.fields.familyStatus')}
            name="familyStatus"
            options={enumOptions('familyStatus', FAMILY_STATUSES)}
            value={draft.familyStatus}
            onChange={set('familyStatus')}
            isRequired
            errorMessage={draft.familyStatus ? undefined : t('app.required')}
          />
        </div>
        <Checkbox isSelected={draft.disability} onChange={set('disability')}>
          {t('registration.fields.disability')}
        </Checkbox>
        <TextAreaField
          label={t('registration.fields.healthNotes')}
          name="healthNotes"
          value={draft.healthNotes}
          onChange={set('healthNotes')}
          rows={2}
          maxLength={LIMITS.note}
        />
      </Section>

      <Section id="water" title={t('registration.sections.water')}>
        <RadioGroupField
          label={t('registration.fields.waterSource')}
          name="water.source"
          options={enumOptions('waterSource', WATER_SOURCES)}
          value={draft.waterSource ?? ''}
          onChange={set('waterSource')}
          isRequired
          validate={(value) => (value ? null : t('app.required'))}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('registration.fields.storageLitres')}
            name="water.storageLitres"
            value={draft.storageLitres}
            onChange={set('storageLitres')}
            isRequired
            ltr
            inputClassName={numberInputClass}
            validate={whole(0, LIMITS.storageLitres)}
            inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
          />
          <TextField
            label={t('registration.fields.peopleAtHome')}
            name="water.peopleAtHome"
            value={draft.peopleAtHome}
            onChange={set('peopleAtHome')}
            isRequired
            ltr
            inputClassName={numberInputClass}
            validate={whole(1, LIMITS.peopleAtHome)}
            inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
          />
          {mismatch ? (
            <div
              role="alert"
              className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 sm:col-span-2"
              data-testid="household-mismatch"
            >
              <p>
                {t('householdCheck.mismatch', {
                  stated: format.number(mismatch.stated),
                  listed: format.number(mismatch.listed),
                })}
              </p>
              <p>{t('householdCheck.confirmHelp')}</p>
              <Checkbox
                isSelected={householdConfirmed}
                onChange={(on) => setConfirmedFor(on ? mismatchKey : null)}
                isRequired
                name="householdConfirmed"
              >
                {t('householdCheck.confirm', { stated: format.number(mismatch.stated) })}
              </Checkbox>
            </div>
          ) : null}
        </div>
      </Section>

      <Section id="consent" title={t('registration.sections.consent')}>
        {settings.data ? (
          <div className="flex flex-col gap-3">
            <div>
              <h3 id={`${noticeId}-title`} className="font-medium text-slate-900">
                {t('registration.consent.notice')}
              </h3>
              <p className="text-xs text-slate-600">{t('registration.consent.noticeHint')}</p>
              <p
                id={noticeId}
                lang="ar"
                dir="rtl"
                className="mt-2 rounded-md border border-slate-200 bg-slate-50 p-3 leading-loose text-slate-800"
              >
                {settings.data.privacyNoticeAr}
              </p>
            </div>
            <div>
              <h3 className="font-medium text-slate-900">{t('registration.consent.purpose')}</h3>
              <p lang="ar" dir="rtl" className="mt-1 text-slate-800">
                {settings.data.consentPurposeAr}
              </p>
            </div>
          </div>
        ) : settings.isError ? (
          <ErrorAlert>{errorMessage(settings.error)}</ErrorAlert>
        ) : null}
        <div id={`${noticeId}-consent`}>
          <Checkbox
            isSelected={draft.consent}
            onChange={(value) => {
              setConsentError(false);
              set('consent')(value);
            }}
            aria-describedby={noticeId}
            isInvalid={consentError}
          >
            {t('registration.consent.accepted')}
          </Checkbox>
          {consentError ? (
            <p className="text-xs font-medium text-red-700">{t('registration.consent.required')}</p>
          ) : null}
        </div>
        <SelectField
          label={t('registration.consent.channel')}
          name="consent.channel"
          options={enumOptions('channel', CHANNELS)}
          value={draft.channel}
          onChange={(value) => set('channel')(value ?? 'meeting')}
          className="sm:max-w-xs"
        />
      </Section>

      {duplicates ? (
        <DuplicatesPanel details={duplicates} isPending={create.isPending} onConfirm={() => send(true)} />
      ) : null}

      {serverError && serverError.code !== 'beneficiary.possible_duplicates' ? (
        <ErrorAlert>
          <p>{serverError.message}</p>
          {existing?.id ? (
            <p className="mt-1">
              <Link href={`/beneficiaries/${existing.id}`} className="font-medium underline underline-offset-2">
                {t('registration.openExisting')} <Ltr>{existing.fileNumber ?? ''}</Ltr>
              </Link>
            </p>
          ) : null}
          {otherErrors.length > 0 ? (
            <ul className="mt-1 list-disc ps-5">
              {otherErrors.map(([field, message]) => (
                <li key={field}>
                  <bdi dir="ltr">{field}</bdi>: {message}
                </li>
              ))}
            </ul>
          ) : null}
        </ErrorAlert>
      ) : create.isError && !serverError ? (
        <ErrorAlert>{errorMessage(create.error)}</ErrorAlert>
      ) : null}

      {duplicates ? null : (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {create.isPending ? t('registration.submitting') : t('registration.submit')}
          </Button>
        </div>
      )}
    </Form>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`section-${id}`} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <h2 id={`section-${id}`} className="mb-4 text-base font-bold text-slate-900">
        {title}
      </h2>
      <div className="flex flex-col gap-4">{children}</div>
    </section>
  );
}

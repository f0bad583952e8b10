import applyStrings from 'virtual:portal-strings/apply';
import { type ReactNode, useEffect, useState } from 'react';
import { WATER_PROBLEM_MAX } from '../../../common/input';
import { DateField } from '../DateField';
import { addStrings, num, t } from '../i18n';
import { MapPin, Plus, Trash2 } from '../page-icons';
import {
  Alert,
  Arabic,
  Button,
  Card,
  Checkbox,
  FieldError,
  fieldId,
  Hint,
  Ltr,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../ui';
import { emptyDate, localMobile } from '../validate';
import { FAMILY_STATUSES, fullName, HOUSING, type Member, RELATIONS, type StepId, WATER_SOURCES } from './model';
import type { StepProps } from './services-step';

addStrings({ apply: applyStrings });

export function IdentityStep({ d, set, errors }: StepProps) {
  return (
    <TextField
      name="nationalId"
      label={t('apply.identity.label')}
      hint={t('apply.identity.hint')}
      value={d.nationalId}
      onChange={(nationalId) => set({ nationalId })}
      error={errors.nationalId}
      inputMode="numeric"
      maxLength={14}
      ltr
    />
  );
}

export function NameStep({ d, set, errors }: StepProps) {
  const parts = [
    ['firstName', 'apply.name.first', 'given-name'],
    ['fatherName', 'apply.name.father', 'off'],
    ['grandfatherName', 'apply.name.grandfather', 'off'],
    ['familyName', 'apply.name.family', 'family-name'],
  ] as const;
  return (
    <div className="space-y-5">
      <p className="text-slate-700">{t('apply.name.hint')}</p>
      {parts.map(([field, label, autoComplete]) => (
        <TextField
          key={field}
          name={field}
          label={t(label)}
          value={d[field]}
          onChange={(value) => set({ [field]: value })}
          error={errors[field]}
          autoComplete={autoComplete}
          maxLength={40}
        />
      ))}
    </div>
  );
}

export function BirthStep({ d, set, errors }: StepProps) {
  return (
    <div className="space-y-6">
      <RadioGroup
        name="gender"
        legend={t('apply.birth.gender')}
        value={d.gender}
        onChange={(gender) => set({ gender })}
        options={[
          { value: 'male', label: t('apply.birth.male') },
          { value: 'female', label: t('apply.birth.female') },
        ]}
        error={errors.gender}
        columns
      />
      <DateField
        name="birth"
        legend={t('apply.birth.date')}
        value={d.birth}
        onChange={(birth) => set({ birth })}
        error={errors.birth}
      />
    </div>
  );
}

export function MobileStep({ d, set, errors }: StepProps) {
  return (
    <div className="space-y-5">
      <TextField
        name="mobile"
        type="tel"
        label={t('apply.mobile.label')}
        hint={t('apply.mobile.hint')}
        value={d.mobile}
        onChange={(mobile) => set({ mobile })}
        error={errors.mobile}
        inputMode="tel"
        autoComplete="tel-national"
        placeholder={num('05XXXXXXXX')}
        maxLength={20}
        ltr
      />
      <TextField
        name="mobile2"
        type="tel"
        label={t('apply.mobile.label2')}
        hint={t('apply.mobile.hint2')}
        value={d.mobile2}
        onChange={(mobile2) => set({ mobile2 })}
        error={errors.mobile2}
        inputMode="tel"
        maxLength={20}
        optional
        ltr
      />
    </div>
  );
}

const SAUDI = { latMin: 16, latMax: 33, lngMin: 34, lngMax: 56 };

export function AddressStep({ d, set, errors, info }: StepProps) {
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState<string>();
  const locate = () => {
    if (!('geolocation' in navigator)) return setLocationError(t('errors.locationFailed'));
    setLocating(true);
    setLocationError(undefined);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const lat = Math.round(position.coords.latitude * 1e6) / 1e6;
        const lng = Math.round(position.coords.longitude * 1e6) / 1e6;
        const inside = lat >= SAUDI.latMin && lat <= SAUDI.latMax && lng >= SAUDI.lngMin && lng <= SAUDI.lngMax;
        if (inside) set({ location: { lat, lng } });
        else setLocationError(t('errors.locationOutside'));
      },
      () => {
        setLocating(false);
        setLocationError(t('errors.locationFailed'));
      },
      { enableHighAccuracy: true, timeout: 20_000 },
    );
  };
  const branches = info.branches.map((b) => ({ value: b.id, label: b.nameAr }));
  return (
    <div className="space-y-6">
      <TextField
        name="district"
        label={t('apply.address.district')}
        value={d.district}
        onChange={(district) => set({ district })}
        error={errors.district}
        maxLength={80}
      />
      {branches.length <= 6 ? (
        <RadioGroup
          name="branchId"
          legend={t('apply.address.branch')}
          value={d.branchId}
          onChange={(branchId) => set({ branchId })}
          options={branches}
          error={errors.branchId}
          small
        />
      ) : (
        <SelectField
          name="branchId"
          label={t('apply.address.branch')}
          placeholder={t('apply.address.branch')}
          value={d.branchId}
          onChange={(branchId) => set({ branchId })}
          options={branches}
          error={errors.branchId}
        />
      )}
      <fieldset className="space-y-2" aria-describedby={`${fieldId('location')}-hint`}>
        <legend className="mb-1 text-base font-bold">
          {t('apply.address.location')}{' '}
          <span className="text-sm font-normal text-slate-700">({t('app.optional')})</span>
        </legend>
        <Hint name="location">{t('apply.address.locationHint')}</Hint>
        {d.location ? (
          <Alert tone="success">
            <p className="font-bold">{t('apply.address.locationAdded')}</p>
            <Button variant="quiet" onClick={() => set({ location: null })}>
              {t('apply.address.locationRemove')}
            </Button>
          </Alert>
        ) : (
          <Button id={fieldId('location')} variant="secondary" busy={locating} onClick={locate}>
            <MapPin aria-hidden="true" className="size-5" />
            {locating ? t('apply.address.locating') : t('apply.address.locationAdd')}
          </Button>
        )}
        <FieldError name="location">{locationError ?? errors.location}</FieldError>
      </fieldset>
    </div>
  );
}

const newMember = (): Member => ({
  id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
  name: '',
  relation: '',
  birth: emptyDate('hijri'),
  disability: false,
});

export function FamilyStep({ d, set, errors }: StepProps) {
  const female = d.gender === 'female';
  const [focusMember, setFocusMember] = useState<number | null>(null);
  useEffect(() => {
    if (focusMember === null) return;
    document.getElementById(fieldId(`household.${focusMember}.name`))?.focus();
    setFocusMember(null);
  }, [focusMember]);
  const setMember = (index: number, patch: Partial<Member>) =>
    set(
      { household: d.household.map((m, i) => (i === index ? { ...m, ...patch } : m)) },
      Object.keys(patch).map((k) => `household.${index}.${k}`),
    );
  const remove = (index: number) => {
    set(
      { household: d.household.filter((_, i) => i !== index) },
      d.household.flatMap((_, i) => [`household.${i}.name`, `household.${i}.relation`, `household.${i}.birth`]),
    );
    requestAnimationFrame(() => document.getElementById('add-member')?.focus());
  };
  return (
    <div className="space-y-6">
      <RadioGroup
        name="familyStatus"
        legend={t('apply.family.status')}
        value={d.familyStatus}
        onChange={(familyStatus) => set({ familyStatus })}
        options={FAMILY_STATUSES.map((s) => ({ value: s, label: t(`apply.family.${s}${female ? 'F' : ''}`) }))}
        error={errors.familyStatus}
        columns
      />
      <RadioGroup
        name="disability"
        legend={t('apply.family.disability')}
        value={d.disability}
        onChange={(disability) => set({ disability })}
        options={[
          { value: 'no', label: t('app.no') },
          { value: 'yes', label: t('app.yes') },
        ]}
        error={errors.disability}
        columns
      />
      <section aria-labelledby="members-title" className="space-y-3">
        <h2 id="members-title" className="text-lg font-bold">
          {t('apply.family.members')} <span className="text-sm font-normal text-slate-700">({t('app.optional')})</span>
        </h2>
        <p className="text-slate-700">{t('apply.family.membersHint')}</p>
        {d.household.map((member, index) => (
          <Card key={member.id} className="space-y-4">
            <fieldset className="space-y-4">
              <legend className="text-lg font-bold text-brand-900">{t('apply.family.member', { n: index + 1 })}</legend>
              <TextField
                name={`household.${index}.name`}
                label={t('apply.family.memberName')}
                value={member.name}
                onChange={(name) => setMember(index, { name })}
                error={errors[`household.${index}.name`]}
                maxLength={120}
              />
              <SelectField
                name={`household.${index}.relation`}
                label={t('apply.family.relation')}
                placeholder={t('apply.family.chooseRelation')}
                value={member.relation}
                onChange={(relation) => setMember(index, { relation })}
                options={RELATIONS.map((r) => ({ value: r, label: t(`apply.family.${r}`) }))}
                error={errors[`household.${index}.relation`]}
              />
              <DateField
                name={`household.${index}.birth`}
                legend={t('apply.family.memberBirth')}
                value={member.birth}
                onChange={(birth) => setMember(index, { birth })}
                error={errors[`household.${index}.birth`]}
                small
              />
              <Checkbox
                name={`household.${index}.disability`}
                label={t('apply.family.memberDisability')}
                checked={member.disability}
                onChange={(disability) => setMember(index, { disability })}
              />
            </fieldset>
            <Button variant="quiet" onClick={() => remove(index)}>
              <Trash2 aria-hidden="true" className="size-5" />
              {t('apply.family.remove', { n: index + 1 })}
            </Button>
          </Card>
        ))}
        <Button
          id="add-member"
          variant="secondary"
          onClick={() => {
            set({ household: [...d.household, newMember()] });
            setFocusMember(d.household.length);
          }}
        >
          <Plus aria-hidden="true" className="size-5" />
          {t('apply.family.add')}
        </Button>
      </section>
    </div>
  );
}

export function IncomeStep({ d, set, errors }: StepProps) {
  return (
    <div className="space-y-6">
      <TextField
        name="monthlyIncome"
        label={t('apply.income.income')}
        hint={t('apply.income.incomeHint')}
        value={d.monthlyIncome}
        onChange={(monthlyIncome) => set({ monthlyIncome })}
        error={errors.monthlyIncome}
        inputMode="numeric"
        maxLength={9}
      />
      <RadioGroup
        name="housing"
        legend={t('apply.income.housing')}
        value={d.housing}
        onChange={(housing) => set({ housing })}
        options={HOUSING.map((h) => ({ value: h, label: t(`apply.income.${h}`) }))}
        error={errors.housing}
        columns
      />
    </div>
  );
}

export function WaterStep({ d, set, errors }: StepProps) {
  // The people at home are at least the applicant and the members listed; a starting value the person can change.
  const peopleEmpty = d.peopleAtHome === '';
  const people = String(1 + d.household.length);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the step opens
  useEffect(() => {
    if (peopleEmpty) set({ peopleAtHome: people });
  }, []);
  return (
    <div className="space-y-6">
      <RadioGroup
        name="waterSource"
        legend={t('apply.water.source')}
        value={d.waterSource}
        onChange={(waterSource) => set({ waterSource })}
        options={WATER_SOURCES.map((s) => ({ value: s, label: t(`apply.water.${s}`) }))}
        error={errors.waterSource}
      />
      <TextField
        name="storageLitres"
        label={t('apply.water.storage')}
        hint={t('apply.water.storageHint')}
        value={d.storageLitres}
        onChange={(storageLitres) => set({ storageLitres })}
        error={errors.storageLitres}
        inputMode="numeric"
        maxLength={9}
      />
      <TextField
        name="peopleAtHome"
        label={t('apply.water.people')}
        hint={t('apply.water.peopleHint')}
        value={d.peopleAtHome}
        onChange={(peopleAtHome) => set({ peopleAtHome })}
        error={errors.peopleAtHome}
        inputMode="numeric"
        maxLength={3}
      />
      <TextArea
        name="waterProblem"
        label={t('apply.water.problem')}
        hint={t('apply.water.problemHint')}
        value={d.waterProblem}
        onChange={(waterProblem) => set({ waterProblem })}
        error={errors.waterProblem}
        maxLength={WATER_PROBLEM_MAX}
        rows={4}
        optional
      />
    </div>
  );
}

export function ConsentStep({ d, set, errors, info }: StepProps) {
  return (
    <div className="space-y-5">
      <Card className="space-y-4">
        <section aria-labelledby="notice-title" className="space-y-2">
          <h2 id="notice-title" className="text-lg font-bold">
            {t('apply.consent.notice')}
          </h2>
          <Arabic className="leading-loose whitespace-pre-line">{info.privacyNoticeAr}</Arabic>
        </section>
        <section aria-labelledby="purpose-title" className="space-y-2">
          <h2 id="purpose-title" className="text-lg font-bold">
            {t('apply.consent.purpose')}
          </h2>
          <Arabic className="leading-loose">{info.consentPurposeAr}</Arabic>
        </section>
      </Card>
      <Checkbox
        name="consent"
        label={t('apply.consent.label')}
        checked={d.consent}
        onChange={(consent) => set({ consent })}
        error={errors.consent}
      />
    </div>
  );
}

export function DeclarationStep({ d, set, errors, info, edit }: StepProps & { edit: (step: StepId) => void }) {
  const services = info.services.filter((s) => d.serviceIds.includes(s.id)).map((s) => s.nameAr);
  const branch = info.branches.find((b) => b.id === d.branchId)?.nameAr;
  const female = d.gender === 'female';
  const familyStatus = FAMILY_STATUSES.find((x) => x === d.familyStatus);
  const housing = HOUSING.find((x) => x === d.housing);
  const waterSource = WATER_SOURCES.find((x) => x === d.waterSource);
  const rows: { label: string; value: ReactNode; step: StepId }[] = [
    { label: t('apply.declaration.services'), value: <Arabic>{services.join('، ')}</Arabic>, step: 'services' },
    { label: t('apply.declaration.name'), value: fullName(d), step: 'name' },
    { label: t('apply.declaration.nationalId'), value: <Ltr>{d.nationalId.trim()}</Ltr>, step: 'identity' },
    { label: t('apply.declaration.mobile'), value: <Ltr>{localMobile(d.mobile) ?? d.mobile}</Ltr>, step: 'mobile' },
    {
      label: t('apply.declaration.district'),
      value: (
        <>
          {d.district.trim()}
          {branch ? <Arabic className="text-sm font-normal text-slate-700">{branch}</Arabic> : null}
        </>
      ),
      step: 'address',
    },
    {
      label: t('apply.declaration.household'),
      value: d.household.length === 0 ? '—' : d.household.map((m) => m.name.trim()).join('، '),
      step: 'family',
    },
    // Every other answer too, under the question's own words, so the person checks all of it before signing.
    {
      label: t('apply.birth.gender'),
      value: d.gender === 'male' || d.gender === 'female' ? t(`apply.birth.${d.gender}`) : '—',
      step: 'birth',
    },
    {
      label: t('apply.birth.date'),
      value: d.birth.year
        ? `${num([d.birth.day, d.birth.month, d.birth.year].join('/'))} ${t(`apply.date.${d.birth.calendar}`)}`
        : '—',
      step: 'birth',
    },
    {
      label: t('apply.family.status'),
      value: familyStatus ? t(`apply.family.${familyStatus}${female ? 'F' : ''}`) : '—',
      step: 'family',
    },
    {
      label: t('apply.family.disability'),
      value: d.disability ? t(d.disability === 'yes' ? 'app.yes' : 'app.no') : '—',
      step: 'family',
    },
    { label: t('apply.income.income'), value: d.monthlyIncome.trim() || '—', step: 'income' },
    { label: t('apply.income.housing'), value: housing ? t(`apply.income.${housing}`) : '—', step: 'income' },
    { label: t('apply.water.source'), value: waterSource ? t(`apply.water.${waterSource}`) : '—', step: 'water' },
    { label: t('apply.water.storage'), value: d.storageLitres.trim() || '—', step: 'water' },
    { label: t('apply.water.people'), value: d.peopleAtHome.trim() || '—', step: 'water' },
    { label: t('apply.water.problem'), value: d.waterProblem.trim() || '—', step: 'water' },
  ];
  return (
    <div className="space-y-6">
      <p className="text-lg">{t('apply.declaration.intro')}</p>
      <section aria-labelledby="summary-title" className="space-y-2">
        <h2 id="summary-title" className="text-lg font-bold">
          {t('apply.declaration.summary')}
        </h2>
        <Card>
          <dl className="divide-y divide-slate-200">
            {rows.map((row) => (
              <div key={row.label} className="grid grid-cols-[1fr_auto] items-center gap-x-3 py-2 first:pt-0 last:pb-0">
                <dt className="col-start-1 row-start-1 text-sm text-slate-700">{row.label}</dt>
                <dd className="col-start-1 row-start-2 min-w-0 font-bold break-words">{row.value}</dd>
                <dd className="col-start-2 row-span-2 row-start-1">
                  <Button
                    variant="quiet"
                    className="px-3"
                    aria-label={t('apply.declaration.edit', { what: row.label })}
                    onClick={() => edit(row.step)}
                  >
                    {t('apply.declaration.editShort')}
                  </Button>
                </dd>
              </div>
            ))}
          </dl>
        </Card>
      </section>
      <section aria-labelledby="declaration-title" className="space-y-2">
        <h2 id="declaration-title" className="text-lg font-bold">
          {t('apply.declaration.text')}
        </h2>
        <Card className="border-brand-200 bg-brand-50">
          <Arabic className="text-lg leading-loose">{info.declarationTextAr}</Arabic>
        </Card>
      </section>
      <TextField
        name="typedName"
        label={t('apply.declaration.typedName')}
        hint={t('apply.declaration.typedNameHint')}
        value={d.typedName}
        onChange={(typedName) => set({ typedName })}
        error={errors.typedName}
        maxLength={200}
      />
    </div>
  );
}

/** The step shown for `step` (every step but the first, which is in services-step.tsx). */
export function LaterStep({ step, props, edit }: { step: StepId; props: StepProps; edit: (step: StepId) => void }) {
  switch (step) {
    case 'identity':
      return <IdentityStep {...props} />;
    case 'name':
      return <NameStep {...props} />;
    case 'birth':
      return <BirthStep {...props} />;
    case 'mobile':
      return <MobileStep {...props} />;
    case 'address':
      return <AddressStep {...props} />;
    case 'family':
      return <FamilyStep {...props} />;
    case 'income':
      return <IncomeStep {...props} />;
    case 'water':
      return <WaterStep {...props} />;
    case 'consent':
      return <ConsentStep {...props} />;
    case 'declaration':
      return <DeclarationStep {...props} edit={edit} />;
    default:
      return null;
  }
}

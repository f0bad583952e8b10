import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { householdMismatch, LIMITS, WATER_SOURCES } from '../../../../common/domain/beneficiary';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { Checkbox, TextField } from '../../../ui/fields';
import { localMobile } from '../../../ui/Ltr';
import { RadioGroupField } from '../../../ui/RadioGroupField';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import type { BeneficiaryFile } from '../../api-types';
import { checkPin, numberInputClass, parseDecimal, parseWhole } from './form-values';
import { LocationField, type PinValue } from './LocationField';
import { useEnumOptions } from './labels';
import { useUpdateBeneficiary } from './queries';

type EditProps = { file: BeneficiaryFile; isOpen: boolean; onOpenChange: (open: boolean) => void; onDone: () => void };

/** Change the mobile numbers, the district and the home's pin. */
export function EditContactDialog({ file, isOpen, onOpenChange, onDone }: EditProps) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('file.editContact')} isOpen={isOpen} onOpenChange={onOpenChange} closeLabel={t('app.close')}>
      <ContactForm file={file} onCancel={() => onOpenChange(false)} onDone={onDone} />
    </Dialog>
  );
}

function ContactForm({ file, onCancel, onDone }: { file: BeneficiaryFile; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateBeneficiary(file.id);
  const [mobile, setMobile] = useState(localMobile(file.mobile).replaceAll(' ', ''));
  const [mobile2, setMobile2] = useState(file.mobile2 ? localMobile(file.mobile2).replaceAll(' ', '') : '');
  const [district, setDistrict] = useState(file.district);
  const [pin, setPin] = useState<PinValue>({
    lat: file.location ? String(file.location.lat) : '',
    lng: file.location ? String(file.location.lng) : '',
  });
  const fieldErrors = useFieldErrors(update.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check = checkPin(pin.lat, pin.lng);
    if (check !== 'ok' && check !== 'empty') return;
    const lat = parseDecimal(pin.lat);
    const lng = parseDecimal(pin.lng);
    update.mutate(
      {
        mobile: mobile.trim(),
        mobile2: mobile2.trim() ? mobile2.trim() : null,
        district: district.trim(),
        location: check === 'ok' && lat !== null && lng !== null ? { lat, lng } : null,
      },
      { onSuccess: onDone },
    );
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('registration.fields.mobile')}
          name="mobile"
          type="tel"
          value={mobile}
          onChange={setMobile}
          isRequired
          ltr
          inputClassName={numberInputClass}
          autoFocus
          validate={(value) => (value.trim() ? null : t('app.required'))}
          inputProps={{ inputMode: 'tel', autoComplete: 'off' }}
        />
        <TextField
          label={t('registration.fields.mobile2')}
          name="mobile2"
          type="tel"
          value={mobile2}
          onChange={setMobile2}
          ltr
          inputClassName={numberInputClass}
          inputProps={{ inputMode: 'tel', autoComplete: 'off' }}
        />
        <TextField
          label={t('registration.fields.district')}
          name="district"
          value={district}
          onChange={setDistrict}
          isRequired
          validate={(value) => (value.trim().length >= 2 ? null : t('app.required'))}
          inputProps={{ maxLength: LIMITS.district }}
          className="sm:col-span-2"
        />
        <LocationField value={pin} onChange={setPin} error={fieldErrors.location ?? null} />
      </div>
      {update.isError ? <ErrorAlert>{errorMessage(update.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={update.isPending}>
          {update.isPending ? t('app.saving') : t('app.saveChanges')}
        </Button>
      </div>
    </Form>
  );
}

/** Change the water source, the storage and the number of people at home. */
export function EditWaterDialog({ file, isOpen, onOpenChange, onDone }: EditProps) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('file.editWater')} isOpen={isOpen} onOpenChange={onOpenChange} closeLabel={t('app.close')}>
      <WaterForm file={file} onCancel={() => onOpenChange(false)} onDone={onDone} />
    </Dialog>
  );
}

function WaterForm({ file, onCancel, onDone }: { file: BeneficiaryFile; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const enumOptions = useEnumOptions();
  const update = useUpdateBeneficiary(file.id);
  const [source, setSource] = useState(file.water.source);
  const [storage, setStorage] = useState(String(file.water.storageLitres));
  const [people, setPeople] = useState(String(file.water.peopleAtHome));
  const [confirmed, setConfirmed] = useState(false);
  const format = useFormat();
  const stated = parseWhole(people);
  // A difference with the listed household is confirmed here, unless it is the number already confirmed.
  const mismatch = stated === null ? null : householdMismatch(stated, file.household.length);
  const askConfirm = mismatch !== null && file.householdCheck.confirmedSize !== stated;
  const fieldErrors = useFieldErrors(update.error);
  const whole = (min: number, max: number) => (value: string) => {
    const n = parseWhole(value);
    if (!value.trim()) return t('app.required');
    return n === null || n < min || n > max ? t('registration.fields.wholeNumber') : null;
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const storageLitres = parseWhole(storage);
    const peopleAtHome = parseWhole(people);
    if (storageLitres === null || peopleAtHome === null) return;
    update.mutate(
      { water: { source, storageLitres, peopleAtHome }, ...(askConfirm ? { householdConfirmed: confirmed } : {}) },
      { onSuccess: onDone },
    );
  }

  return (
    <Form onSubmit={onSubmit} validationErrors={fieldErrors} className="flex flex-col gap-4">
      <RadioGroupField
        label={t('registration.fields.waterSource')}
        name="water.source"
        options={enumOptions('waterSource', WATER_SOURCES)}
        value={source}
        onChange={setSource}
        isRequired
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('registration.fields.storageLitres')}
          name="water.storageLitres"
          value={storage}
          onChange={setStorage}
          isRequired
          ltr
          inputClassName={numberInputClass}
          validate={whole(0, LIMITS.storageLitres)}
          inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
        />
        <TextField
          label={t('registration.fields.peopleAtHome')}
          name="water.peopleAtHome"
          value={people}
          onChange={setPeople}
          isRequired
          ltr
          inputClassName={numberInputClass}
          validate={whole(1, LIMITS.peopleAtHome)}
          inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
        />
      </div>
      {askConfirm && mismatch ? (
        <div
          role="alert"
          className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <p>
            {t('householdCheck.mismatch', {
              stated: format.number(mismatch.stated),
              listed: format.number(mismatch.listed),
            })}
          </p>
          <Checkbox isSelected={confirmed} onChange={setConfirmed} isRequired name="householdConfirmed">
            {t('householdCheck.confirm', { stated: format.number(mismatch.stated) })}
          </Checkbox>
        </div>
      ) : null}
      {update.isError ? <ErrorAlert>{errorMessage(update.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onPress={onCancel}>{t('app.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={update.isPending}>
          {update.isPending ? t('app.saving') : t('app.saveChanges')}
        </Button>
      </div>
    </Form>
  );
}

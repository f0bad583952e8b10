import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { Ltr } from '../../../ui/Ltr';
import { SegmentedControl } from '../../../ui/SegmentedControl';
import { BeneficiaryPicker } from '../beneficiaries/BeneficiaryPicker';
import { numberInputClass } from '../beneficiaries/form-values';
import { PersonCard } from '../beneficiaries/PersonCard';

export type ChosenBeneficiary = { id: string; fullName: string; fileNumber: string };

export type ContactValue =
  | { mode: 'beneficiary'; beneficiary: ChosenBeneficiary | null }
  | { mode: 'caller'; name: string; mobile: string }
  | { mode: 'anonymous' };

export type ContactMode = ContactValue['mode'];

export const EMPTY_CALLER: ContactValue = { mode: 'caller', name: '', mobile: '' };

/** The identity fields of a request body for the contact: a file, or a caller's name and mobile, or none. */
export function contactFields(value: ContactValue): {
  beneficiaryId?: string;
  contactName?: string;
  contactMobile?: string;
} {
  if (value.mode === 'beneficiary') return value.beneficiary ? { beneficiaryId: value.beneficiary.id } : {};
  if (value.mode === 'caller') {
    return {
      ...(value.name.trim() ? { contactName: value.name.trim() } : {}),
      ...(value.mobile.trim() ? { contactMobile: value.mobile.trim() } : {}),
    };
  }
  return {};
}

/** Whether the contact is named enough to send: a chosen file, or a caller's name or mobile. */
export function contactComplete(value: ContactValue): boolean {
  if (value.mode === 'beneficiary') return value.beneficiary !== null;
  if (value.mode === 'caller') return Boolean(value.name.trim() || value.mobile.trim());
  return true;
}

/**
 * Who the contact is with: a registered beneficiary found with the one search box, or a caller not (yet) known —
 * name and mobile — or, for suggestions only, nobody (anonymous). Field errors from the server land on
 * `contactName` and `contactMobile`.
 */
export function ContactChooser({
  value,
  onChange,
  modes = ['beneficiary', 'caller'],
  showMissing,
}: {
  value: ContactValue;
  onChange: (value: ContactValue) => void;
  modes?: readonly ContactMode[];
  /** After a submit attempt: say that a file must be chosen. */
  showMissing?: boolean;
}) {
  const { t } = useTranslation();
  const setMode = (mode: string) => {
    if (mode === value.mode) return;
    if (mode === 'beneficiary') onChange({ mode: 'beneficiary', beneficiary: null });
    else if (mode === 'caller') onChange(EMPTY_CALLER);
    else onChange({ mode: 'anonymous' });
  };
  return (
    <fieldset
      className="flex flex-col gap-3"
      // The beneficiary search sits inside the contact's form: Enter in its box searches, it does not send the form.
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'search')
          event.preventDefault();
      }}
    >
      <legend className="mb-2 text-sm font-medium text-slate-800">{t('interactions.contact.legend')}</legend>
      {modes.length > 1 ? (
        <SegmentedControl
          label={t('interactions.contact.legend')}
          value={value.mode}
          onChange={setMode}
          segments={modes.map((mode) => ({ id: mode, label: t(`interactions.contact.modes.${mode}`) }))}
        />
      ) : null}
      {value.mode === 'beneficiary' ? (
        value.beneficiary ? (
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-brand-200 bg-brand-50/60 p-3">
            <div className="min-w-0">
              <div className="font-medium text-slate-900">{value.beneficiary.fullName}</div>
              <div className="text-xs text-slate-600">
                {t('file.fileNumber')}: <Ltr>{value.beneficiary.fileNumber}</Ltr>
              </div>
            </div>
            <Button className="min-h-9 px-3" onPress={() => onChange({ mode: 'beneficiary', beneficiary: null })}>
              {t('wizard.change')}
            </Button>
            <div className="w-full">
              <PersonCard beneficiaryId={value.beneficiary.id} />
            </div>
          </div>
        ) : (
          <div className="flex flex-col gap-2">
            <BeneficiaryPicker
              registerHref="/beneficiaries/new"
              onChoose={(b) =>
                onChange({
                  mode: 'beneficiary',
                  beneficiary: { id: b.id, fullName: b.fullName, fileNumber: b.fileNumber },
                })
              }
            />
            {showMissing ? (
              <p className="text-xs font-medium text-red-700">{t('interactions.contact.chooseFile')}</p>
            ) : null}
          </div>
        )
      ) : null}
      {value.mode === 'caller' ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={t('interactions.contact.name')}
            name="contactName"
            value={value.name}
            onChange={(name) => onChange({ ...value, name })}
            autoFocus
            inputProps={{ autoComplete: 'off', maxLength: 120 }}
            validate={(name) => (name.trim() || value.mobile.trim() ? null : t('interactions.contact.nameOrMobile'))}
          />
          <TextField
            label={t('interactions.contact.mobile')}
            name="contactMobile"
            type="tel"
            value={value.mobile}
            onChange={(mobile) => onChange({ ...value, mobile })}
            ltr
            inputClassName={numberInputClass}
            placeholder="05XXXXXXXX"
            inputProps={{ inputMode: 'tel', autoComplete: 'off', maxLength: 20 }}
          />
        </div>
      ) : null}
      {value.mode === 'anonymous' ? (
        <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700">{t('interactions.contact.anonymousHint')}</p>
      ) : null}
    </fieldset>
  );
}

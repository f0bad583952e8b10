import { useTranslation } from 'react-i18next';
import { parseIsoDate } from '../../../../common/dates';
import { useFormat } from '../../../lib/display';
import { TextField } from '../../../ui/fields';
import { TextAreaField } from '../../../ui/TextAreaField';
import type { VersionFields as Fields } from './types';

export function emptyVersion(today: string): Fields {
  return { bodyAr: '', approvalRef: '', approvedOn: today, effectiveFrom: today };
}

/** A date typed in the browser's date box, with its Hijri date under it. */
function DateField({
  label,
  name,
  value,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const iso = parseIsoDate(value);
  return (
    <TextField
      label={label}
      name={name}
      type="date"
      value={value}
      onChange={onChange}
      isRequired
      ltr
      description={iso ? format.dual(iso) : undefined}
      validate={(v) => (parseIsoDate(v) ? null : t('app.required'))}
    />
  );
}

/**
 * One approved text of a document: the Arabic text, the approval reference (e.g. the board minutes) and date, and
 * the date it comes into force. Staff read the latest version whose date has come.
 */
export function VersionFields({ value, onChange }: { value: Fields; onChange: (value: Fields) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<Fields>) => onChange({ ...value, ...patch });
  return (
    <div className="flex flex-col gap-4">
      <TextAreaField
        label={t('knowledge.fields.body')}
        name="bodyAr"
        value={value.bodyAr}
        onChange={(bodyAr) => set({ bodyAr })}
        isRequired
        rows={12}
        maxLength={200_000}
        validate={(v) => (v.trim().length >= 3 ? null : t('app.required'))}
      />
      <TextField
        label={t('knowledge.fields.approvalRef')}
        description={t('knowledge.fields.approvalRefHint')}
        name="approvalRef"
        value={value.approvalRef}
        onChange={(approvalRef) => set({ approvalRef })}
        isRequired
        inputProps={{ maxLength: 200 }}
        validate={(v) => (v.trim().length >= 2 ? null : t('app.required'))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <DateField
          label={t('knowledge.fields.approvedOn')}
          name="approvedOn"
          value={value.approvedOn}
          onChange={(approvedOn) => set({ approvedOn })}
        />
        <DateField
          label={t('knowledge.fields.effectiveFrom')}
          name="effectiveFrom"
          value={value.effectiveFrom}
          onChange={(effectiveFrom) => set({ effectiveFrom })}
        />
      </div>
    </div>
  );
}

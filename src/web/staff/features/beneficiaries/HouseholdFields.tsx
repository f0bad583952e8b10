import { Plus, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { RELATIONS } from '../../../../common/domain/beneficiary';
import { useFormat } from '../../../lib/display';
import { Button } from '../../../ui/Button';
import { Checkbox, TextField } from '../../../ui/fields';
import { SelectField } from '../../../ui/SelectField';
import { useEnumOptions } from './labels';

export type MemberDraft = {
  key: number;
  name: string;
  relation: string | null;
  birthDate: string;
  disability: boolean;
  disabilityNote: string;
};

let nextKey = 1;
export function emptyMember(): MemberDraft {
  nextKey += 1;
  return { key: nextKey, name: '', relation: null, birthDate: '', disability: false, disabilityNote: '' };
}

/** The people living with the beneficiary: add, fill, remove. Field names follow the API (household.0.name…). */
export function HouseholdFields({
  members,
  onChange,
}: {
  members: MemberDraft[];
  onChange: (members: MemberDraft[]) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const enumOptions = useEnumOptions();
  const relations = enumOptions('relation', RELATIONS);
  const edit = (key: number, change: Partial<MemberDraft>) =>
    onChange(members.map((m) => (m.key === key ? { ...m, ...change } : m)));

  return (
    <div className="flex flex-col gap-3">
      <p className="text-slate-600">{t('registration.household.hint')}</p>
      {members.length === 0 ? <p className="text-slate-700">{t('registration.household.empty')}</p> : null}
      <ol className="flex flex-col gap-3">
        {members.map((member, index) => {
          const n = format.number(index + 1);
          return (
            <li key={member.key} className="rounded-md border border-slate-200 bg-slate-50/60 p-3">
              <div className="mb-2 flex items-center justify-between gap-2">
                <h3 className="font-medium text-slate-900">{t('registration.household.member', { n })}</h3>
                <Button
                  variant="ghost"
                  className="min-h-9 px-2 text-red-700"
                  aria-label={t('registration.household.removeLabel', { n })}
                  onPress={() => onChange(members.filter((m) => m.key !== member.key))}
                >
                  <Trash2 aria-hidden="true" className="size-4" />
                  {t('registration.household.remove')}
                </Button>
              </div>
              <div className="grid gap-3 sm:grid-cols-3">
                <TextField
                  label={t('registration.household.name')}
                  name={`household.${index}.name`}
                  value={member.name}
                  onChange={(name) => edit(member.key, { name })}
                  isRequired
                  validate={(value) => (value.trim().length >= 2 ? null : t('registration.fields.nameTooShort'))}
                  inputProps={{ autoComplete: 'off' }}
                />
                <SelectField
                  label={t('registration.household.relation')}
                  name={`household.${index}.relation`}
                  options={relations}
                  value={member.relation}
                  onChange={(relation) => edit(member.key, { relation })}
                  isRequired
                  errorMessage={member.relation ? undefined : t('app.required')}
                />
                <TextField
                  label={t('registration.household.birthDate')}
                  name={`household.${index}.birthDate`}
                  type="date"
                  value={member.birthDate}
                  onChange={(birthDate) => edit(member.key, { birthDate })}
                  isRequired
                  validate={(value) => (value ? null : t('app.required'))}
                />
              </div>
              <Checkbox isSelected={member.disability} onChange={(disability) => edit(member.key, { disability })}>
                {t('registration.household.disability')}
              </Checkbox>
              {member.disability ? (
                <TextField
                  label={t('registration.household.disabilityNote')}
                  name={`household.${index}.disabilityNote`}
                  value={member.disabilityNote}
                  onChange={(disabilityNote) => edit(member.key, { disabilityNote })}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      <div>
        <Button onPress={() => onChange([...members, emptyMember()])}>
          <Plus aria-hidden="true" className="size-4" />
          {t('registration.household.add')}
        </Button>
      </div>
    </div>
  );
}

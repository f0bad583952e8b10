import { AlertTriangle, Plus, Trash2 } from 'lucide-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '../../../../common/arabic';
import { CASE_KINDS } from '../../../../common/domain/case';
import { ApiError, errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/display';
import { ErrorAlert, SuccessNotice } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/fields';
import { RadioGroupField } from '../../../ui/RadioGroupField';
import { TextAreaField } from '../../../ui/TextAreaField';
import { type OrganizationSettings, usePatchSettings } from './setup-api';
import { useUnsavedGuard } from './useUnsavedGuard';

type Settings = OrganizationSettings;
type Key = keyof Settings;

/** Which settings each section edits; every one of them is explained in Arabic beside its field. */
export const SECTIONS = {
  texts: ['declarationTextAr', 'declarationTextEn', 'privacyNoticeAr', 'privacyNoticeVersion', 'consentPurposeAr'],
  committee: ['committeeTargetDays', 'committeeQuorum', 'appealWindowDays', 'rejectionReasons'],
  records: ['reverifyMonths', 'reverifyGraceDays', 'maxUploadMb', 'retentionMonths', 'caseReopenDays'],
  cases: ['slaTargets', 'slaAtRiskShare'],
} as const satisfies Record<string, readonly Key[]>;

const LIMITS: Partial<Record<Key, [number, number]>> = {
  committeeTargetDays: [1, 120],
  appealWindowDays: [0, 365],
  reverifyMonths: [1, 60],
  reverifyGraceDays: [0, 365],
  maxUploadMb: [1, 25],
  retentionMonths: [1, 600],
  caseReopenDays: [0, 365],
};
const LONG_TEXTS: readonly Key[] = ['declarationTextAr', 'declarationTextEn', 'privacyNoticeAr'];

const number = (text: string) => {
  const clean = toLatinDigits(text).trim();
  return /^\d+(\.\d+)?$/.test(clean) ? Number(clean) : Number.NaN;
};

/** One section of the association's settings as its own form: saved alone, warned about when left unsaved. */
export function SettingsSection({
  section,
  initial,
  after,
}: {
  section: keyof typeof SECTIONS;
  initial: Settings;
  after?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = usePatchSettings();
  const keys = SECTIONS[section] as readonly Key[];
  const pick = (s: Settings) => Object.fromEntries(keys.map((k) => [k, s[k]])) as Partial<Settings>;
  const [base, setBase] = useState(() => pick(initial));
  const [draft, setDraft] = useState<Record<string, unknown>>(() => toDraft(pick(initial)));
  const [notice, setNotice] = useState<ReactNode>(null);
  const parsed = fromDraft(draft);
  const changed = keys.filter((k) => JSON.stringify(parsed[k]) !== JSON.stringify(base[k]));
  const dirty = changed.length > 0;
  useUnsavedGuard(dirty);
  const serverErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = (key: string) => (value: unknown) => {
    setNotice(null);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const quorumChanged = changed.includes('committeeQuorum');
  const quorumText = (q: unknown) =>
    q === 'majority'
      ? t('setup.settingsHelp.quorumMajority')
      : t('setup.settingsHelp.quorumFixed', { n: format.number(Number(q)) });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!dirty || invalid(parsed, keys)) return;
    const patch = Object.fromEntries(changed.map((k) => [k, parsed[k]])) as Partial<Settings>;
    const wasQuorum = base.committeeQuorum;
    save.mutate(patch, {
      onSuccess: (saved) => {
        setBase(pick(saved));
        setDraft(toDraft(pick(saved)));
        setNotice(
          quorumChanged
            ? t('setup.settingsHelp.savedQuorum', {
                before: quorumText(wasQuorum),
                after: quorumText(saved.committeeQuorum),
              })
            : t('setup.settingsHelp.saved'),
        );
      },
    });
  }

  const range = (key: Key) => (v: string) => {
    const [min, max] = LIMITS[key]!;
    const n = number(v);
    return Number.isInteger(n) && n >= min && n <= max
      ? null
      : t('admin.settings.range', { min: format.number(min), max: format.number(max) });
  };

  return (
    <Form onSubmit={submit} className="flex max-w-3xl flex-col gap-5" validationErrors={serverErrors}>
      {keys.map((key) => {
        if (key === 'committeeQuorum') {
          return (
            <QuorumField
              key={key}
              value={String(draft.committeeQuorum)}
              onChange={set('committeeQuorum')}
              changed={quorumChanged}
              before={quorumText(base.committeeQuorum)}
              after={
                Number.isNaN(Number(parsed.committeeQuorum)) && parsed.committeeQuorum !== 'majority'
                  ? ''
                  : quorumText(parsed.committeeQuorum)
              }
            />
          );
        }
        if (key === 'rejectionReasons') {
          return (
            <ReasonsField
              key={key}
              value={draft.rejectionReasons as Settings['rejectionReasons']}
              onChange={set('rejectionReasons')}
            />
          );
        }
        if (key === 'slaTargets') {
          return (
            <SlaField
              key={key}
              value={draft.slaTargets as Record<string, { first: string; resolution: string }>}
              onChange={set('slaTargets')}
            />
          );
        }
        if (key === 'slaAtRiskShare') {
          return (
            <TextField
              key={key}
              name={key}
              label={t(`setup.settingsHelp.fields.${key}.label` as 'setup.settingsHelp.fields.maxUploadMb.label')}
              description={t(`setup.settingsHelp.fields.${key}.help` as 'setup.settingsHelp.fields.maxUploadMb.help')}
              value={String(draft[key])}
              onChange={set(key)}
              ltr
              inputClassName="rtl:text-right"
              isRequired
              validate={(v) => {
                const n = number(v);
                return n >= 5 && n <= 90
                  ? null
                  : t('admin.settings.range', { min: format.number(5), max: format.number(90) });
              }}
              inputProps={{ inputMode: 'numeric' }}
            />
          );
        }
        if (LIMITS[key]) {
          return (
            <TextField
              key={key}
              name={key}
              label={t(`setup.settingsHelp.fields.${key}.label` as 'setup.settingsHelp.fields.maxUploadMb.label')}
              description={t(`setup.settingsHelp.fields.${key}.help` as 'setup.settingsHelp.fields.maxUploadMb.help')}
              value={String(draft[key])}
              onChange={set(key)}
              ltr
              inputClassName="rtl:text-right sm:max-w-40"
              isRequired
              validate={range(key)}
              inputProps={{ inputMode: 'numeric' }}
            />
          );
        }
        if (LONG_TEXTS.includes(key)) {
          return (
            <TextAreaField
              key={key}
              name={key}
              label={t(`setup.settingsHelp.fields.${key}.label` as 'setup.settingsHelp.fields.maxUploadMb.label')}
              description={t(`setup.settingsHelp.fields.${key}.help` as 'setup.settingsHelp.fields.maxUploadMb.help')}
              value={String(draft[key])}
              onChange={set(key)}
              rows={5}
              isRequired
              validate={(v) => (v.trim().length >= 10 ? null : t('setup.settingsHelp.tooShort'))}
            />
          );
        }
        return (
          <TextField
            key={key}
            name={key}
            label={t(`setup.settingsHelp.fields.${key}.label` as 'setup.settingsHelp.fields.maxUploadMb.label')}
            description={t(`setup.settingsHelp.fields.${key}.help` as 'setup.settingsHelp.fields.maxUploadMb.help')}
            value={String(draft[key])}
            onChange={set(key)}
            isRequired
          />
        );
      })}
      {after}
      <SuccessNotice>{notice}</SuccessNotice>
      {save.isError ? <ErrorAlert>{errorMessage(save.error)}</ErrorAlert> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" isPending={save.isPending} isDisabled={!dirty}>
          {save.isPending ? t('app.saving') : t('setup.settingsHelp.save')}
        </Button>
        {dirty ? (
          <span role="status" className="text-sm font-medium text-amber-800">
            {t('setup.unsaved.count', { n: format.number(changed.length) })}
          </span>
        ) : null}
      </div>
    </Form>
  );
}

/** The form's text-box values from the settings (numbers as text, the at-risk share as a percentage). */
function toDraft(s: Partial<Settings>): Record<string, unknown> {
  const d: Record<string, unknown> = { ...s };
  for (const k of Object.keys(LIMITS)) if (k in s) d[k] = String(s[k as Key]);
  if (s.slaAtRiskShare !== undefined) d.slaAtRiskShare = String(Math.round(s.slaAtRiskShare * 100));
  if (s.committeeQuorum !== undefined) d.committeeQuorum = String(s.committeeQuorum);
  if (s.slaTargets) {
    d.slaTargets = Object.fromEntries(
      Object.entries(s.slaTargets).map(([kind, v]) => [
        kind,
        { first: String(v.firstResponseHours), resolution: String(v.resolutionHours) },
      ]),
    );
  }
  return d;
}

function fromDraft(d: Record<string, unknown>): Partial<Settings> {
  const s: Record<string, unknown> = { ...d };
  for (const k of Object.keys(LIMITS)) if (k in d) s[k] = number(String(d[k]));
  if ('slaAtRiskShare' in d) s.slaAtRiskShare = number(String(d.slaAtRiskShare)) / 100;
  if ('committeeQuorum' in d)
    s.committeeQuorum = d.committeeQuorum === 'majority' ? 'majority' : number(String(d.committeeQuorum));
  if (d.slaTargets) {
    s.slaTargets = Object.fromEntries(
      Object.entries(d.slaTargets as Record<string, { first: string; resolution: string }>).map(([kind, v]) => [
        kind,
        { firstResponseHours: number(v.first), resolutionHours: number(v.resolution) },
      ]),
    );
  }
  for (const k of [
    'declarationTextAr',
    'declarationTextEn',
    'privacyNoticeAr',
    'privacyNoticeVersion',
    'consentPurposeAr',
  ])
    if (typeof d[k] === 'string') s[k] = (d[k] as string).trim();
  return s as Partial<Settings>;
}

function invalid(s: Partial<Settings>, keys: readonly Key[]): boolean {
  return keys.some((k) => {
    const v = s[k];
    if (typeof v === 'number') return Number.isNaN(v);
    if (k === 'slaTargets' && v)
      return Object.values(v as Settings['slaTargets']).some(
        (x) => !(x.firstResponseHours > 0 && x.resolutionHours > 0),
      );
    if (k === 'rejectionReasons')
      return (v as Settings['rejectionReasons']).some(
        (r) => r.labelAr.trim().length < 2 || !/^[a-z0-9_]{2,40}$/.test(r.code),
      );
    return false;
  });
}

function QuorumField({
  value,
  onChange,
  changed,
  before,
  after,
}: {
  value: string;
  onChange: (v: string) => void;
  changed: boolean;
  before: string;
  after: string;
}) {
  const { t } = useTranslation();
  const fixed = value !== 'majority';
  return (
    <fieldset className="flex flex-col gap-2">
      <RadioGroupField
        label={t('setup.settingsHelp.fields.committeeQuorum.label')}
        value={fixed ? 'fixed' : 'majority'}
        onChange={(v) => onChange(v === 'majority' ? 'majority' : fixed ? value : '3')}
        options={[
          { id: 'majority', label: t('setup.settingsHelp.quorumMajorityOption') },
          { id: 'fixed', label: t('setup.settingsHelp.quorumFixedOption') },
        ]}
      />
      <p className="text-xs text-slate-600">{t('setup.settingsHelp.fields.committeeQuorum.help')}</p>
      {fixed ? (
        <TextField
          name="committeeQuorum"
          label={t('setup.settingsHelp.quorumNumber')}
          value={value}
          onChange={onChange}
          ltr
          inputClassName="rtl:text-right sm:max-w-40"
          isRequired
          validate={(v) => {
            const n = Number(toLatinDigits(v));
            return Number.isInteger(n) && n >= 1 && n <= 50 ? null : t('admin.settings.range', { min: '١', max: '٥٠' });
          }}
          inputProps={{ inputMode: 'numeric' }}
        />
      ) : null}
      {changed && after ? (
        <div
          role="alert"
          className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          <AlertTriangle aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>{t('setup.settingsHelp.quorumWarning', { before, after })}</span>
        </div>
      ) : null}
    </fieldset>
  );
}

function ReasonsField({
  value,
  onChange,
}: {
  value: OrganizationSettings['rejectionReasons'];
  onChange: (v: OrganizationSettings['rejectionReasons']) => void;
}) {
  const { t } = useTranslation();
  const edit = (i: number, patch: Partial<(typeof value)[number]>) =>
    onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium text-slate-800">
        {t('setup.settingsHelp.fields.rejectionReasons.label')}
      </legend>
      <p className="text-xs text-slate-600">{t('setup.settingsHelp.fields.rejectionReasons.help')}</p>
      <ul className="flex flex-col gap-3">
        {value.map((reason, i) => (
          <li
            key={reason.code}
            className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          >
            <TextField
              label={t('setup.settingsHelp.reasonAr', { n: i + 1 })}
              value={reason.labelAr}
              onChange={(v) => edit(i, { labelAr: v })}
              isRequired
            />
            <TextField
              label={t('setup.settingsHelp.reasonEn')}
              value={reason.labelEn}
              onChange={(v) => edit(i, { labelEn: v })}
              ltr
              isRequired
            />
            <Button
              variant="ghost"
              isDisabled={value.length <= 1}
              aria-label={t('setup.settingsHelp.reasonRemove', { label: reason.labelAr })}
              onPress={() => onChange(value.filter((_, j) => j !== i))}
            >
              <Trash2 aria-hidden="true" className="size-4" />
            </Button>
          </li>
        ))}
      </ul>
      <div>
        <Button
          isDisabled={value.length >= 40}
          onPress={() => onChange([...value, { code: `reason_${Date.now().toString(36)}`, labelAr: '', labelEn: '' }])}
        >
          <Plus aria-hidden="true" className="size-4" />
          {t('setup.settingsHelp.reasonAdd')}
        </Button>
      </div>
    </fieldset>
  );
}

function SlaField({
  value,
  onChange,
}: {
  value: Record<string, { first: string; resolution: string }>;
  onChange: (v: Record<string, { first: string; resolution: string }>) => void;
}) {
  const { t } = useTranslation();
  const hours = (v: string) => (number(v) >= 0.25 && number(v) <= 5000 ? null : t('setup.settingsHelp.hoursRange'));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium text-slate-800">{t('setup.settingsHelp.fields.slaTargets.label')}</legend>
      <p className="text-xs text-slate-600">{t('setup.settingsHelp.fields.slaTargets.help')}</p>
      <div className="flex flex-col gap-3">
        {CASE_KINDS.map((kind) => (
          <div
            key={kind}
            className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[10rem_1fr_1fr] sm:items-end"
          >
            <p className="font-medium text-slate-900 sm:pb-2">{t(`cases.kinds.${kind}`)}</p>
            <TextField
              label={t('setup.settingsHelp.firstResponse')}
              value={value[kind]?.first ?? ''}
              onChange={(v) => onChange({ ...value, [kind]: { ...value[kind]!, first: v } })}
              ltr
              inputClassName="rtl:text-right"
              isRequired
              validate={hours}
              inputProps={{ inputMode: 'decimal' }}
            />
            <TextField
              label={t('setup.settingsHelp.resolution')}
              value={value[kind]?.resolution ?? ''}
              onChange={(v) => onChange({ ...value, [kind]: { ...value[kind]!, resolution: v } })}
              ltr
              inputClassName="rtl:text-right"
              isRequired
              validate={hours}
              inputProps={{ inputMode: 'decimal' }}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
